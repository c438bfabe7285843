// progress/<notice-id>.yaml: what one progress notice reports, per project and/or per city, as printed.
#include "load/field_reader.h"
#include "load/progress_loaders.h"
#include "model/progress_stages.h"

#include <charconv>

namespace gongshi::load {

using Kind = YamlNode::Kind;

bool is_valid_month(std::string_view s) {
    if (s.size() != 7 || s[4] != '-') return false;
    int y = 0, m = 0;
    const auto ry = std::from_chars(s.data(), s.data() + 4, y);
    const auto rm = std::from_chars(s.data() + 5, s.data() + 7, m);
    return ry.ec == std::errc() && ry.ptr == s.data() + 4 && rm.ec == std::errc() && rm.ptr == s.data() + 7 &&
           y >= 1949 && y <= 2100 && m >= 1 && m <= 12;
}

namespace {

std::vector<std::string> as_strings(const auto& names) { return {names.begin(), names.end()}; }

// A located stage, checked against the stage list.
model::Located stage_of(FieldReader& r) {
    const std::optional<std::string> stage = r.one_of("stage", true, as_strings(model::progress_stages));
    return stage ? model::Located{*stage, r.pos_of("stage")} : model::Located{};
}

}  // namespace

std::optional<model::Located> read_month(FieldReader& r, diag::Diagnostics& diags) {
    auto month = r.located_text("month", true);
    if (month && !is_valid_month(month->value)) {
        diags.error(month->pos, "'" + month->value + "' is not a valid month",
                    "write the month the notice reports on as YYYY-MM, e.g. 2023-03");
        return std::nullopt;
    }
    return month;
}

std::optional<model::ProgressReport> load_progress_report(const YamlNode& root, const std::string& file,
                                                          diag::Diagnostics& diags) {
    FieldReader r(root, "progress file", diags);
    if (!r.is_mapping()) return std::nullopt;
    model::ProgressReport report;
    report.file = file;
    report.notice = r.located_text("notice", true).value_or(model::Located{});
    report.year = r.integer("year", true, 2000, 2100).value_or(0);
    report.year_pos = r.pos_of("year");
    report.kind = r.one_of("kind", true, as_strings(model::progress_kinds)).value_or("");
    report.month = read_month(r, diags).value_or(model::Located{});
    report.declared = r.integer("declared", false, 0).value_or(-1);
    report.declared_pos = r.pos_of("declared");
    if (const YamlNode* projects = r.child("projects", false, Kind::sequence)) {
        for (const YamlNode& p : projects->items) {
            FieldReader pr(p, "progress entry", diags);
            if (!pr.is_mapping()) continue;
            model::StageReport e;
            e.pos = p.pos;
            e.project = pr.located_text("project", true).value_or(model::Located{});
            e.stage = stage_of(pr);
            e.date = pr.date("date", false).value_or("");
            e.date_pos = pr.pos_of("date");
            e.printed = pr.text("printed", true).value_or("");
            e.problem = pr.text("problem", false).value_or("");
            e.note = pr.text("note", false).value_or("");
            pr.reject_unknown();
            report.projects.push_back(std::move(e));
        }
    }
    if (const YamlNode* cities = r.child("cities", false, Kind::sequence)) {
        for (const YamlNode& c : cities->items) {
            FieldReader cr(c, "city progress", diags);
            if (!cr.is_mapping()) continue;
            model::CityProgress row;
            row.pos = c.pos;
            row.city = cr.located_text("city", true).value_or(model::Located{});
            row.declared = cr.integer("declared", false, 0).value_or(-1);
            row.declared_pos = cr.pos_of("declared");
            if (const YamlNode* stages = cr.child("stages", true, Kind::sequence)) {
                for (const YamlNode& s : stages->items) {
                    FieldReader sr(s, "stage count", diags);
                    if (!sr.is_mapping()) continue;
                    model::StageCount count;
                    count.stage = stage_of(sr);
                    count.count = sr.integer("count", true, 0).value_or(0);
                    sr.reject_unknown();
                    row.stages.push_back(std::move(count));
                }
            }
            row.problem = cr.text("problem", false).value_or("");
            cr.reject_unknown();
            report.cities.push_back(std::move(row));
        }
    }
    if (report.projects.empty() && report.cities.empty())
        diags.error(root.pos, "progress file lists neither projects nor cities",
                    "add 'projects:' and/or 'cities:' as the notice prints them (see docs/content-model.md)");
    report.draft = r.boolean("draft").value_or(false);
    r.reject_unknown();
    return report;
}

}  // namespace gongshi::load
