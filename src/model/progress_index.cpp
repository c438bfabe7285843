#include "model/progress_index.h"

#include <algorithm>
#include <optional>
#include <set>

#include "model/progress_stages.h"
#include "model/site.h"

namespace gongshi::model {

namespace {

void add(MonthStages& into, const MonthStages& from) {
    for (size_t s = 0; s < into.counts.size(); ++s) into.counts[s] += from.counts[s];
    into.total += from.total;
    into.reports.insert(into.reports.end(), from.reports.begin(), from.reports.end());
}

void sort_unique(std::vector<int>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// One city's figure for a month, if any notice gives one.
std::optional<MonthStages> city_month(const Site& s, int year, int city, const std::string& month) {
    MonthStages m;
    m.month = month;
    // A city row of a notice of that month (the last in id order, as notices are sorted).
    for (size_t r = 0; r < s.progress.size(); ++r) {
        const ProgressReport& report = s.progress[r];
        if (report.year != year || report.month.value != month) continue;
        for (const CityProgress& row : report.cities) {
            if (row.city.value != s.cities[city].id) continue;
            m.counts = {};
            for (const StageCount& c : row.stages)
                if (const int i = stage_index(c.stage.value); i >= 0) m.counts[i] += c.count;
            m.reports = {static_cast<int>(r)};
        }
    }
    if (!m.reports.empty()) {
        for (int c : m.counts) m.total += c;
        return m;
    }
    // Else the city's projects at their latest stage reported up to that month.
    for (int p : s.projects_of_city[city]) {
        if (s.projects[p].year != year) continue;
        const StageEvent* latest = nullptr;
        for (const StageEvent& e : s.progress_index.of_project[p])
            if (s.progress[e.report].month.value <= month) latest = &e;
        if (latest == nullptr) continue;
        const int i = stage_index(s.progress[latest->report].projects[latest->entry].stage.value);
        if (i < 0) continue;
        ++m.counts[i];
        ++m.total;
        m.reports.push_back(latest->report);
    }
    if (m.reports.empty()) return std::nullopt;
    sort_unique(m.reports);
    return m;
}

}  // namespace

void build_progress_index(Site& s) {
    ProgressIndex& x = s.progress_index;
    x.of_project.assign(s.projects.size(), {});
    x.scores_of_project.assign(s.projects.size(), {});
    x.scores_of_city.assign(s.cities.size(), {});
    if (s.progress.empty() && s.scores.empty()) return;  // the usual case: nothing more to index
    // s.progress is in month order, so each project's events are too.
    for (size_t r = 0; r < s.progress.size(); ++r)
        for (size_t e = 0; e < s.progress[r].projects.size(); ++e)
            if (const int p = s.project_at(s.progress[r].projects[e].project.value); p >= 0)
                x.of_project[static_cast<size_t>(p)].push_back({static_cast<int>(r), static_cast<int>(e)});
    for (size_t sh = 0; sh < s.scores.size(); ++sh)
        for (size_t row = 0; row < s.scores[sh].rows.size(); ++row) {
            const ScoreRow& score = s.scores[sh].rows[row];
            const ScoreRef ref{static_cast<int>(sh), static_cast<int>(row)};
            if (const int p = s.project_at(score.project.value); p >= 0)
                x.scores_of_project[static_cast<size_t>(p)].push_back(ref);
            if (auto c = s.city_index.find(score.city.value); c != s.city_index.end()) x.scores_of_city[c->second].push_back(ref);
        }
    auto by_month = [&](const ScoreRef& a, const ScoreRef& b) {
        const std::string& ma = s.scores[a.sheet].rows[a.row].month.value;
        const std::string& mb = s.scores[b.sheet].rows[b.row].month.value;
        return ma != mb ? ma < mb : a.sheet < b.sheet;
    };
    for (auto* lists : {&x.scores_of_project, &x.scores_of_city})
        for (auto& list : *lists) std::stable_sort(list.begin(), list.end(), by_month);

    std::set<int> years;
    for (const auto& r : s.progress) years.insert(r.year);
    for (const int year : years) {
        YearProgress y;
        y.year = year;
        for (const auto& r : s.progress)
            if (r.year == year && (y.months.empty() || y.months.back() != r.month.value)) y.months.push_back(r.month.value);
        y.cities.resize(s.cities.size());
        for (const std::string& month : y.months) {
            MonthStages province;
            province.month = month;
            for (size_t c = 0; c < s.cities.size(); ++c)
                if (auto m = city_month(s, year, static_cast<int>(c), month)) {
                    add(province, *m);
                    y.cities[c].push_back(std::move(*m));
                }
            sort_unique(province.reports);
            if (!province.reports.empty()) y.province.push_back(std::move(province));
        }
        x.years.push_back(std::move(y));
    }
}

}  // namespace gongshi::model
