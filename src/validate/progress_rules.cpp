// Schedules and progress notices: references resolve, declared counts equal what is listed, a project's stage
// never goes back without a note, and a stage reached after the plan's deadline is flagged as late.
#include <algorithm>
#include <map>
#include <set>

#include "model/progress_stages.h"
#include "model/schedule_lookup.h"
#include "validate/record_lookup.h"

namespace gongshi::validate {

namespace {

struct ProgressChecker {
    const model::Records& r;
    const RecordLookup& lookup;
    bool include_drafts;
    diag::Diagnostics& diags;

    void notice(const model::Located& ref, const char* who, bool draft) {
        if (ref.value.empty() || lookup.unreadable.count(ref.value)) return;
        auto it = lookup.notices.find(ref.value);
        if (it == lookup.notices.end())
            diags.error(ref.pos, std::string(who) + " names unknown notice '" + ref.value + "'",
                        "add content/notices/" + ref.value + ".md (the notice itself, with its disclosure block) or "
                        "correct the id");
        else if (it->second->draft && !include_drafts && !draft)
            diags.error(ref.pos, std::string(who) + " names notice '" + ref.value + "', which is a draft",
                        "publish the notice (remove 'draft: true') or build with --drafts");
    }

    void year(int year, const diag::SourcePos& pos) {
        if (year != 0 && !lookup.years.count(year))
            diags.error(pos, "program year " + std::to_string(year) + " is not in site.yaml",
                        "use a year listed under 'programs' in site.yaml");
    }

    void schedules() {
        std::set<int> years;
        for (const auto& s : r.schedules) {
            notice(s.source, "schedule", s.draft);
            year(s.year, s.pos);
            if (!years.insert(s.year).second)
                diags.error(s.pos, "a second schedule for " + std::to_string(s.year), "keep one schedules/<year>.yaml");
            std::set<std::string> ids, stages, indicators;
            for (const auto& m : s.milestones) {
                if (!m.id.empty() && !ids.insert(m.id).second)
                    diags.error(m.pos, "milestone id '" + m.id + "' appears twice", "give each milestone its own id");
                if (!m.stage.empty() && !stages.insert(m.stage).second)
                    diags.error(m.pos, "a second milestone for stage " + m.stage,
                                "one milestone fixes a stage's deadline; drop 'stage:' from the other");
            }
            for (const auto& i : s.indicators)
                if (!i.id.value.empty() && !indicators.insert(i.id.value).second)
                    diags.error(i.id.pos, "indicator id '" + i.id.value + "' appears twice", "give each indicator its own id");
        }
    }

    const model::Project* project(const model::Located& ref, int year) {
        if (ref.value.empty() || lookup.unreadable.count(ref.value)) return nullptr;
        auto it = lookup.projects.find(ref.value);
        if (it == lookup.projects.end()) {
            diags.error(ref.pos, "progress entry names unknown project '" + ref.value + "'",
                        "add the project under content/projects/ or correct the id");
            return nullptr;
        }
        if (year != 0 && it->second->year != 0 && it->second->year != year)
            diags.error(ref.pos, "project '" + ref.value + "' is a " + std::to_string(it->second->year) +
                                     " project, but this notice reports on " + std::to_string(year),
                        "list it in a progress file of its own program year");
        return it->second;
    }

