// What a project page and a city page gain from progress notices and scores; nothing when none names them.
#include "model/permalinks.h"
#include "model/progress_stages.h"
#include "model/schedule_lookup.h"
#include "render/views/progress_views.h"

namespace gongshi::render {

namespace {

// On time or late against the plan's milestone for the stage, in words.
std::string timing(const model::Milestone* m, const std::string& date) {
    if (m == nullptr) return "计划未规定该阶段的期限";
    const std::string plan = "计划" + m->printed + "（" + m->paragraph + "）";
    if (date.empty()) return "通报未载明日期；" + plan;
    return (model::is_late(m, date) ? "逾期：" : "按期：") + plan;
}

ViewList score_rows(const model::Site& site, const std::vector<model::ScoreRef>& refs) {
    ViewList rows;
    for (const auto& ref : refs) {
        const model::ScoreRow& s = site.scores[ref.sheet].rows[ref.row];
        View r;
        r["month"] = month_label(s.month.value);
        r["base"] = s.base_text;
        r["bonus"] = s.bonus_text;
        r["deductions"] = s.deductions_text;
        r["total"] = s.total_text;
        if (const model::Document* n = site.notice(site.scores[ref.sheet].notice.value)) {
            r["notice_label"] = model::document_label(*n);
            r["notice_url"] = model::notice_url(n->id.value);
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace

void add_project_progress(View& v, const model::Site& site, int index) {
    const auto& events = site.progress_index.of_project[index];
    const auto& scores = site.progress_index.scores_of_project[index];
    v["has_progress"] = !events.empty() || !scores.empty();
    if (events.empty() && scores.empty()) return;
    ViewList timeline;
    for (const model::StageEvent& e : events) {
        const model::ProgressReport& r = site.progress[e.report];
        const model::StageReport& s = r.projects[e.entry];
        const model::Milestone* m = model::milestone_of(model::schedule_of(site.schedules, r.year), s.stage.value);
        View t;
        t["month"] = month_label(r.month.value);
        t["stage"] = s.stage.value;
        t["printed"] = s.printed;
        t["date"] = s.date.empty() ? "未载明" : s.date;
        t["timing"] = timing(m, s.date);
        t["late"] = model::is_late(m, s.date);
        t["problem"] = s.problem;
        t["has_problem"] = !s.problem.empty();
        t["note"] = s.note;
        t["has_note"] = !s.note.empty();
        if (const model::Document* n = site.notice(r.notice.value)) {
            t["notice_label"] = model::document_label(*n);
            t["notice_url"] = model::notice_url(n->id.value);
        }
        timeline.push_back(std::move(t));
    }
    v["has_timeline"] = !timeline.empty();
    v["timeline"] = std::move(timeline);
    v["progress_url"] = "/progress/" + std::to_string(site.projects[index].year) + "/";
    v["has_project_scores"] = !scores.empty();
    v["project_scores"] = score_rows(site, scores);
}

void add_city_progress(View& v, const model::Site& site, int city) {
    ViewList years;
    for (const auto& y : site.progress_index.years) {
        const auto& months = y.cities[city];
        if (months.empty()) continue;
        View yv;
        yv["year"] = y.year;
        yv["url"] = "/progress/" + std::to_string(y.year) + "/";
        ViewList rows;
        for (const auto& m : months) {
            View r;
            r["month"] = month_label(m.month);
            ViewList cells;
            for (int c : m.counts) cells.push_back(View(c));
            r["cells"] = std::move(cells);
            r["total"] = m.total;
            r["sources"] = report_links(site, m.reports);
            rows.push_back(std::move(r));
        }
        yv["rows"] = std::move(rows);
        years.push_back(std::move(yv));
    }
    const auto& scores = site.progress_index.scores_of_city[city];
    v["has_progress"] = !years.empty() || !scores.empty();
    if (years.empty() && scores.empty()) return;
    ViewList heads;
    for (auto s : model::progress_stages) heads.push_back(View(std::string(s)));
    v["stage_heads"] = std::move(heads);
    v["has_progress_years"] = !years.empty();
    v["progress_years"] = std::move(years);
    v["has_city_scores"] = !scores.empty();
    if (!scores.empty()) {
        ScoreSeries series{site.cities[city].name, {}};
        for (const auto& ref : scores) {
            const model::ScoreRow& s = site.scores[ref.sheet].rows[ref.row];
            series.points.emplace_back(s.month.value, s.total_text);
        }
        v["score_curve"] = score_curve(site.cities[city].name + "评估得分（按月）", {series});
        v["city_scores"] = score_rows(site, scores);
    }
}

}  // namespace gongshi::render
