// projects/<city>/<id>.yaml and tasks/<year>.yaml.
#include "load/field_reader.h"
#include "load/record_loaders.h"

namespace gongshi::load {

using Kind = YamlNode::Kind;

std::optional<model::Project> load_project(const YamlNode& root, const std::string& file, diag::Diagnostics& diags) {
    FieldReader r(root, "project", diags);
    if (!r.is_mapping()) return std::nullopt;
    model::Project p;
    p.file = file;
    if (auto id = r.id("id", true)) p.id = {*id, r.pos_of("id")};
    p.name = r.text("name", true).value_or("");
    p.year = r.integer("year", true, 2000, 2100).value_or(0);
    p.year_pos = r.pos_of("year");
    p.city = r.located_text("city", true).value_or(model::Located{});
    p.county = r.located_text("county", false).value_or(model::Located{});  // a city-level project names none
    p.town = r.text("town", false).value_or("");
    p.community = r.text("community", false).value_or("");
    p.address = r.text("address", false).value_or("");
    p.area_m2 = r.number("area_m2", false, &p.area_text);
    p.investment_wan = r.number("investment_wan", false, &p.investment_text);
    p.construction = r.one_of("construction", false, {"新建", "改建", "购置", "其他"}).value_or("");
    p.beds = r.integer("beds", false, 0, 100000);
    p.operator_name = r.text("operator", false).value_or("");
    p.facts_source = r.located_text("facts_source", false);
    const bool has_facts = p.area_m2 || p.investment_wan || !p.construction.empty() || p.beds ||
                           !p.operator_name.empty() || !p.address.empty();
    if (has_facts && !p.facts_source)
        diags.error(root.pos, "project states facts (area, investment, …) without 'facts_source'",
                    "add 'facts_source: <notice or reply id>' naming the document they come from");
    p.aliases = r.located_list("aliases", false);
    if (const YamlNode* notes = r.child("location_notes", false, Kind::sequence)) {
        for (const YamlNode& n : notes->items) {
            FieldReader nr(n, "location note", diags);
            model::LocationNote note;
            note.field = nr.one_of("field", true, {"county", "town", "community"}).value_or("");
            note.printed = nr.text("printed", true).value_or("");
            note.dataset = nr.text("dataset", true).value_or("");
            note.reason = nr.text("reason", true).value_or("");
            nr.reject_unknown();
            p.location_notes.push_back(std::move(note));
        }
    }
    // private: read only to check its shape; its values are never copied into the model.
    p.has_private = r.child("private", false, Kind::mapping) != nullptr;
    p.draft = r.boolean("draft").value_or(false);
    r.reject_unknown();
    return p;
}

std::optional<model::TaskTable> load_task_table(const YamlNode& root, diag::Diagnostics& diags) {
    FieldReader r(root, "task table", diags);
    if (!r.is_mapping()) return std::nullopt;
    model::TaskTable t;
    t.pos = root.pos;
    t.year = r.integer("year", true, 2000, 2100).value_or(0);
    t.source = r.located_text("source", true).value_or(model::Located{});
    t.title = r.text("title", true).value_or("");
    t.declared_total = r.integer("declared_total", true, 0).value_or(-1);  // -1: unreadable, already reported
    t.total_pos = r.pos_of("declared_total");
    if (const YamlNode* rows = r.child("rows", true, Kind::sequence)) {
        for (const YamlNode& row : rows->items) {
            FieldReader rr(row, "task row", diags);
            model::TaskRow tr;
            tr.pos = row.pos;
            tr.city = rr.located_text("city", true).value_or(model::Located{});
            tr.tasks = rr.integer("tasks", true, 0).value_or(-1);
            tr.uncovered = rr.located_list("uncovered", true);
            rr.reject_unknown();
            t.rows.push_back(std::move(tr));
        }
    }
    t.draft = r.boolean("draft").value_or(false);
    r.reject_unknown();
    return t;
}

}  // namespace gongshi::load