    void report(const model::ProgressReport& p) {
        notice(p.notice, "progress file", p.draft);
        year(p.year, p.year_pos);
        if (!p.month.value.empty() && p.year != 0 && p.month.value < std::to_string(p.year))
            diags.error(p.month.pos, "month " + p.month.value + " is before program year " + std::to_string(p.year),
                        "write the month the notice reports on");
        const int listed = static_cast<int>(p.projects.size());
        if (p.declared >= 0 && p.declared != listed)
            diags.error(p.declared_pos, "declared " + std::to_string(p.declared) + " projects, listed " +
                                            std::to_string(listed),
                        "the notice's count and its list must agree: check the entries against the document");
        std::map<std::string, int> seen;  // project → line
        for (const auto& e : p.projects) {
            project(e.project, p.year);
            if (e.project.value.empty()) continue;
            auto [it, fresh] = seen.emplace(e.project.value, e.pos.line);
            if (!fresh)
                diags.error(e.project.pos, "project '" + e.project.value + "' is listed twice in this notice (first at line " +
                                               std::to_string(it->second) + ")",
                            "a notice reports one stage per project: remove one entry");
        }
        std::set<std::string> cities;
        for (const auto& c : p.cities) {
            if (!c.city.value.empty() && !lookup.cities_unreadable && !lookup.cities.count(c.city.value))
                diags.error(c.city.pos, "city progress names unknown city '" + c.city.value + "'",
                            "use a city id from cities.yaml, e.g. taiyuan");
            if (!c.city.value.empty() && !cities.insert(c.city.value).second)
                diags.error(c.city.pos, "city '" + c.city.value + "' is listed twice in this notice", "merge the two rows");
            int sum = 0;
            std::set<std::string> stages;
            for (const auto& s : c.stages) {
                sum += s.count;
                if (!s.stage.value.empty() && !stages.insert(s.stage.value).second)
                    diags.error(s.stage.pos, "stage " + s.stage.value + " is counted twice for " + c.city.value,
                                "merge the two counts");
            }
            if (c.declared >= 0 && c.declared != sum)
                diags.error(c.declared_pos, "declared " + std::to_string(c.declared) + " projects for " + c.city.value +
                                                ", stages add up to " + std::to_string(sum),
                            "the city's total and its counts per stage must agree: check them against the document");
        }
    }

    // Across notices in month order, a project's stage only moves forward unless an entry says why; a stage
    // reached after its milestone's deadline is worth a warning (the page shows it as late).
    void project_histories() {
        struct Seen {
            const model::ProgressReport* report;
            const model::StageReport* entry;
        };
        std::map<std::string, std::vector<Seen>> history;
        for (const auto& p : r.progress)
            for (const auto& e : p.projects)
                if (!e.project.value.empty() && !e.stage.value.empty()) history[e.project.value].push_back({&p, &e});
        for (auto& [id, seen] : history) {
            std::stable_sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) {
                return a.report->month.value != b.report->month.value ? a.report->month.value < b.report->month.value
                                                                      : a.report->notice.value < b.report->notice.value;
            });
            const Seen* furthest = nullptr;
            std::set<std::string> flagged;  // a stage reported again in a later notice is flagged once
            for (const Seen& s : seen) {
                const int stage = model::stage_index(s.entry->stage.value);
                if (furthest && stage < model::stage_index(furthest->entry->stage.value) && s.entry->note.empty())
                    diags.error(s.entry->stage.pos,
                                "project '" + id + "' goes back from " + furthest->entry->stage.value + " (" +
                                    furthest->report->notice.value + ", " + furthest->report->month.value + ") to " +
                                    s.entry->stage.value,
                                "if the notice prints it so, add 'note:' saying why; otherwise correct the stage");
                if (!furthest || stage >= model::stage_index(furthest->entry->stage.value)) furthest = &s;
                const model::Milestone* m =
                    model::milestone_of(model::schedule_of(r.schedules, s.report->year), s.entry->stage.value);
                if (model::is_late(m, s.entry->date) && flagged.insert(s.entry->stage.value).second)
                    diags.warning(s.entry->date_pos,
                                  "project '" + id + "' reached " + s.entry->stage.value + " on " + s.entry->date +
                                      ", after the plan's deadline " + m->deadline + " (" + m->paragraph + "：" +
                                      m->printed + ")",
                                  "shown as late on the project's page; nothing to fix if the date is as printed");
            }
        }
    }
};

}  // namespace

void check_progress(const model::Records& r, const RecordLookup& lookup, bool include_drafts, diag::Diagnostics& diags) {
    ProgressChecker c{r, lookup, include_drafts, diags};
    c.schedules();
    for (const auto& p : r.progress) c.report(p);
    c.project_histories();
}

}  // namespace gongshi::validate
