#include <set>

#include "model/permalinks.h"
#include "render/list_partitions.h"
#include "render/pagination.h"
#include "render/views/progress_views.h"
#include "render/views/project_rows.h"
#include "render/views/record_views.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

namespace {

// One city's row for one program year: tasks, projects, ratings by tier, uncovered counties.
View year_row(const model::Site& site, int city, int year) {
    View row;
    const model::City& c = site.cities[city];
    row["year"] = year;
    row["program_name"] = model::program_name(site, year);
    row["city_name"] = c.name;
    row["city_url"] = model::city_url(c.id);
    const model::TaskRow* task = nullptr;
    for (const auto& t : site.tasks)
        if (t.year == year)
            for (const auto& r : t.rows)
                if (r.city.value == c.id) task = &r;
    row["has_tasks"] = task != nullptr;
    row["tasks"] = task ? std::to_string(task->tasks) : "—";
    int projects = 0;
    std::set<std::string> counties_with_project;
    for (int p : site.projects_of_city[city]) {
        if (site.projects[p].year != year) continue;
        ++projects;
        counties_with_project.insert(site.projects[p].county.value);
    }
    row["projects"] = projects;
    // Stated where the number stands, explained on /checks/.
    const bool differs = task && projects != task->tasks;
    row["differs"] = differs;
    if (differs) {
        const int by = projects > task->tasks ? projects - task->tasks : task->tasks - projects;
        row["difference"] = (projects > task->tasks ? "比任务数多" : "比任务数少") + std::to_string(by) + "个";
        row["check_url"] = "/checks/#tasks-" + std::to_string(year) + "-" + c.id;
    }
    ViewList tiers;
    for (const model::TierIndex t : site.tier_order()) {
        int n = 0;
        auto it = site.ratings_by_year_tier.find({year, t});
        if (it != site.ratings_by_year_tier.end())
            for (int r : it->second)
                if (site.city_of_project[site.ratings[r].project] == city) ++n;
        View tv;
        tv["count"] = n;
        tv["tier_name"] = model::tier_name(site, t);
        tiers.push_back(std::move(tv));
    }
    row["tiers"] = std::move(tiers);
    ViewList uncovered;
    if (task)
        for (const auto& u : task->uncovered) {
            View uv;
            uv["name"] = u.value;
            uv["now_covered"] = counties_with_project.count(u.value) != 0;
            uncovered.push_back(std::move(uv));
        }
    row["has_uncovered"] = !uncovered.empty();
    row["uncovered"] = std::move(uncovered);
    return row;
}

}  // namespace

