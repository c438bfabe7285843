// One loader per record kind: a parsed YAML tree (or front matter + body) in, a typed record out.
// A record with field errors is still returned (those fields left empty) so later checks see the rest of it.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "load/yaml_tree.h"
#include "model/records.h"

namespace gongshi::load {

std::optional<model::SiteConfig> load_site(const YamlNode& root, diag::Diagnostics& diags);
void load_cities(const YamlNode& root, model::Records& out, diag::Diagnostics& diags);
std::optional<model::TaskTable> load_task_table(const YamlNode& root, diag::Diagnostics& diags);
std::optional<model::Project> load_project(const YamlNode& root, const std::string& file, diag::Diagnostics& diags);
std::optional<model::RatingList> load_rating_list(const YamlNode& root, const std::string& file,
                                                  diag::Diagnostics& diags);
// `id` comes from the file name; the body is kept as Markdown text.
std::optional<model::Document> load_document(model::Document::Type type, const YamlNode& front,
                                             model::Located id, std::string body, int body_line,
                                             const std::string& file, diag::Diagnostics& diags);

}  // namespace gongshi::load
