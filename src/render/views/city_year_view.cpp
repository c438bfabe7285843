#include "model/permalinks.h"
#include "render/list_partitions.h"
#include "render/pagination.h"
#include "render/views/page_views.h"
#include "render/views/pager_view.h"
#include "render/views/project_rows.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

View city_year_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows,
                    const ListPartitions& lists, const ListPart& part, int page) {
    const model::City& c = site.cities[static_cast<size_t>(part.city)];
    const std::string year = std::to_string(part.year) + "年";
    const std::string title = c.name + year + "项目";
    const std::string url = page_url(part.url, page);
    std::vector<Crumb> crumbs = {{"各市", "/cities/"}, {c.name, model::city_url(c.id)}, {year + "项目", part.url}};
    if (page > 1) crumbs.push_back({"第 " + std::to_string(page) + " 页", url});
    View v = frame_view(site, assets, page_title(title, page), url, std::move(crumbs));
    v["title"] = page_title(title, page);
    v["city_name"] = c.name;
    v["city_url"] = model::city_url(c.id);
    v["year"] = part.year;
    v["count"] = grouped_number(part.rows.size());
    add_search_filter(v, filter_kind, kind_city);
    add_search_filter(v, filter_city, c.name);
    add_search_filter(v, filter_year, year);
    ViewList years;  // the city's other years
    for (const ListPart* other : lists.city_years(part.city)) {
        View y;
        y["name"] = std::to_string(other->year) + "年";
        y["url"] = other->url;
        y["count"] = grouped_number(other->rows.size());
        y["current"] = other == &part;
        years.push_back(std::move(y));
    }
    v["years"] = std::move(years);
    const PageRows shown = page_rows(part.rows.size(), page);
    model::AsOf as_of;  // the notices rating the projects on this page
    for (size_t i = shown.first; i < shown.last; ++i)
        as_of.add_ratings(site, site.ratings_of_project[static_cast<size_t>(part.rows[i])]);
    v["updated"] = as_of.text();
    ViewList rows;
    rows.reserve(shown.last - shown.first);
    for (size_t i = shown.first; i < shown.last; ++i) rows.push_back(project_rows.row(part.rows[i]));
    v["projects"] = std::move(rows);
    add_pager(v, part.url, page, part.rows.size());
    return v;
}

}  // namespace gongshi::render
