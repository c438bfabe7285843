#include "render/views/list_views.h"
#include "render/views/progress_views.h"

#include <algorithm>

#include "model/permalinks.h"
#include "render/view_hash.h"
#include "render/views/site_views.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

namespace {

View document_row(const model::Document& d, const std::string& url) {
    View v;
    v["title"] = d.title;
    v["url"] = url;
    v["label"] = d.doc_number.empty() ? d.issuer : d.doc_number;
    v["date"] = d.date.empty() ? std::to_string(d.year) + "年" : d.date;
    v["kind"] = d.kind;
    v["summary"] = d.summary;
    return v;
}

// The order of the document lists: by date (or year when undated), newest first.
std::string recency_key(const model::Document& d) {
    return d.date.empty() ? std::to_string(d.year) + "-00-00" : d.date;
}

int count_ratings(const model::Site& site, int year, int tier) {
    auto it = site.ratings_by_year_tier.find({year, tier});
    return it == site.ratings_by_year_tier.end() ? 0 : static_cast<int>(it->second.size());
}

// The task tables, as links (year, url).
ViewList task_links(const model::Site& site) {
    ViewList tasks;
    for (const auto& t : site.tasks) {
        View tv;
        tv["year"] = t.year;
        tv["url"] = model::task_url(t.year);
        tasks.push_back(std::move(tv));
    }
    return tasks;
}

// The fields of one project's link: what a list of neighbours shows.
ViewMap project_link(const model::Project& p) {
    ViewMap v;
    v.reserve(3);
    v["name"] = p.name;
    v["url"] = model::project_url(p.id.value);
    v["year"] = p.year;
    return v;
}

// The fields of one project's row in a table, over its link (ProjectRows).
ViewMap project_row(const model::Site& site, int index, std::shared_ptr<const SharedFields> link) {
    const model::Project& p = site.projects[index];
    const model::City& c = site.cities[site.city_of_project[index]];
    ViewMap v = ViewMap::over(std::move(link));
    v.reserve(8);
    v["id"] = p.id.value;
    v["city_name"] = c.name;
    v["city_id"] = c.id;
    v["city_url"] = model::city_url(c.id);
    v["county"] = county_label(p);
    std::string tiers, tier_ids, tier_years;
    for (int r : site.ratings_of_project[index]) {
        const model::Rating& rating = site.ratings[r];
        if (!tiers.empty()) tiers += "、";
        if (!tier_ids.empty()) tier_ids += ' ';
        if (!tier_years.empty()) tier_years += ' ';
        tiers += tier_name(site, rating.tier);
        tier_ids += tier_id(site, rating.tier);
        tier_years += std::to_string(rating.year) + ":" + tier_id(site, rating.tier);
    }
    v["tiers"] = tiers.empty() ? "—" : tiers;
    v["tier_ids"] = std::move(tier_ids);
    v["tier_years"] = std::move(tier_years);
    return v;
}

}  // namespace

// Makes a slot's fields once, whichever thread asks first; fingerprinted with that thread's scratch buffer.
template <typename Make>
const std::shared_ptr<const SharedFields>& made_once(std::once_flag& made, std::shared_ptr<const SharedFields>& fields,
                                                     const Make& make) {
    std::call_once(made, [&] {
        thread_local Fingerprint scratch;
        fields = share_fields(make(), scratch);
    });
    return fields;
}

ProjectRows::ProjectRows(const model::Site& site)
    : site_(site), rows_(new Slot[site.projects.size()]), links_(new Slot[site.projects.size()]) {}

const std::shared_ptr<const SharedFields>& ProjectRows::shared_link(size_t p) const {
    return made_once(links_[p].made, links_[p].fields, [&] { return project_link(site_.projects[p]); });
}

View ProjectRows::link(int project) const { return View(ViewMap::over(shared_link(static_cast<size_t>(project)))); }

View ProjectRows::row(int project) const {
    const auto p = static_cast<size_t>(project);
    return View(ViewMap::over(
        made_once(rows_[p].made, rows_[p].fields, [&] { return project_row(site_, project, shared_link(p)); })));
}

View home_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, site.config.title, "/", {});
    v["updated"] = AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
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
        for (size_t t = 0; t < site.config.tiers.size(); ++t) {
            const int n = count_ratings(site, p.year, static_cast<int>(t));
            total += n;
            View tv;
            tv["count"] = n;
            tv["tier_name"] = site.config.tiers[t].name;
            tv["url"] = model::ratings_url(p.year, site.config.tiers[t].id);
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

View project_list_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows) {
    View v = frame_view(site, assets, "全部项目", "/projects/", {{"项目", "/projects/"}});
    AsOf as_of;  // the notices that rate projects
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
        for (size_t t = 0; t < site.config.tiers.size(); ++t) {
            View yt;
            yt["value"] = site.config.tiers[t].id;
            yt["name"] = site.config.tiers[t].name;
            yt["count"] = count_ratings(site, p.year, static_cast<int>(t));
            yt["url"] = model::ratings_url(p.year, site.config.tiers[t].id);
            year_tiers.push_back(std::move(yt));
        }
        o["tiers"] = std::move(year_tiers);
        years.push_back(std::move(o));
    }
    v["year_options"] = std::move(years);
    ViewList tiers;
    for (size_t t = 0; t < site.config.tiers.size(); ++t) {
        // Projects rated this tier at least once (what the filter shows), not ratings.
        int n = 0;
        for (const auto& ratings : site.ratings_of_project)
            n += std::any_of(ratings.begin(), ratings.end(),
                             [&](int r) { return site.ratings[r].tier == static_cast<int>(t); });
        View o;
        o["value"] = site.config.tiers[t].id;
        o["name"] = site.config.tiers[t].name;
        o["count"] = n;
        tiers.push_back(std::move(o));
    }
    v["tier_options"] = std::move(tiers);
    return v;
}

