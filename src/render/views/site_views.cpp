#include "render/views/site_views.h"

#include <algorithm>

#include "model/permalinks.h"
#include "render/markdown.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

namespace {

// Atom wants a full timestamp; documents carry a date (or only a year).
std::string atom_time(const model::Document& d) {
    return (d.date.empty() ? std::to_string(d.year) + "-01-01" : d.date) + "T00:00:00+08:00";
}

}  // namespace

View feed_view(const model::Site& site) {
    View v;
    v["title"] = site.config.title + " · 公文";
    v["site_url"] = site.config.base_url;
    v["feed_url"] = absolute_url(site, "/feed.xml");
    std::vector<std::pair<const model::Document*, std::string>> docs;
    for (const auto& d : site.notices) docs.push_back({&d, model::notice_url(d.id.value)});
    for (const auto& d : site.replies) docs.push_back({&d, model::reply_url(d.id.value)});
    std::stable_sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) {
        return atom_time(*a.first) != atom_time(*b.first) ? atom_time(*a.first) > atom_time(*b.first)
                                                          : a.second < b.second;
    });
    ViewList entries;
    for (const auto& [d, url] : docs) {
        View e;
        e["title"] = d->doc_number.empty() ? d->title : d->doc_number + " " + d->title;
        e["url"] = absolute_url(site, url);
        e["updated"] = atom_time(*d);
        e["author"] = d->issuer;
        e["summary"] = d->summary;
        entries.push_back(std::move(e));
    }
    // The feed changes when its newest entry does; an empty feed falls back to the content's newest date.
    v["updated"] = docs.empty() ? (site.updated.empty() ? std::string("2000-01-01") : site.updated) + "T00:00:00+08:00"
                                : atom_time(*docs.front().first);
    v["entries"] = std::move(entries);
    return v;
}

View sitemap_view(const model::Site& site, const std::vector<std::string>& urls) {
    View v;
    ViewList list;
    for (const auto& u : urls) {
        View e;
        e["loc"] = absolute_url(site, u);
        list.push_back(std::move(e));
    }
    v["urls"] = std::move(list);
    return v;
}

View data_page_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "开放数据", "/data/", {{"开放数据", "/data/"}});
    v["updated"] = AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    ViewList files;
    const char* names[][2] = {{"projects", "项目"}, {"ratings", "评价结果"}, {"tasks", "任务分解"},
                              {"progress", "进度通报"}, {"scores", "评估得分"}};
    for (const auto& n : names) {
        View f;
        f["name"] = n[1];
        f["csv"] = std::string("/data/") + n[0] + ".csv";
        f["json"] = std::string("/data/") + n[0] + ".json";
        files.push_back(std::move(f));
    }
    v["files"] = std::move(files);
    v["project_count"] = static_cast<int>(site.projects.size());
    v["rating_count"] = static_cast<int>(site.ratings.size());
    return v;
}

View search_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "搜索", "/search/", {{"搜索", "/search/"}});
    exclude_from_search(v);
    v["search_js_url"] = assets.search_js_url;
    v["filter_choices"] = search_filter_choices(site);
    return v;
}

View redirect_view(const model::Site& site, const std::string& from_url, const std::string& to_url,
                   const std::string& title) {
    View v;
    v["lang"] = site.config.language;
    v["title"] = title;
    v["target"] = to_url;
    v["canonical"] = absolute_url(site, to_url);
    v["from"] = from_url;
    return v;
}

View changes_view(const model::Site& site, const Assets& assets, const model::ChangeSet& c) {
    View v = frame_view(site, assets, "更新记录", "/changes/", {{"更新记录", "/changes/"}});
    v["updated"] = AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    exclude_from_search(v);
    v["compared"] = c.compared;
    auto list = [](const std::vector<model::Change>& items) {
        ViewList out;
        for (const auto& i : items) {
            View e;
            e["url"] = i.url;
            e["text"] = i.text;
            out.push_back(std::move(e));
        }
        return View(std::move(out));
    };
    ViewList sections;
    const std::pair<const char*, const std::vector<model::Change>*> groups[] = {
        {"新增公文", &c.documents_added}, {"新增项目", &c.projects_added}, {"项目名称变更", &c.projects_renamed},
        {"新增评价", &c.ratings_added},
        {"评价变更", &c.ratings_changed}, {"不再发布", &c.removed}};
    for (const auto& [title, items] : groups) {
        if (items->empty()) continue;
        View s;
        s["title"] = title;
        s["count"] = static_cast<int>(items->size());
        s["items"] = list(*items);
        sections.push_back(std::move(s));
    }
    v["has_sections"] = !sections.empty();
    v["sections"] = std::move(sections);
    // Page paths as site URLs ("projects/x/index.html" → "/projects/x/"); a long list is cut for readability.
    constexpr size_t shown = 500;
    ViewList pages;
    for (size_t i = 0; i < c.pages_changed.size() && i < shown; ++i) {
        View p;
        p["url"] = model::url_of_file(c.pages_changed[i]);
        pages.push_back(std::move(p));
    }
    v["page_count"] = static_cast<int>(c.pages_changed.size());
    v["pages_cut"] = c.pages_changed.size() > shown;
    v["pages"] = std::move(pages);
    return v;
}

