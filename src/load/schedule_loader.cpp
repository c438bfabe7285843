// schedules/<year>.yaml: the milestones and evaluation indicators a program year's plan fixes.
#include "load/field_reader.h"
#include "load/progress_loaders.h"
#include "model/progress_stages.h"

namespace gongshi::load {

using Kind = YamlNode::Kind;

namespace {

std::vector<std::string> as_strings(const auto& names) { return {names.begin(), names.end()}; }

}  // namespace

std::optional<model::Schedule> load_schedule(const YamlNode& root, diag::Diagnostics& diags) {
    FieldReader r(root, "schedule", diags);
    if (!r.is_mapping()) return std::nullopt;
    model::Schedule s;
    s.pos = root.pos;
    s.year = r.integer("year", true, 2000, 2100).value_or(0);
    s.source = r.located_text("source", true).value_or(model::Located{});
    if (const YamlNode* milestones = r.child("milestones", false, Kind::sequence)) {
        for (const YamlNode& m : milestones->items) {
            FieldReader mr(m, "milestone", diags);
            if (!mr.is_mapping()) continue;
            model::Milestone ms;
            ms.pos = m.pos;
            ms.id = mr.id("id", true).value_or("");
            ms.what = mr.text("what", true).value_or("");
            ms.stage = mr.one_of("stage", false, as_strings(model::progress_stages)).value_or("");
            ms.deadline = mr.date("deadline", true).value_or("");
            ms.deadline_pos = mr.pos_of("deadline");
            ms.printed = mr.text("printed", true).value_or("");
            ms.quote = mr.text("quote", true).value_or("");
            ms.paragraph = mr.text("paragraph", true).value_or("");
            mr.reject_unknown();
            s.milestones.push_back(std::move(ms));
        }
    }
    if (const YamlNode* indicators = r.child("indicators", false, Kind::sequence)) {
        for (const YamlNode& i : indicators->items) {
            FieldReader ir(i, "indicator", diags);
            if (!ir.is_mapping()) continue;
            model::Indicator ind;
            ind.pos = i.pos;
            ind.id = ir.located_text("id", true).value_or(model::Located{});
            ind.name = ir.text("name", true).value_or("");
            ind.kind = ir.one_of("kind", true, as_strings(model::indicator_kinds)).value_or("");
            ind.points = ir.number("points", true, &ind.points_text).value_or(0);
            ind.paragraph = ir.text("paragraph", true).value_or("");
            ir.reject_unknown();
            s.indicators.push_back(std::move(ind));
        }
    }
    s.draft = r.boolean("draft").value_or(false);
    r.reject_unknown();
    return s;
}

}  // namespace gongshi::load