View city_view(const model::Site& site, const Assets& assets, const ProjectRows& project_rows,
               const ListPartitions& lists, int index) {
    const model::City& c = site.cities[index];
    const std::string url = model::city_url(c.id);
    View v = frame_view(site, assets, c.name, url, {{"各市", "/cities/"}, {c.name, url}});
    model::AsOf as_of;  // its projects' ratings, its letters and the task tables
    for (int p : site.projects_of_city[index]) as_of.add_ratings(site, site.ratings_of_project[p]);
    for (int r : site.replies_of_city[index]) as_of.add(site.replies[r]);
    for (const auto& t : site.tasks) as_of.add(site.notice(t.source.value));
    v["updated"] = as_of.text();
    v["name"] = c.name;
    v["code"] = c.code;
    add_search_filter(v, filter_kind, kind_city);
    add_search_filter(v, filter_city, c.name);
    ViewList years;
    for (const auto& p : site.config.programs) years.push_back(year_row(site, index, p.year));
    v["years"] = std::move(years);
    View tier_heads;
    ViewList heads;
    for (const auto& t : site.config.tiers) heads.push_back(View(t.name));
    v["tier_heads"] = std::move(heads);

    // Its projects while they fit one page; else links to their parts by program year.
    const bool inline_rows = lists.city_projects_fit(index);
    const size_t count = site.projects_of_city[index].size();
    ViewList projects;
    if (inline_rows) {
        projects.reserve(count);
        for (int p : site.projects_of_city[index]) projects.push_back(project_rows.row(p));
    }
    ViewList project_years;
    if (!inline_rows)
        for (const ListPart* part : lists.city_years(index)) {
            View y;
            y["name"] = std::to_string(part->year) + "年";
            y["url"] = part->url;
            y["count"] = grouped_number(part->rows.size());
            project_years.push_back(std::move(y));
        }
    v["project_count"] = inline_rows ? std::to_string(count) : grouped_number(count);
    v["has_projects"] = count != 0;
    v["projects_inline"] = inline_rows;
    v["projects"] = std::move(projects);
    v["project_years"] = std::move(project_years);

    ViewList replies;
    for (int r : site.replies_of_city[index]) {
        const model::Document& d = site.replies[r];
        View rv;
        rv["title"] = d.title;
        rv["url"] = model::reply_url(d.id.value);
        rv["doc_number"] = d.doc_number;
        replies.push_back(std::move(rv));
    }
    v["has_replies"] = !replies.empty();
    v["replies"] = std::move(replies);

    add_city_progress(v, site, index);

    ViewList facts;
    for (const auto& f : c.facts) {
        View fv;
        fv["label"] = f.label;
        fv["value"] = f.value;
        fv["unit"] = f.unit;
        fv["year"] = f.year;
        // "2023年" before the label, unless the label already says which year it is about.
        fv["year_prefix"] = f.label.rfind(std::to_string(f.year) + "年", 0) == 0 ? "" : std::to_string(f.year) + "年 ";
        fv["quote"] = f.quote;
        fv["has_quote"] = !f.quote.empty();
        if (const model::Document* source = site.document(f.source.value)) {
            fv["source_label"] = model::document_label(*source);
            fv["source_url"] = model::document_url(*source);
        }
        facts.push_back(std::move(fv));
    }
    v["has_facts"] = !facts.empty();
    v["facts"] = std::move(facts);

    ViewList counties;
    for (const auto& k : c.counties) {
        View kv;
        kv["name"] = k.name;
        kv["code"] = k.code;
        kv["kind"] = k.kind;
        counties.push_back(std::move(kv));
    }
    for (const auto& z : c.zones) {
        View kv;
        kv["name"] = z.name;
        kv["code"] = "—";
        kv["kind"] = "开发区";
        counties.push_back(std::move(kv));
    }
    v["counties"] = std::move(counties);
    return v;
}

View task_view(const model::Site& site, const Assets& assets, int index) {
    const model::TaskTable& t = site.tasks[index];
    const std::string url = model::task_url(t.year);
    const std::string title = std::to_string(t.year) + "年任务分解";
    View v = frame_view(site, assets, title, url, {{"各市", "/cities/"}, {title, url}});
    model::AsOf as_of;  // the task table's notice and the ratings of that program year
    as_of.add(site.notice(t.source.value));
    for (const auto& [key, list] : site.ratings_by_year_tier)
        if (key.first == t.year) as_of.add_ratings(site, list);
    v["updated"] = as_of.text();
    v["year"] = t.year;
    v["title"] = t.title;
    add_search_filter(v, filter_kind, kind_tasks);
    add_search_filter(v, filter_year, std::to_string(t.year) + "年");
    v["program_name"] = model::program_name(site, t.year);
    if (const model::Document* source = site.notice(t.source.value)) {
        v["source_label"] = model::document_label(*source);
        v["source_url"] = model::notice_url(t.source.value);
    }
    ViewList rows;
    int total_projects = 0;
    std::vector<int> tier_totals(site.config.tiers.size(), 0);
    for (const auto& r : t.rows) {
        const int city = site.city_index.at(r.city.value);
        View row = year_row(site, city, t.year);
        total_projects += std::stoi(std::get<std::string>(row["projects"].value));
        auto& tiers = std::get<ViewList>(row["tiers"].value);
        for (size_t i = 0; i < tiers.size(); ++i) tier_totals[i] += std::stoi(std::get<std::string>(tiers[i]["count"].value));
        rows.push_back(std::move(row));
    }
    v["rows"] = std::move(rows);
    v["declared_total"] = t.declared_total;
    v["total_projects"] = total_projects;
    ViewList totals;
    for (size_t i = 0; i < tier_totals.size(); ++i) {
        View tv;
        tv["count"] = tier_totals[i];
        totals.push_back(std::move(tv));
    }
    v["tier_totals"] = std::move(totals);
    ViewList heads;
    for (const auto& tier : site.config.tiers) heads.push_back(View(tier.name));
    v["tier_heads"] = std::move(heads);
    return v;
}

}  // namespace gongshi::render
