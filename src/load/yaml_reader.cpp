// The only file that sees the YAML library (libfyaml): builds YamlNode (1-based positions) from its parse events.
#include <libfyaml.h>

#include <memory>
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

// YAML 1.2's core schema: these plain scalars are null (as in yaml-cpp, which gongshi used before).
bool is_null_text(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

struct ParserDeleter {
    void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};
struct DiagDeleter {
    void operator()(fy_diag* d) const { fy_diag_unref(d); }
};

// A diagnostic object that prints nothing and keeps the errors, so they become our located diagnostics.
// Its settings are made once: fy_diag_cfg_default asks whether standard error is a terminal (an ioctl), and a
// build parses 100 000 files.
std::unique_ptr<fy_diag, DiagDeleter> collecting_diag() {
    static const fy_diag_cfg quiet = [] {
        fy_diag_cfg c;
        fy_diag_cfg_default(&c);
        c.fp = nullptr;
        c.colorize = false;
        c.output_fn = [](fy_diag*, void*, const char*, size_t) {};
        return c;
    }();
    fy_diag_cfg cfg = quiet;
    std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&cfg));
    if (diag) fy_diag_set_collect_errors(diag.get(), true);
    return diag;
}

class EventReader {
public:
    EventReader(fy_parser* parser, const std::string& path, int line_offset, diag::Diagnostics& diags)
        : parser_(parser), path_(path), line_offset_(line_offset), diags_(diags) {}

    std::optional<YamlNode> run() {
        std::optional<YamlNode> root;
        int documents = 0;
        while (fy_event* e = fy_parser_parse(parser_)) {
            const std::unique_ptr<fy_event, EventDeleter> event(e, EventDeleter{parser_});
            const diag::SourcePos pos = pos_of(fy_event_start_mark(e));
            switch (e->type) {
                case FYET_DOCUMENT_START:
                    if (++documents > 1)
                        return fail(pos, "more than one YAML document in the file",
                                    "a file holds one record: remove the '---' line and what follows, or give it its own file");
                    break;
                case FYET_ALIAS:
                    return fail(before_sigil(pos), "YAML alias ('*name')",
                                "content files do not use anchors and aliases: write the value out in full");
                case FYET_SCALAR: {
                    YamlNode n;
                    n.pos = pos;
                    size_t len = 0;
                    const char* text = fy_token_get_text(e->scalar.value, &len);
                    n.scalar.assign(text ? text : "", text ? len : 0);
                    const fy_scalar_style style = fy_scalar_token_get_style(e->scalar.value);
                    n.quoted = style != FYSS_PLAIN;
                    // libfyaml marks a quoted scalar after its quote; the value as written starts at the quote.
                    if (style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) n.pos = before_sigil(pos);
                    n.kind = (!n.quoted && is_null_text(n.scalar)) ? YamlNode::Kind::null : YamlNode::Kind::scalar;
                    if (!add(std::move(n), root)) return std::nullopt;
                    break;
                }
                case FYET_SEQUENCE_START:
                case FYET_MAPPING_START: {
                    if (static_cast<int>(open_.size()) >= max_depth)
                        return fail(pos, "YAML nested deeper than 64 levels", "flatten the structure");
                    YamlNode n;
                    n.pos = pos;
                    n.kind = e->type == FYET_MAPPING_START ? YamlNode::Kind::mapping : YamlNode::Kind::sequence;
                    open_.push_back({std::move(n), {}, {}, false});
                    break;
                }
                case FYET_SEQUENCE_END:
                case FYET_MAPPING_END: {
                    YamlNode done = std::move(open_.back().node);
                    open_.pop_back();
                    if (!add(std::move(done), root)) return std::nullopt;
                    break;
                }
                default: break;
            }
        }
        if (fy_parser_get_stream_error(parser_)) return syntax_error();
        if (!root) root = YamlNode{YamlNode::Kind::null, {}, false, {path_, 0, 0}, {}, {}};  // an empty file
        return root;
    }

private:
    struct EventDeleter {
        fy_parser* parser;
        void operator()(fy_event* e) const { fy_parser_event_free(parser, e); }
    };
    struct Open {
        YamlNode node;
        YamlNode key;  // a mapping's pending key
        std::set<std::string, std::less<>> keys;
        bool has_key = false;
    };

    fy_parser* parser_;
    const diag::SourcePath path_;  // one shared path for every node of the file
    int line_offset_;
    diag::Diagnostics& diags_;
    std::vector<Open> open_;

    diag::SourcePos pos_of(const fy_mark* m) const {
        if (!m) return {path_, 0, 0};
        return {path_, m->line + 1 + line_offset_, m->column + 1};
    }

    static diag::SourcePos before_sigil(diag::SourcePos pos) {
        if (pos.col > 1) --pos.col;
        return pos;
    }

    std::nullopt_t fail(diag::SourcePos pos, std::string message, std::string hint) {
        diags_.error(std::move(pos), std::move(message), std::move(hint));
        return std::nullopt;
    }

    // Places a finished node: the document's root, a sequence item, a mapping key or its value.
    bool add(YamlNode n, std::optional<YamlNode>& root) {
        if (open_.empty()) {
            root = std::move(n);
            return true;
        }
        Open& parent = open_.back();
        if (parent.node.kind == YamlNode::Kind::sequence) {
            parent.node.items.push_back(std::move(n));
            return true;
        }
        if (!parent.has_key) {
            if (n.kind != YamlNode::Kind::scalar) {
                fail(n.pos, "a mapping key must be plain text", "write the key as a word");
                return false;
            }
            if (!parent.keys.insert(n.scalar).second) {
                fail(n.pos, "duplicate key '" + n.scalar + "'", "keep one of the two entries and delete the other");
                return false;
            }
            parent.key = std::move(n);
            parent.has_key = true;
            return true;
        }
        parent.node.entries.push_back({std::move(parent.key), std::move(n)});
        parent.has_key = false;
        return true;
    }

    std::nullopt_t syntax_error() {
        void* iter = nullptr;
        if (const fy_diag_error* err = fy_diag_errors_iterate(fy_parser_get_diag(parser_), &iter))
            return fail({path_, err->line + line_offset_, err->column},  // libfyaml's error positions are 1-based
                        std::string("invalid YAML: ") + (err->msg ? err->msg : "syntax error"),
                        "fix the syntax at this position (indentation, quotes, a missing ':')");
        return fail({path_, 0, 0}, "invalid YAML", "fix the syntax (indentation, quotes, a missing ':')");
    }
};

}  // namespace

std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& path, diag::Diagnostics& diags,
                                   int line_offset) {
    fy_parse_cfg cfg{};
    // Quiet and collecting: errors become our diagnostics. Our own depth limit (64) is far below the library's.
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_COLLECT_DIAG | FYPCF_DEFAULT_VERSION_1_2 |
                                                FYPCF_ALLOW_DUPLICATE_KEYS | FYPCF_DISABLE_DEPTH_LIMIT);
    const auto diag = collecting_diag();
    cfg.diag = diag.get();
    const std::unique_ptr<fy_parser, ParserDeleter> parser(diag ? fy_parser_create(&cfg) : nullptr);
    if (!parser || fy_parser_set_string(parser.get(), text.data(), text.size()) != 0) {
        diags.error({path, 0, 0}, "cannot start the YAML parser", "report this as a bug");
        return std::nullopt;
    }
    return EventReader(parser.get(), path, line_offset, diags).run();
}

}  // namespace gongshi::load
