#include "model/permalinks.h"
#include "render/list_partitions.h"
#include "render/pagination.h"
#include "render/views/page_views.h"
#include "render/views/pager_view.h"
#include "render/views/project_rows.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

namespace {

// The links to every year and tier. Their counts change with every notice, so they are shown only while every
// rating fits one page: on a larger site they would make each page of every list change with each notice (the
// counts stand on /ratings/ and /ratings/<year>/ instead).
ViewList filter_links(const model::Site& site, const ListPartitions& lists, int year,
                      std::optional<model::TierIndex> tier) {
    ViewList filters;
    for (const auto& p : site.config.programs) {
        View y;
        y["year"] = p.year;
        y["url"] = model::ratings_url(p.year);
        y["current"] = p.year == year && !tier;
        ViewList tiers;
        for (const model::TierIndex t : site.tier_order()) {
            View tv;
            tv["name"] = model::tier_name(site, t);
            tv["url"] = model::ratings_url(p.year, model::tier_id(site, t));
            tv["show_count"] = lists.all_ratings_fit();
            tv["count"] = lists.all_ratings_fit() ? site.rating_count(p.year, t) : 0;
            tv["current"] = p.year == year && tier == t;
            tiers.push_back(std::move(tv));
        }
        y["tiers"] = std::move(tiers);
        filters.push_back(std::move(y));
    }
    return filters;
}

// A rating's row: its project's link, city and county, its rank and the notice that gives it — not the project's
// other ratings, which the row does not show (and which would make the page change with each notice rating it).
View rating_row(const model::Site& site, const ProjectRows& project_rows, int r) {
    const model::Rating& rating = site.ratings[r];
    const model::Document& notice = site.notices[rating.notice];
    const model::City& city = site.cities[site.city_of_project[rating.project]];
    View row = project_rows.link(rating.project);
    std::get<ViewMap>(row.value).reserve(6);
    row["city_name"] = city.name;
    row["city_url"] = model::city_url(city.id);
    row["county"] = model::county_label(site.projects[rating.project]);
    row["rank"] = rating.rank;
    row["notice_label"] = model::document_label(notice);
    row["notice_url"] = model::notice_url(notice.id.value);
    return row;
}

// A (year, tier) group: its heading, and its rows [first, last) — none on an index of groups.
View rating_group(const model::Site& site, const ProjectRows& project_rows, const ListPart& part, PageRows shown,
                  bool show_rows) {
    View g;
    g["year"] = part.year;
    g["tier_name"] = model::tier_name(site, *part.tier);
    g["url"] = part.url;
    g["count"] = grouped_number(part.rows.size());
    g["pages"] = part.pages();
    g["show_rows"] = show_rows;
    ViewList rows;
    if (show_rows) {
        rows.reserve(shown.last - shown.first);
        for (std::size_t i = shown.first; i < shown.last; ++i) rows.push_back(rating_row(site, project_rows, part.rows[i]));
    }
    g["rows"] = std::move(rows);
    return g;
}

View rating_frame(const model::Site& site, const Assets& assets, const std::string& title, const std::string& url,
                  std::vector<Crumb> crumbs, int year, std::optional<model::TierIndex> tier) {
    View v = frame_view(site, assets, title, url, std::move(crumbs));
    v["title"] = title;
    add_search_filter(v, filter_kind, kind_ratings);
    if (year != 0) add_search_filter(v, filter_year, std::to_string(year) + "年");
    if (tier) add_search_filter(v, filter_tier, model::tier_name(site, *tier));
    return v;
}

}  // namespace

View rating_overview_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows,
                          const ListPartitions& lists, int year) {
    std::string title = "评价结果";
    std::string url = "/ratings/";
    std::vector<Crumb> crumbs = {{"评价结果", "/ratings/"}};
    if (year != 0) {
        url = model::ratings_url(year);
        title = std::to_string(year) + "年" + model::program_name(site, year) + "评价结果";
        crumbs.push_back({std::to_string(year) + "年", url});
    }
    View v = rating_frame(site, assets, title, url, std::move(crumbs), year, std::nullopt);
    // Every rating when they fit one page, as the lists have always shown them; else each list's count and link.
    const bool show_rows = year == 0 ? lists.all_ratings_fit() : lists.year_ratings_fit(year);
    model::AsOf as_of;  // the notices of the ratings listed
    ViewList groups;
    for (const auto& p : site.config.programs) {
        if (year != 0 && p.year != year) continue;
        for (const model::TierIndex t : site.tier_order()) {
            const ListPart& part = lists.ratings(p.year, t);
            as_of.add_ratings(site, part.rows);
            // As before lists were split: a list without ratings has no group.
            if (!part.rows.empty()) groups.push_back(rating_group(site, project_rows, part, {0, part.rows.size()}, show_rows));
        }
    }
    v["updated"] = as_of.text();
    v["is_index"] = !show_rows;
    v["groups"] = std::move(groups);
    v["has_pager"] = false;
    v["has_city_parts"] = false;
    v["filters"] = filter_links(site, lists, year, std::nullopt);
    return v;
}

View rating_page_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows,
                      const ListPartitions& lists, const ListPart& part, int page) {
    const int year = part.year;
    const model::TierIndex tier = *part.tier;
    const std::string tier_url = model::ratings_url(year, model::tier_id(site, tier));
    std::string title = std::to_string(year) + "年" + model::tier_name(site, tier) + "等次";
    std::vector<Crumb> crumbs = {{"评价结果", "/ratings/"},
                                 {std::to_string(year) + "年", model::ratings_url(year)},
                                 {model::tier_name(site, tier), tier_url}};
    if (part.city >= 0) {
        const model::City& c = site.cities[static_cast<std::size_t>(part.city)];
        title += " · " + c.name;
        crumbs.push_back({c.name, part.url});
    }
    const std::string url = page_url(part.url, page);
    if (page > 1) crumbs.push_back({"第 " + std::to_string(page) + " 页", url});
    View v = rating_frame(site, assets, page_title(title, page), url, std::move(crumbs), year, tier);
    v["title"] = page_title(title, page);
    if (part.city >= 0) add_search_filter(v, filter_city, site.cities[static_cast<std::size_t>(part.city)].name);
    // As of the newest notice of the ratings on this page (a new notice then changes only the pages it is on).
    const PageRows shown = page_rows(part.rows.size(), page);
    model::AsOf as_of;
    for (size_t i = shown.first; i < shown.last; ++i) as_of.add(site.notices[site.ratings[part.rows[i]].notice]);
    v["updated"] = as_of.text();
    v["is_index"] = false;
    ViewList groups;
    if (!part.rows.empty()) groups.push_back(rating_group(site, project_rows, part, shown, true));
    v["groups"] = std::move(groups);
    add_pager(v, part.url, page, part.rows.size());
    // A list of several pages also links its parts by city (year × tier × city, without JavaScript).
    const ListPart& whole = lists.ratings(year, tier);
    ViewList cities;
    for (const ListPart* c : lists.city_ratings(year, tier)) {
        View cv;
        cv["name"] = site.cities[static_cast<std::size_t>(c->city)].name;
        cv["url"] = c->url;
        cv["count"] = grouped_number(c->rows.size());
        cv["current"] = c == &part;
        cities.push_back(std::move(cv));
    }
    v["has_city_parts"] = !cities.empty();
    v["city_parts"] = std::move(cities);
    v["all_cities_url"] = whole.url;
    v["all_cities_current"] = &whole == &part;
    v["filters"] = filter_links(site, lists, year, tier);
    return v;
}

}  // namespace gongshi::render
