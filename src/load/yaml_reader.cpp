// The only file that sees yaml-cpp: converts its nodes (0-based marks) into YamlNode (1-based) once.
#include <yaml-cpp/yaml.h>

#include <set>

#include "load/yaml_tree.h"

namespace gongshi::load {

const YamlNode* YamlNode::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k.scalar == key) return &v;
    return nullptr;
}

namespace {

constexpr int max_depth = 64;

struct Converter {
    const std::string& path;
    int line_offset;
    diag::Diagnostics& diags;
    bool ok = true;

    diag::SourcePos pos_of(const YAML::Mark& m) const {
        if (m.line < 0) return {path, 0, 0};
        return {path, m.line + 1 + line_offset, m.column + 1};
    }

    YamlNode convert(const YAML::Node& n, int depth) {
        YamlNode out;
        out.pos = pos_of(n.Mark());
        if (depth > max_depth) {
            if (ok) diags.error(out.pos, "YAML nested deeper than 64 levels", "flatten the structure");
            ok = false;
            return out;
        }
        switch (n.Type()) {
            case YAML::NodeType::Scalar:
                out.kind = YamlNode::Kind::scalar;
                out.scalar = n.Scalar();
                out.quoted = n.Tag() == "!";
                break;
            case YAML::NodeType::Sequence:
                out.kind = YamlNode::Kind::sequence;
                for (const auto& item : n) out.items.push_back(convert(item, depth + 1));
                break;
            case YAML::NodeType::Map: {
                out.kind = YamlNode::Kind::mapping;
                std::set<std::string> seen;
                for (const auto& kv : n) {
                    YamlNode key = convert(kv.first, depth + 1);
                    if (key.kind != YamlNode::Kind::scalar) {
                        diags.error(key.pos, "a mapping key must be plain text", "write the key as a word");
                        ok = false;
                        continue;
                    }
                    if (!seen.insert(key.scalar).second) {
                        diags.error(key.pos, "duplicate key '" + key.scalar + "'",
                                    "keep one of the two entries and delete the other");
                        ok = false;
                        continue;
                    }
                    YamlNode value = convert(kv.second, depth + 1);
                    out.entries.emplace_back(std::move(key), std::move(value));
                }
                break;
            }
            default:
                out.kind = YamlNode::Kind::null;
        }
        return out;
    }
};

}  // namespace

std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& path, diag::Diagnostics& diags,
                                   int line_offset) {
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        Converter c{path, line_offset, diags};
        YamlNode out = c.convert(root, 0);
        if (!c.ok) return std::nullopt;
        return out;
    } catch (const YAML::Exception& e) {
        diags.error({path, e.mark.line + 1 + line_offset, e.mark.column + 1}, "invalid YAML: " + e.msg,
                    "fix the syntax at this position (indentation, quotes, a missing ':')");
        return std::nullopt;
    }
}

}  // namespace gongshi::load