View notice_list_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "公文", "/notices/", {{"公文", "/notices/"}});
    v["updated"] = AsOf().add_all(site.notices).text();
    ViewList rows;
    for (const auto& d : site.notices) rows.push_back(document_row(d, model::notice_url(d.id.value)));
    v["documents"] = std::move(rows);
    return v;
}

View reply_list_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "建议提案答复", "/replies/", {{"答复", "/replies/"}});
    v["updated"] = AsOf().add_all(site.replies).text();
    ViewList rows;
    for (const auto& d : site.replies) {
        View row = document_row(d, model::reply_url(d.id.value));
        if (d.motion) row["motion"] = d.motion->kind + "第" + d.motion->number + "号：" + d.motion->title;
        rows.push_back(std::move(row));
    }
    v["documents"] = std::move(rows);
    return v;
}

View city_list_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "各市", "/cities/", {{"各市", "/cities/"}});
    v["updated"] = AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    ViewList rows;
    for (size_t i = 0; i < site.cities.size(); ++i) {
        const model::City& c = site.cities[i];
        View row;
        row["name"] = c.name;
        row["url"] = model::city_url(c.id);
        row["code"] = c.code;
        row["projects"] = static_cast<int>(site.projects_of_city[i].size());
        row["counties"] = static_cast<int>(c.counties.size());
        rows.push_back(std::move(row));
    }
    v["cities"] = std::move(rows);
    v["tasks"] = task_links(site);
    return v;
}

View rating_list_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows, int year,
                      int tier) {
    std::string title = "评价结果";
    std::string url = "/ratings/";
    std::vector<Crumb> crumbs = {{"评价结果", "/ratings/"}};
    if (year != 0) {
        url = model::ratings_url(year);
        title = std::to_string(year) + "年" + program_name(site, year) + "评价结果";
        crumbs.push_back({std::to_string(year) + "年", url});
    }
    if (tier >= 0) {
        url = model::ratings_url(year, tier_id(site, tier));
        title = std::to_string(year) + "年" + tier_name(site, tier) + "等次";
        crumbs.push_back({tier_name(site, tier), url});
    }
    View v = frame_view(site, assets, title, url, crumbs);
    // Each notice's label and link, made once for its many rows.
    std::vector<std::pair<std::string, std::string>> notice_fields;
    notice_fields.reserve(site.notices.size());
    for (const model::Document& n : site.notices) notice_fields.emplace_back(document_label(n), model::notice_url(n.id.value));
    AsOf as_of;  // the notices of the ratings listed
    for (const auto& [key, list] : site.ratings_by_year_tier)
        if ((year == 0 || key.first == year) && (tier < 0 || key.second == tier)) as_of.add_ratings(site, list);
    v["updated"] = as_of.text();
    v["title"] = title;
    add_search_filter(v, filter_kind, kind_ratings);
    if (year != 0) add_search_filter(v, filter_year, std::to_string(year) + "年");
    if (tier >= 0) add_search_filter(v, filter_tier, tier_name(site, tier));
    ViewList groups;
    for (const auto& [key, list] : site.ratings_by_year_tier) {
        if (year != 0 && key.first != year) continue;
        if (tier >= 0 && key.second != tier) continue;
        View g;
        g["year"] = key.first;
        g["tier_name"] = tier_name(site, key.second);
        g["url"] = model::ratings_url(key.first, tier_id(site, key.second));
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
        y["current"] = p.year == year && tier < 0;
        ViewList tiers;
        for (size_t t = 0; t < site.config.tiers.size(); ++t) {
            View tv;
            tv["name"] = site.config.tiers[t].name;
            tv["url"] = model::ratings_url(p.year, site.config.tiers[t].id);
            tv["count"] = count_ratings(site, p.year, static_cast<int>(t));
            tv["current"] = p.year == year && static_cast<int>(t) == tier;
            tiers.push_back(std::move(tv));
        }
        y["tiers"] = std::move(tiers);
        filters.push_back(std::move(y));
    }
    v["filters"] = std::move(filters);
    return v;
}

View not_found_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "页面未找到", "/404.html", {{"页面未找到", "/404.html"}});
    exclude_from_search(v);
    return v;
}

}  // namespace gongshi::render
