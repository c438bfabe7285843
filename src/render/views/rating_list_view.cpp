#include "render/views/page_views.h"

#include "model/permalinks.h"
#include "render/views/project_rows.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

View rating_list_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows, int year,
                      std::optional<model::TierIndex> tier) {
    std::string title = "评价结果";
    std::string url = "/ratings/";
    std::vector<Crumb> crumbs = {{"评价结果", "/ratings/"}};
    if (year != 0) {
        url = model::ratings_url(year);
        title = std::to_string(year) + "年" + model::program_name(site, year) + "评价结果";
        crumbs.push_back({std::to_string(year) + "年", url});
    }
    if (tier) {
        url = model::ratings_url(year, model::tier_id(site, *tier));
        title = std::to_string(year) + "年" + model::tier_name(site, *tier) + "等次";
        crumbs.push_back({model::tier_name(site, *tier), url});
    }
    View v = frame_view(site, assets, title, url, crumbs);
    // Each notice's label and link, made once for its many rows.
    std::vector<std::pair<std::string, std::string>> notice_fields;
    notice_fields.reserve(site.notices.size());
    for (const model::Document& n : site.notices) notice_fields.emplace_back(model::document_label(n), model::notice_url(n.id.value));
    model::AsOf as_of;  // the notices of the ratings listed
    for (const auto& [key, list] : site.ratings_by_year_tier)
        if ((year == 0 || key.first == year) && (!tier || key.second == *tier)) as_of.add_ratings(site, list);
    v["updated"] = as_of.text();
    v["title"] = title;
    add_search_filter(v, filter_kind, kind_ratings);
    if (year != 0) add_search_filter(v, filter_year, std::to_string(year) + "年");
    if (tier) add_search_filter(v, filter_tier, model::tier_name(site, *tier));
    ViewList groups;
    for (const auto& [key, list] : site.ratings_by_year_tier) {
        if (year != 0 && key.first != year) continue;
        if (tier && key.second != *tier) continue;
        View g;
        g["year"] = key.first;
        g["tier_name"] = model::tier_name(site, key.second);
        g["url"] = model::ratings_url(key.first, model::tier_id(site, key.second));
        ViewList rows;
        rows.reserve(list.size());
        for (int r : list) {
            View row = project_rows.row(site.ratings[r].project);
            const auto& [label, notice_url] = notice_fields[static_cast<size_t>(site.ratings[r].notice)];
            std::get<ViewMap>(row.value).reserve(3);
            row["rank"] = site.ratings[r].rank;
            row["notice_label"] = label;
            row["notice_url"] = notice_url;
            rows.push_back(std::move(row));
        }
        g["count"] = static_cast<int>(rows.size());
        g["rows"] = std::move(rows);
        groups.push_back(std::move(g));
    }
    v["groups"] = std::move(groups);
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
            tv["count"] = site.rating_count(p.year, t);
            tv["current"] = p.year == year && tier == t;
            tiers.push_back(std::move(tv));
        }
        y["tiers"] = std::move(tiers);
        filters.push_back(std::move(y));
    }
    v["filters"] = std::move(filters);
    return v;
}

}  // namespace gongshi::render