View tier_charts_view(const model::Site& site) {
    // Drawn at a phone's width so its text stays legible when the figure is scaled down to 360 px.
    constexpr int bar_height = 20, gap = 8, label_width = 64, chart_width = 360, top = 4;
    const size_t tiers = site.config.tiers.size();
    auto chart = [&](const std::string& title, const std::vector<std::pair<std::string, std::vector<int>>>& groups) {
        int max_total = 1;
        for (const auto& [name, counts] : groups) {
            int total = 0;
            for (int c : counts) total += c;
            max_total = std::max(max_total, total);
        }
        const int plot = chart_width - label_width - 40;
        View c;
        c["title"] = title;
        c["width"] = chart_width;
        c["height"] = top + static_cast<int>(groups.size()) * (bar_height + gap);
        ViewList rows, table_rows;
        std::string alt;
        int y = top;
        for (const auto& [name, counts] : groups) {
            View row;
            row["label"] = name;
            row["label_y"] = y + bar_height / 2 + 5;
            int x = label_width, total = 0;
            ViewList segments;
            std::string parts;
            for (size_t t = 0; t < tiers; ++t) {
                const int w = counts[t] * plot / max_total;
                total += counts[t];
                parts += (t ? "，" : "") + site.config.tiers[t].name + std::to_string(counts[t]);
                if (counts[t] == 0) continue;
                View seg;
                seg["x"] = x;
                seg["y"] = y;
                seg["width"] = std::max(w, 1);
                seg["height"] = bar_height;
                seg["tier_id"] = site.config.tiers[t].id;
                seg["title"] = name + " " + site.config.tiers[t].name + " " + std::to_string(counts[t]);
                segments.push_back(std::move(seg));
                x += w;
            }
            row["segments"] = std::move(segments);
            row["total"] = total;
            row["total_x"] = x + 6;
            row["total_y"] = y + bar_height / 2 + 5;
            alt += name + "：" + parts + "。";
            rows.push_back(std::move(row));
            // The same figures as a table, the chart's text alternative.
            View tr;
            tr["label"] = name;
            ViewList cells;
            for (size_t t = 0; t < tiers; ++t) cells.push_back(View(counts[t]));
            tr["cells"] = std::move(cells);
            tr["total"] = total;
            table_rows.push_back(std::move(tr));
            y += bar_height + gap;
        }
        c["rows"] = std::move(rows);
        c["table_rows"] = std::move(table_rows);
        c["alt"] = alt;
        return c;
    };
    std::vector<std::pair<std::string, std::vector<int>>> by_city(site.cities.size(), {"", std::vector<int>(tiers, 0)});
    for (size_t c = 0; c < site.cities.size(); ++c) by_city[c].first = site.cities[c].name;
    std::vector<std::pair<std::string, std::vector<int>>> by_year;
    for (const auto& p : site.config.programs) by_year.push_back({std::to_string(p.year) + "年", std::vector<int>(tiers, 0)});
    for (const auto& r : site.ratings) {
        if (r.tier < 0) continue;
        by_city[site.city_of_project[r.project]].second[r.tier]++;
        for (size_t y = 0; y < site.config.programs.size(); ++y)
            if (site.config.programs[y].year == r.year) by_year[y].second[r.tier]++;
    }
    View v;
    ViewList legend;
    for (size_t t = 0; t < tiers; ++t) {
        View l;
        l["name"] = site.config.tiers[t].name;
        l["tier_id"] = site.config.tiers[t].id;
        legend.push_back(std::move(l));
    }
    v["legend"] = std::move(legend);
    ViewList heads;
    for (const auto& t : site.config.tiers) heads.push_back(View(t.name));
    v["tier_heads"] = std::move(heads);
    View by_year_chart = chart("各项目年度评价等次", by_year);
    by_year_chart["row_head"] = "项目年度";
    View by_city_chart = chart("各市评价等次（各年度合计）", by_city);
    by_city_chart["row_head"] = "城市";
    v["charts"] = ViewList{std::move(by_year_chart), std::move(by_city_chart)};
    return v;
}

}  // namespace gongshi::render
