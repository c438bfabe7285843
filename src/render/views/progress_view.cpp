// /progress/<year>/: the plan's schedule as a timeline citing its paragraphs, then — once a progress notice is
// published — projects per stage per month for the province, each notice, and the score curves.
#include <set>

#include "model/permalinks.h"
#include "model/progress_stages.h"
#include "model/schedule_lookup.h"
#include "render/views/progress_views.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

std::vector<int> progress_years(const model::Site& site) {
    std::set<int> years;
    for (const auto& s : site.schedules) years.insert(s.year);
    for (const auto& y : site.progress_index.years) years.insert(y.year);
    return {years.begin(), years.end()};
}

ViewList progress_links(const model::Site& site) {
    ViewList links;
    for (const int year : progress_years(site)) {
        View l;
        l["year"] = year;
        l["url"] = "/progress/" + std::to_string(year) + "/";
        links.push_back(std::move(l));
    }
    return links;
}

namespace {

View milestone_view(const model::Site& site, const model::Schedule& schedule, const model::Milestone& m) {
    View v;
    v["what"] = m.what;
    v["printed"] = m.printed;
    v["deadline"] = m.deadline;
    v["quote"] = m.quote;
    v["paragraph"] = m.paragraph;
    v["stage"] = m.stage;
    v["has_stage"] = !m.stage.empty();
    if (const model::Document* n = site.notice(schedule.source.value)) {
        v["source_label"] = model::document_label(*n);
        v["source_url"] = model::notice_url(n->id.value);
    }
    return v;
}

// One series per city with a score of that year, in cities.yaml's order.
void add_city_score_series(const model::Site& site, int year, std::vector<ScoreSeries>& series) {
    for (size_t c = 0; c < site.cities.size(); ++c) {
        ScoreSeries s{site.cities[c].name, {}};
        for (const model::ScoreRef& ref : site.progress_index.scores_of_city[c]) {
            if (site.scores[ref.sheet].year != year) continue;
            const model::ScoreRow& row = site.scores[ref.sheet].rows[ref.row];
            s.points.emplace_back(row.month.value, row.total_text);
        }
        if (!s.points.empty()) series.push_back(std::move(s));
    }
}

}  // namespace

View progress_view(const model::Site& site, const Assets& assets, int year) {
    const std::string url = "/progress/" + std::to_string(year) + "/";
    const std::string title = std::to_string(year) + "年" + model::program_name(site, year) + "进度";
    View v = frame_view(site, assets, title, url, {{title, url}});
    add_search_filter(v, filter_year, std::to_string(year) + "年");
    v["year"] = year;
    v["program_name"] = model::program_name(site, year);
    model::AsOf as_of;

    const model::Schedule* schedule = model::schedule_of(site.schedules, year);
    ViewList milestones, indicators;
    if (schedule) {
        as_of.add(site.notice(schedule->source.value));
        for (const auto& m : schedule->milestones) milestones.push_back(milestone_view(site, *schedule, m));
        for (const auto& i : schedule->indicators) {
            View iv;
            iv["name"] = i.name;
            iv["kind"] = i.kind;
            iv["points"] = i.points_text;
            iv["paragraph"] = i.paragraph;
            indicators.push_back(std::move(iv));
        }
        if (const model::Document* n = site.notice(schedule->source.value)) {
            v["schedule_source_label"] = model::document_label(*n);
            v["schedule_source_url"] = model::notice_url(n->id.value);
        }
    }
    v["has_milestones"] = !milestones.empty();
    v["milestones"] = std::move(milestones);
    v["has_indicators"] = !indicators.empty();
    v["indicators"] = std::move(indicators);

    const model::YearProgress* progress = site.progress_index.year(year);
    ViewList notices;
    for (const auto& r : site.progress) {
        if (r.year != year) continue;
        const model::Document* n = site.notice(r.notice.value);
        if (n == nullptr) continue;
        as_of.add(n);
        View nv;
        nv["label"] = model::document_label(*n);
        nv["title"] = n->title;
        nv["url"] = model::notice_url(n->id.value);
        nv["kind"] = r.kind;
        nv["month"] = month_label(r.month.value);
        nv["projects"] = static_cast<int>(r.projects.size());
        nv["cities"] = static_cast<int>(r.cities.size());
        notices.push_back(std::move(nv));
    }
    v["has_progress"] = progress != nullptr && !progress->province.empty();
    v["has_notices"] = !notices.empty();
    v["notices"] = std::move(notices);
    if (progress != nullptr && !progress->province.empty())
        v["stage_chart"] = stage_chart(site, "全省各阶段项目数（按月）", progress->province);

    std::vector<ScoreSeries> series;
    add_city_score_series(site, year, series);
    for (const auto& sheet : site.scores)
        if (sheet.year == year) as_of.add(site.notice(sheet.notice.value));
    v["has_scores"] = !series.empty();
    if (!series.empty()) v["score_curve"] = score_curve("各市评估得分（按月）", series);
    v["updated"] = as_of.text();
    return v;
}

}  // namespace gongshi::render
