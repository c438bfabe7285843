#include "render/views/page_views.h"

#include <algorithm>
#include "model/permalinks.h"
#include "render/views/project_rows.h"


namespace gongshi::render {

View project_list_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows) {
    View v = frame_view(site, assets, "全部项目", "/projects/", {{"项目", "/projects/"}});
    model::AsOf as_of;  // the notices that rate projects
    for (size_t n = 0; n < site.notices.size(); ++n)
        if (!site.ratings_of_notice[n].empty()) as_of.add(site.notices[n]);
    v["updated"] = as_of.text();
    ViewList rows;
    rows.reserve(site.projects.size());
    for (size_t i = 0; i < site.projects.size(); ++i) rows.push_back(project_rows.row(static_cast<int>(i)));
    v["count"] = static_cast<int>(rows.size());
    v["projects"] = std::move(rows);
    // Filter options with the number of projects each would show on its own.
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
    return v;
}

}  // namespace gongshi::render
