#include "render/views/page_views.h"

#include "model/permalinks.h"
#include "render/views/document_row.h"
#include "render/views/progress_views.h"
#include "render/views/task_links.h"
#include "render/views/tier_charts.h"


namespace gongshi::render {

View home_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, site.config.title, "/", {});
    v["updated"] = model::AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    v["title"] = site.config.title;
    v["description"] = site.config.description;
    v["project_count"] = static_cast<int>(site.projects.size());
    v["rating_count"] = static_cast<int>(site.ratings.size());
    ViewList years;
    for (const auto& p : site.config.programs) {
        View y;
        y["year"] = p.year;
        y["name"] = p.name;
        y["url"] = model::ratings_url(p.year);
        int total = 0;
        ViewList tiers;
        for (const model::TierIndex t : site.tier_order()) {
            const int n = site.rating_count(p.year, t);
            total += n;
            View tv;
            tv["count"] = n;
            tv["tier_name"] = model::tier_name(site, t);
            tv["url"] = model::ratings_url(p.year, model::tier_id(site, t));
            tiers.push_back(std::move(tv));
        }
        y["tiers"] = std::move(tiers);
        y["total"] = total;
        years.push_back(std::move(y));
    }
    v["years"] = std::move(years);
    ViewList heads;
    for (const auto& t : site.config.tiers) heads.push_back(View(t.name));
    v["tier_heads"] = std::move(heads);
    // The newest documents of both kinds: merge the two lists, each already newest first.
    constexpr size_t latest_shown = 6;
    ViewList latest;
    size_t n = 0, r = 0;
    while (latest.size() < latest_shown && (n < site.notices.size() || r < site.replies.size())) {
        const bool take_notice =
            r == site.replies.size() ||
            (n < site.notices.size() && recency_key(site.notices[n]) >= recency_key(site.replies[r]));
        View row = take_notice ? document_row(site.notices[n], model::notice_url(site.notices[n].id.value))
                               : document_row(site.replies[r], model::reply_url(site.replies[r].id.value));
        row["type"] = take_notice ? "公文" : "答复";
        take_notice ? ++n : ++r;
        latest.push_back(std::move(row));
    }
    v["latest"] = std::move(latest);
    ViewList cities;
    for (size_t c = 0; c < site.cities.size(); ++c) {
        View cv;
        cv["name"] = site.cities[c].name;
        cv["url"] = model::city_url(site.cities[c].id);
        cv["count"] = static_cast<int>(site.projects_of_city[c].size());
        cities.push_back(std::move(cv));
    }
    v["cities"] = std::move(cities);
    v["tasks"] = task_links(site);
    v["progress_links"] = progress_links(site);
    View charts = tier_charts_view(site);
    v["charts"] = std::move(charts["charts"]);
    v["legend"] = std::move(charts["legend"]);
    return v;
}

}  // namespace gongshi::render
