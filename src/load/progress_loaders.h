// Loaders of what the plan and the department report between the ratings: a program year's schedule and
// indicators (schedules/<year>.yaml), progress notices (progress/<notice-id>.yaml), scores (scores/<notice-id>.yaml).
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "load/yaml_tree.h"
#include "model/records.h"

namespace gongshi::load {

std::optional<model::Schedule> load_schedule(const YamlNode& root, diag::Diagnostics& diags);
std::optional<model::ProgressReport> load_progress_report(const YamlNode& root, const std::string& file,
                                                          diag::Diagnostics& diags);
std::optional<model::ScoreSheet> load_score_sheet(const YamlNode& root, const std::string& file,
                                                  diag::Diagnostics& diags);

// A month as YYYY-MM (e.g. 2023-03).
bool is_valid_month(std::string_view s);
class FieldReader;
// The record's `month` field, checked as YYYY-MM; nothing (the error reported) if it is missing or malformed.
std::optional<model::Located> read_month(FieldReader& r, diag::Diagnostics& diags);

}  // namespace gongshi::load
