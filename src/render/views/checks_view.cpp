#include "render/views/checks_view.h"

#include <algorithm>

#include "model/as_of.h"
#include "model/checks.h"
#include "model/labels.h"
#include "model/permalinks.h"
#include "render/views/editorial_notes_view.h"

namespace gongshi::render {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : "、") + i;
    return out;
}

// "多3个" / "少2个" / "相同": how a count compares with the task count.
std::string versus(int count, int tasks) {
    if (count == tasks) return "与任务数相同";
    return (count > tasks ? "比任务数多" : "比任务数少") + std::to_string(count > tasks ? count - tasks : tasks - count) + "个";
}

// The evidence every row of a task table points to: the table's page and its source document.
void add_task_evidence(View& v, const model::Site& site, const model::TaskTable& table) {
    v["year"] = table.year;
    v["task_url"] = model::task_url(table.year);
    v["task_title"] = table.title;
    if (const model::Document* source = site.notice(table.source.value)) {
        v["source_label"] = model::document_label(*source);
        v["source_url"] = model::notice_url(source->id.value);
    }
}

// The documents that issued the ratings of a program year, as links.
ViewList rating_sources(const model::Site& site, int year) {
    ViewList out;
    std::vector<int> seen;
    for (const auto& [key, list] : site.ratings_by_year_tier) {
        if (key.first != year) continue;
        for (int r : list) {
            const int n = site.ratings[r].notice;
            if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
            seen.push_back(n);
            View d;
            d["label"] = model::document_label(site.notices[n]);
            d["url"] = model::notice_url(site.notices[n].id.value);
            out.push_back(std::move(d));
        }
    }
    return out;
}

}  // namespace

View checks_view(const model::Site& site, const Assets& assets) {
    const std::string url = "/checks/";
    View v = frame_view(site, assets, "核对说明", url, {{"核对说明", url}});
    model::AsOf as_of;  // the task tables and the ratings they are compared with
    for (const auto& t : site.tasks) as_of.add(site.notice(t.source.value));
    for (const auto& [key, list] : site.ratings_by_year_tier) as_of.add_ratings(site, list);
    v["updated"] = as_of.text();
    const model::Checks checks = model::compute_checks(site);

    ViewList differences;
    for (const auto& d : checks.task_differences) {
        const model::TaskTable& table = site.tasks[d.table];
        const model::City& city = site.cities[d.city];
        View row;
        add_task_evidence(row, site, table);
        row["id"] = "tasks-" + std::to_string(table.year) + "-" + city.id;
        row["city_name"] = city.name;
        row["city_url"] = model::city_url(city.id) + "#years-h";
        row["tasks"] = d.tasks;
        row["projects"] = d.projects;
        row["rated"] = d.rated;
        row["projects_versus"] = versus(d.projects, d.tasks);
        row["rated_versus"] = versus(d.rated, d.tasks);
        row["rating_sources"] = rating_sources(site, table.year);
        differences.push_back(std::move(row));
    }
    v["has_differences"] = !differences.empty();
    v["difference_count"] = static_cast<int>(differences.size());
    v["differences"] = std::move(differences);

    ViewList uncovered;
    int listed = 0, still = 0;
    for (const auto& u : checks.uncovered) {
        const model::TaskTable& table = site.tasks[u.table];
        const model::City& city = site.cities[u.city];
        View row;
        add_task_evidence(row, site, table);
        row["id"] = "uncovered-" + std::to_string(table.year) + "-" + city.id;
        row["city_name"] = city.name;
        row["city_url"] = model::city_url(city.id) + "#years-h";
        row["listed_count"] = static_cast<int>(u.listed.size());
        row["still_count"] = static_cast<int>(u.still_uncovered.size());
        row["still"] = join(u.still_uncovered);
        row["has_still"] = !u.still_uncovered.empty();
        listed += static_cast<int>(u.listed.size());
        still += static_cast<int>(u.still_uncovered.size());
        uncovered.push_back(std::move(row));
    }
    v["has_uncovered"] = !uncovered.empty();
    v["uncovered"] = std::move(uncovered);
    v["uncovered_listed"] = listed;
    v["uncovered_still"] = still;

    ViewList notes;  // the editorial notes of every published document, notices before replies
    for (const auto* documents : {&site.notices, &site.replies})
        for (const auto& d : *documents)
            for (auto& n : editorial_note_views(site, d)) notes.push_back(std::move(n));
    v["has_notes"] = !notes.empty();
    v["note_count"] = static_cast<int>(notes.size());
    v["notes"] = std::move(notes);
    return v;
}

}  // namespace gongshi::render
