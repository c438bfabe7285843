// Reads the fields of one YAML mapping into typed values, reporting wrong types, missing and unknown fields.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "load/yaml_tree.h"
#include "model/records.h"

namespace gongshi::load {

class FieldReader {
public:
    // `what` names the record in messages ("project", "rating entry").
    FieldReader(const YamlNode& node, std::string what, diag::Diagnostics& diags);

    bool is_mapping() const { return ok_; }
    const diag::SourcePos& pos() const { return node_.pos; }

    std::optional<std::string> text(const char* key, bool required);
    std::optional<model::Located> located_text(const char* key, bool required);
    std::optional<int> integer(const char* key, bool required, int min = 0, int max = 1'000'000'000);
    // A decimal number; `as_written` receives the digits as they stand in the file.
    std::optional<double> number(const char* key, bool required, std::string* as_written = nullptr);
    std::optional<bool> boolean(const char* key);
    std::optional<std::string> date(const char* key, bool required);  // YYYY-MM-DD, a real calendar date
    std::optional<std::string> id(const char* key, bool required);    // [a-z0-9-]+
    std::optional<std::string> one_of(const char* key, bool required, const std::vector<std::string>& allowed);
    std::vector<std::string> text_list(const char* key, bool required);
    std::vector<model::Located> located_list(const char* key, bool required);
    // The raw child node for nested structures; marks the key as known.
    const YamlNode* child(const char* key, bool required, YamlNode::Kind kind);
    const diag::SourcePos& pos_of(const char* key) const;

    // Reports every key that was never asked for. Call once, after reading all fields.
    void reject_unknown();

private:
    const YamlNode* take(const char* key, bool required);
    const YamlNode* scalar(const char* key, bool required);
    void type_error(const YamlNode& n, const char* key, const char* expected);

    const YamlNode& node_;
    std::string what_;
    diag::Diagnostics& diags_;
    std::set<std::string> known_;
    bool ok_ = true;
};

bool is_valid_id(std::string_view s);
bool is_valid_date(std::string_view s);

}  // namespace gongshi::load
