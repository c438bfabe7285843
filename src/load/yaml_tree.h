// A parsed YAML document as plain data with 1-based source positions; the only YAML shape loaders see.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"

namespace gongshi::load {

struct YamlEntry;

struct YamlNode {
    enum class Kind { null, scalar, sequence, mapping };
    Kind kind = Kind::null;
    std::string scalar;    // for scalars: the text
    bool quoted = false;   // scalar was written in quotes (so "2023" is text, not a number)
    diag::SourcePos pos;   // where the node starts
    std::vector<YamlNode> items;                         // sequence
    std::vector<YamlEntry> entries;  // mapping: key node, value node, in file order

    const YamlNode* find(std::string_view key) const;
};

// A plain struct, not std::pair: a pair of the still-incomplete YamlNode does not compile with clang.
struct YamlEntry {
    YamlNode key;
    YamlNode value;
};

// Parses YAML text. On a syntax error (or a duplicate key) adds a located error and returns nothing.
// `line_offset` shifts reported lines (front matter starts below the opening "---").
std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& path, diag::Diagnostics& diags,
                                   int line_offset = 0);

}  // namespace gongshi::load
