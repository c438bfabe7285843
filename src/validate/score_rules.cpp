// Scores: each names a known project or city and a year with indicators; its total is base + bonus − deductions,
// each part is the sum of its items, and no item or part exceeds what the indicators allow.
#include <cmath>
#include <cstdio>
#include <map>

#include "model/progress_stages.h"
#include "model/schedule_lookup.h"
#include "validate/record_lookup.h"

namespace gongshi::validate {

namespace {

bool same(double a, double b) { return std::fabs(a - b) < 1e-6; }

std::string points(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

struct Part {
    const char* key;
    const char* kind;
    double value;
    const std::string& text;
    const diag::SourcePos& pos;
};

void check_row(const model::ScoreRow& row, const model::Schedule* schedule, const RecordLookup& lookup,
               diag::Diagnostics& diags) {
    if (!row.project.value.empty() && !lookup.unreadable.count(row.project.value) &&
        !lookup.projects.count(row.project.value))
        diags.error(row.project.pos, "score names unknown project '" + row.project.value + "'",
                    "add the project under content/projects/ or correct the id");
    if (!row.city.value.empty() && !lookup.cities_unreadable && !lookup.cities.count(row.city.value))
        diags.error(row.city.pos, "score names unknown city '" + row.city.value + "'",
                    "use a city id from cities.yaml, e.g. taiyuan");
    if (!row.total_text.empty() && !same(row.total, row.base + row.bonus - row.deductions))
        diags.error(row.total_pos, "total " + row.total_text + " is not base + bonus − deductions (" + row.base_text +
                                       " + " + row.bonus_text + " − " + row.deductions_text + " = " +
                                       points(row.base + row.bonus - row.deductions) + ")",
                    "check the four figures against the notice");
    if (schedule == nullptr) return;
    std::map<std::string, const model::Indicator*> indicators;
    std::map<std::string, double> bound, summed;  // kind → the indicators' points, the items' points
    for (const auto& i : schedule->indicators) {
        indicators[i.id.value] = &i;
        bound[i.kind] += i.points;
    }
    for (const auto& item : row.items) {
        auto it = indicators.find(item.indicator.value);
        if (it == indicators.end()) {
            if (!item.indicator.value.empty())
                diags.error(item.indicator.pos, "score item names unknown indicator '" + item.indicator.value + "'",
                            "use an indicator id listed in schedules/" + std::to_string(schedule->year) + ".yaml");
            continue;
        }
        summed[it->second->kind] += item.points;
        if (item.points > it->second->points + 1e-9)
            diags.error(item.pos, "item " + item.indicator.value + " gives " + item.points_text + " points, more than the " +
                                      it->second->points_text + " its indicator allows",
                        "check the item against the notice and the indicator's points");
    }
    const Part parts[] = {{"base", "基础分", row.base, row.base_text, row.base_pos},
                          {"bonus", "加分", row.bonus, row.bonus_text, row.bonus_pos},
                          {"deductions", "扣分", row.deductions, row.deductions_text, row.deductions_pos}};
    for (const Part& part : parts) {
        if (part.text.empty()) continue;
        if (!row.items.empty() && !same(part.value, summed[part.kind]))
            diags.error(part.pos, std::string(part.key) + " " + part.text + " is not the sum of its " + part.kind +
                                      " items (" + points(summed[part.kind]) + ")",
                        "list every item the notice prints, or correct the figure");
        else if (part.value > bound[part.kind] + 1e-9)
            diags.error(part.pos, std::string(part.key) + " " + part.text + " is more than the " + points(bound[part.kind]) +
                                      " points the " + part.kind + " indicators allow",
                        "check the figure against the notice and the indicators in schedules/" +
                            std::to_string(schedule->year) + ".yaml");
    }
}

}  // namespace

void check_scores(const model::Records& r, const RecordLookup& lookup, bool include_drafts, diag::Diagnostics& diags) {
    for (const auto& sheet : r.scores) {
        if (!sheet.notice.value.empty() && !lookup.unreadable.count(sheet.notice.value)) {
            auto it = lookup.notices.find(sheet.notice.value);
            if (it == lookup.notices.end())
                diags.error(sheet.notice.pos, "scores file names unknown notice '" + sheet.notice.value + "'",
                            "add content/notices/" + sheet.notice.value + ".md or correct the id");
            else if (it->second->draft && !include_drafts && !sheet.draft)
                diags.error(sheet.notice.pos, "scores file names notice '" + sheet.notice.value + "', which is a draft",
                            "publish the notice (remove 'draft: true') or build with --drafts");
        }
        const model::Schedule* schedule = model::schedule_of(r.schedules, sheet.year);
        if (sheet.year != 0 && (schedule == nullptr || schedule->indicators.empty()))
            diags.error(sheet.year_pos, "program year " + std::to_string(sheet.year) + " has no evaluation indicators",
                        "add the indicators the notice scores against under 'indicators:' in schedules/" +
                            std::to_string(sheet.year) + ".yaml");
        for (const auto& row : sheet.rows) check_row(row, schedule, lookup, diags);
    }
}

}  // namespace gongshi::validate
