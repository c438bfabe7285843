// The only file that sees yaml-cpp: converts its nodes (0-based marks) into YamlNode (1-based) once.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <sstream>

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
                    out.entries.push_back({std::move(key), std::move(value)});
                }
                break;
            }
            default:
                out.kind = YamlNode::Kind::null;
        }
        return out;
    }
};

// Where the documents of a stream start and its first alias ("*name") is. Content files never need anchors
// and aliases, and an alias expanded into the tree can multiply its size without bound ("billion laughs").
struct EventScan : YAML::EventHandler {
    std::vector<YAML::Mark> documents;
    std::optional<YAML::Mark> alias;
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        if (!alias) alias = mark;
    }
    void OnDocumentStart(const YAML::Mark& mark) override { documents.push_back(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// Reads at most three documents: yaml-cpp's parser never gets past some inputs (a stray ',' at the top level),
// so asking it for "every document" (YAML::LoadAll) loops forever — the fuzzer found that.
EventScan scan_events(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    EventScan scan;
    for (int i = 0; i < 3 && parser.HandleNextDocument(scan); ++i) {
    }
    return scan;
}

// Only a file with a document marker or an alias needs the second pass.
bool may_hold_documents_or_aliases(const std::string& text) {
    return text.find('*') != std::string::npos || text.rfind("---", 0) == 0 || text.find("\n---") != std::string::npos ||
           text.rfind("...", 0) == 0 || text.find("\n...") != std::string::npos;
}

}  // namespace

std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& path, diag::Diagnostics& diags,
                                   int line_offset) {
    try {
        const std::string source(text);
        const YAML::Node document = YAML::Load(source);
        Converter c{path, line_offset, diags};
        if (may_hold_documents_or_aliases(source)) {
            const EventScan scan = scan_events(source);
            if (scan.documents.size() > 1) {
                diags.error(c.pos_of(scan.documents[1]), "more than one YAML document in the file",
                            "a file holds one record: remove the '---' line and what follows, or give it its own file");
                return std::nullopt;
            }
            if (scan.alias) {
                diags.error(c.pos_of(*scan.alias), "YAML alias ('*name')",
                            "content files do not use anchors and aliases: write the value out in full");
                return std::nullopt;
            }
        }
        YamlNode out = c.convert(document, 0);
        if (!c.ok) return std::nullopt;
        return out;
    } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own limit, before ours: its message is "bad file"
        diags.error({path, e.mark.line + 1 + line_offset, 1}, "YAML nested deeper than 64 levels", "flatten the structure");
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        diags.error({path, e.mark.line + 1 + line_offset, e.mark.column + 1}, "invalid YAML: " + e.msg,
                    "fix the syntax at this position (indentation, quotes, a missing ':')");
        return std::nullopt;
    }
}

}  // namespace gongshi::load
