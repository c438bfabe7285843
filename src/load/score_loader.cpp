// scores/<notice-id>.yaml: the evaluation scores one notice publishes, per project or per city and month.
#include "load/field_reader.h"
#include "load/progress_loaders.h"

namespace gongshi::load {

using Kind = YamlNode::Kind;

namespace {

void read_points(FieldReader& r, const char* key, double& value, std::string& text, diag::SourcePos& pos) {
    value = r.number(key, true, &text).value_or(0);
    pos = r.pos_of(key);
}

}  // namespace

std::optional<model::ScoreSheet> load_score_sheet(const YamlNode& root, const std::string& file,
                                                  diag::Diagnostics& diags) {
    FieldReader r(root, "scores file", diags);
    if (!r.is_mapping()) return std::nullopt;
    model::ScoreSheet sheet;
    sheet.file = file;
    sheet.notice = r.located_text("notice", true).value_or(model::Located{});
    sheet.year = r.integer("year", true, 2000, 2100).value_or(0);
    sheet.year_pos = r.pos_of("year");
    if (const YamlNode* scores = r.child("scores", true, Kind::sequence)) {
        for (const YamlNode& s : scores->items) {
            FieldReader sr(s, "score", diags);
            if (!sr.is_mapping()) continue;
            model::ScoreRow row;
            row.pos = s.pos;
            row.project = sr.located_text("project", false).value_or(model::Located{});
            row.city = sr.located_text("city", false).value_or(model::Located{});
            if (row.project.value.empty() == row.city.value.empty())
                diags.error(s.pos, "a score names " + std::string(row.project.value.empty() ? "neither" : "both") +
                                       " a project and a city",
                            "give either 'project:' or 'city:', as the notice scores one or the other");
            row.month = read_month(sr, diags).value_or(model::Located{});
            read_points(sr, "base", row.base, row.base_text, row.base_pos);
            read_points(sr, "bonus", row.bonus, row.bonus_text, row.bonus_pos);
            read_points(sr, "deductions", row.deductions, row.deductions_text, row.deductions_pos);
            read_points(sr, "total", row.total, row.total_text, row.total_pos);
            if (const YamlNode* items = sr.child("items", false, Kind::sequence)) {
                for (const YamlNode& i : items->items) {
                    FieldReader ir(i, "score item", diags);
                    if (!ir.is_mapping()) continue;
                    model::ScoreItem item;
                    item.pos = i.pos;
                    item.indicator = ir.located_text("indicator", true).value_or(model::Located{});
                    item.points = ir.number("points", true, &item.points_text).value_or(0);
                    ir.reject_unknown();
                    row.items.push_back(std::move(item));
                }
            }
            sr.reject_unknown();
            sheet.rows.push_back(std::move(row));
        }
    }
    sheet.draft = r.boolean("draft").value_or(false);
    r.reject_unknown();
    return sheet;
}

}  // namespace gongshi::load
