#include <algorithm>

#include "model/permalinks.h"
#include "render/list_partitions.h"
#include "render/pagination.h"
#include "render/project_filter_data.h"
#include "render/views/page_views.h"
#include "render/views/project_rows.h"

namespace gongshi::render {

namespace {

// Filter options with the number of projects each would show on its own.
void add_filter_options(View& v, const model::Site& site) {
    ViewList cities;
    for (size_t c = 0; c < site.cities.size(); ++c) {
        View o;
        o["value"] = site.cities[c].id;
        o["name"] = site.cities[c].name;
        o["count"] = static_cast<int>(site.projects_of_city[c].size());
        o["url"] = model::city_url(site.cities[c].id);
        cities.push_back(std::move(o));
    }
    v["city_options"] = std::move(cities);
    ViewList years;
    for (const auto& p : site.config.programs) {
        int n = 0;
        for (const auto& pr : site.projects) n += pr.year == p.year;
        View o;
        o["value"] = std::to_string(p.year);
        o["name"] = std::to_string(p.year) + "年";
        o["count"] = n;
        o["url"] = model::ratings_url(p.year);
        // The static pages of this year's tiers, for readers without JavaScript.
        ViewList year_tiers;
        for (const model::TierIndex t : site.tier_order()) {
            View yt;
            yt["value"] = model::tier_id(site, t);
            yt["name"] = model::tier_name(site, t);
            yt["count"] = site.rating_count(p.year, t);
            yt["url"] = model::ratings_url(p.year, model::tier_id(site, t));
            year_tiers.push_back(std::move(yt));
        }
        o["tiers"] = std::move(year_tiers);
        years.push_back(std::move(o));
    }
    v["year_options"] = std::move(years);
    ViewList tiers;
    for (const model::TierIndex t : site.tier_order()) {
        // Projects rated this tier at least once (what the filter shows), not ratings.
        int n = 0;
        for (const auto& ratings : site.ratings_of_project)
            n += std::any_of(ratings.begin(), ratings.end(), [&](int r) { return site.ratings[r].tier == t; });
        View o;
        o["value"] = model::tier_id(site, t);
        o["name"] = model::tier_name(site, t);
        o["count"] = n;
        tiers.push_back(std::move(o));
    }
    v["tier_options"] = std::move(tiers);
}

// The index of the projects by city and program year: a row per city, a column per year, each count linking to
// that part's pages.
void add_part_index(View& v, const model::Site& site, const ListPartitions& lists) {
    ViewList heads;
    for (const auto& p : site.config.programs) heads.push_back(View(std::to_string(p.year) + "年"));
    v["year_heads"] = std::move(heads);
    ViewList rows;
    for (size_t c = 0; c < site.cities.size(); ++c) {
        View row;
        row["name"] = site.cities[c].name;
        row["url"] = model::city_url(site.cities[c].id);
        ViewList cells;
        for (const auto& p : site.config.programs) {
            const ListPart* part = lists.city_year(static_cast<int>(c), p.year);
            View cell;
            cell["has_projects"] = part != nullptr;
            cell["count"] = part ? grouped_number(part->rows.size()) : "0";
            cell["url"] = part ? part->url : "";
            cell["label"] = site.cities[c].name + std::to_string(p.year) + "年项目";
            cells.push_back(std::move(cell));
        }
        row["cells"] = std::move(cells);
        rows.push_back(std::move(row));
    }
    v["part_rows"] = std::move(rows);
}

}  // namespace

View project_list_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows,
                       const ListPartitions& lists) {
    View v = frame_view(site, assets, "全部项目", "/projects/", {{"项目", "/projects/"}});
    model::AsOf as_of;  // the notices that rate projects
    for (size_t n = 0; n < site.notices.size(); ++n)
        if (!site.ratings_of_notice[n].empty()) as_of.add(site.notices[n]);
    v["updated"] = as_of.text();
    // Every project while they fit one page; else no rows here, but the index of their parts by city and year,
    // and the filter fetches the rows of the parts it needs (render/project_filter_data.h).
    const bool inline_rows = lists.all_projects_fit();
    ViewList rows;
    if (inline_rows) {
        rows.reserve(site.projects.size());
        for (size_t i = 0; i < site.projects.size(); ++i) rows.push_back(project_rows.row(static_cast<int>(i)));
    }
    v["count"] = inline_rows ? std::to_string(site.projects.size()) : grouped_number(site.projects.size());
    v["projects"] = std::move(rows);
    v["is_index"] = !inline_rows;
    if (!inline_rows) {
        v["parts_url"] = project_parts_url;
        add_part_index(v, site, lists);
    }
    add_filter_options(v, site);
    return v;
}

}  // namespace gongshi::render
