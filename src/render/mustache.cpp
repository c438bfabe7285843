#include "render/mustache.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace gongshi::render::mustache {

namespace {

enum class TokenType { text, variable, raw_variable, section_open, inverted_open, section_close, partial, comment };

struct Token {
    TokenType type = TokenType::text;
    std::string text;  // raw text, or the tag's name
    bool eol = false;  // text ending a line (or the empty marker after a tag that ends the template)
    bool ws_only = false;
    diag::SourcePos pos;
    std::string indent;  // a standalone partial's indentation
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

Token text_token(std::string_view s) {
    Token t;
    t.text = std::string(s);
    t.eol = !s.empty() && s.back() == '\n';
    t.ws_only = std::all_of(s.begin(), s.end(), is_space);
    return t;
}

// Splits the template into text (one token per line piece) and tags, as mstch does.
class Tokenizer {
public:
    Tokenizer(std::string_view text, const std::string& path, diag::Diagnostics& diags)
        : text_(text), path_(path), diags_(diags) {}

    bool run(std::vector<Token>& tokens) {
        size_t cur = 0;
        while (cur < text_.size()) {
            const size_t open = text_.find("{{", cur);
            if (open == std::string_view::npos) {
                add_text(tokens, cur, text_.size());
                break;
            }
            size_t close = text_.find("}}", open + 2);
            if (close == std::string_view::npos)
                return fail(open, "unclosed tag '{{'", "close it with '}}'");
            if (open + 2 < text_.size() && text_[open + 2] == '{' && close + 2 < text_.size() && text_[close + 2] == '}')
                ++close;
            add_text(tokens, cur, open);
            Token tag;
            if (!read_tag(text_.substr(open + 2, close - open - 2), open, tag)) return false;
            tokens.push_back(std::move(tag));
            cur = close + 2;
            if (cur == text_.size()) {
                Token end = text_token("");
                end.eol = true;
                tokens.push_back(std::move(end));
            }
        }
        return true;
    }

private:
    std::string_view text_;
    const std::string& path_;
    diag::Diagnostics& diags_;

    diag::SourcePos pos_of(size_t at) const {
        const auto before = text_.substr(0, at);
        const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        const size_t line_start = before.rfind('\n');
        const int col = static_cast<int>(at - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
        return {path_, line, col};
    }

    bool fail(size_t at, std::string message, std::string hint) {
        diags_.error(pos_of(at), std::move(message), std::move(hint));
        return false;
    }

    void add_text(std::vector<Token>& tokens, size_t begin, size_t end) const {
        for (size_t start = begin; start < end;) {
            const size_t nl = text_.find('\n', start);
            const size_t piece_end = (nl == std::string_view::npos || nl >= end) ? end : nl + 1;
            tokens.push_back(text_token(text_.substr(start, piece_end - start)));
            start = piece_end;
        }
    }

    bool read_tag(std::string_view inner, size_t at, Token& tag) {
        tag.pos = pos_of(at);
        if (inner.size() >= 2 && inner.front() == '=' && inner.back() == '=')
            return fail(at, "set-delimiter tags ('{{=…=}}') are not supported", "use the default '{{' and '}}'");
        if (!inner.empty() && inner.front() == '{' && inner.back() == '}') {
            tag.type = TokenType::raw_variable;
            tag.text = std::string(trim(inner.substr(1, inner.size() - 2)));
        } else {
            const std::string_view body = trim(inner);
            if (body.empty()) return fail(at, "empty tag '{{}}'", "name a value, or remove the tag");
            switch (body.front()) {
                case '#': tag.type = TokenType::section_open; break;
                case '^': tag.type = TokenType::inverted_open; break;
                case '/': tag.type = TokenType::section_close; break;
                case '>': tag.type = TokenType::partial; break;
                case '!': tag.type = TokenType::comment; break;
                case '&': tag.type = TokenType::raw_variable; break;
                default: tag.type = TokenType::variable;
            }
            tag.text = std::string(tag.type == TokenType::variable ? body : trim(body.substr(1)));
        }
        if (tag.text.empty() && tag.type != TokenType::comment)
            return fail(at, "tag '{{" + std::string(inner) + "}}' names nothing", "name a value after the sigil");
        return true;
    }
};

bool is_tag(const Token& t) {
    return t.type != TokenType::text && t.type != TokenType::variable && t.type != TokenType::raw_variable;
}

// Mustache's standalone lines: a line holding only whitespace and section, partial or comment tags loses its
// whitespace and line break; a partial on such a line remembers the indentation before it.
void strip_standalone_lines(std::vector<Token>& tokens) {
    std::vector<Token> out;
    out.reserve(tokens.size());
    size_t line_begin = 0;
    bool has_tag = false, non_space = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (is_tag(tokens[i])) has_tag = true;
        else if (tokens[i].type != TokenType::text || !tokens[i].ws_only) non_space = true;
        if (!tokens[i].eol) continue;
        const bool standalone = has_tag && !non_space;
        for (size_t j = line_begin; j <= i; ++j) {
            if (standalone && tokens[j].type == TokenType::partial && j > line_begin && tokens[j - 1].type == TokenType::text &&
                tokens[j - 1].ws_only)
                tokens[j].indent = tokens[j - 1].text;
            if (!(standalone && tokens[j].type == TokenType::text && tokens[j].ws_only)) out.push_back(std::move(tokens[j]));
        }
        line_begin = i + 1;
        has_tag = non_space = false;
    }
    for (size_t j = line_begin; j < tokens.size(); ++j) out.push_back(std::move(tokens[j]));
    tokens = std::move(out);
}

std::vector<std::string> split_name(const std::string& name) {
    if (name == ".") return {name};
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
        const size_t dot = name.find('.', start);
        parts.push_back(name.substr(start, dot - start));
        if (dot == std::string::npos) return parts;
        start = dot + 1;
    }
}

}  // namespace

Template Template::compile(std::string_view text, const std::string& path, diag::Diagnostics& diags) {
    std::vector<Token> tokens;
    if (!Tokenizer(text, path, diags).run(tokens)) return {};
    strip_standalone_lines(tokens);

    Template t;
    struct Open { std::vector<Node>* nodes; const Token* token; Node* node; };
    std::vector<Open> open{{&t.nodes_, nullptr, nullptr}};
    bool prev_eol = true;
    for (const Token& tok : tokens) {
        const bool line_start = prev_eol;
        prev_eol = tok.eol;
        std::vector<Node>& into = *open.back().nodes;
        if (tok.type == TokenType::comment) continue;
        if (tok.type == TokenType::section_close) {
            if (open.size() == 1 || open.back().token->text != tok.text) {
                diags.error(tok.pos, "'{{/" + tok.text + "}}' closes no open section",
                            open.size() == 1 ? "remove it" : "close '" + open.back().token->text + "' first");
                return {};
            }
            open.back().node->close_line_start = line_start;
            open.pop_back();
            continue;
        }
        Node n;
        n.line_start = line_start;
        n.text = tok.text;
        n.indent = tok.indent;
        switch (tok.type) {
            case TokenType::text: n.kind = Node::Kind::text; break;
            case TokenType::variable: n.kind = Node::Kind::variable; break;
            case TokenType::raw_variable: n.kind = Node::Kind::raw_variable; break;
            case TokenType::section_open: n.kind = Node::Kind::section; break;
            case TokenType::inverted_open: n.kind = Node::Kind::inverted; break;
            default: n.kind = Node::Kind::partial;
        }
        if (n.kind != Node::Kind::text && n.kind != Node::Kind::partial) n.path = split_name(n.text);
        into.push_back(std::move(n));
        if (tok.type == TokenType::section_open || tok.type == TokenType::inverted_open)
            open.push_back({&into.back().children, &tok, &into.back()});
    }
    if (open.size() > 1) {
        diags.error(open.back().token->pos, "section '" + open.back().token->text + "' is never closed",
                    "add '{{/" + open.back().token->text + "}}'");
        return {};
    }
    return t;
}

std::vector<std::string> Template::partial_names() const {
    std::vector<std::string> names;
    std::vector<const std::vector<Node>*> todo{&nodes_};
    while (!todo.empty()) {
        const auto* nodes = todo.back();
        todo.pop_back();
        for (const Node& n : *nodes) {
            if (n.kind == Node::Kind::partial) names.push_back(n.text);
            todo.push_back(&n.children);
        }
    }
    return names;
}

namespace {

bool is_empty(const View& v) {
    if (const auto* s = std::get_if<std::string>(&v.value)) return s->empty();
    if (const auto* b = std::get_if<bool>(&v.value)) return !*b;
    if (const auto* l = std::get_if<ViewList>(&v.value)) return l->empty();
    return false;
}

const View* member(const View& v, const std::string& key) {
    const auto* m = std::get_if<ViewMap>(&v.value);
    return m ? m->get(key) : nullptr;
}

struct Renderer {
    const Partials& partials;
    std::string& out;
    const View* overlay;
    std::vector<const View*> stack;

    const View* lookup(const std::vector<std::string>& path) const {
        if (path.front() == ".") return stack.back();
        const View* found = nullptr;
        for (size_t i = stack.size(); i-- > 0 && !found;) {
            if (i == 0 && overlay) found = member(*overlay, path.front());
            if (!found) found = member(*stack[i], path.front());
        }
        for (size_t i = 1; found && i < path.size(); ++i) found = member(*found, path[i]);
        return found;
    }

    void write_value(const View& v, bool escape) {
        if (const auto* s = std::get_if<std::string>(&v.value)) {
            if (escape) append_escaped(out, *s);
            else out += *s;
        } else if (const auto* b = std::get_if<bool>(&v.value)) {
            out += *b ? "true" : "false";
        }
    }

    void render(const std::vector<Node>& nodes, std::string_view indent, int depth) {
        for (const Node& n : nodes) {
            if (n.line_start && !indent.empty()) out += indent;
            switch (n.kind) {
                case Node::Kind::text: out += n.text; break;
                case Node::Kind::variable:
                case Node::Kind::raw_variable:
                    if (const View* v = lookup(n.path)) write_value(*v, n.kind == Node::Kind::variable);
                    break;
                case Node::Kind::section: {
                    const View* v = lookup(n.path);
                    if (!v || is_empty(*v)) break;
                    if (const auto* list = std::get_if<ViewList>(&v->value)) {
                        for (const View& item : *list) render_in(item, n, indent, depth);
                    } else {
                        render_in(*v, n, indent, depth);
                    }
                    break;
                }
                case Node::Kind::inverted:
                    if (const View* v = lookup(n.path); !v || is_empty(*v)) {
                        render(n.children, indent, depth);
                        if (n.close_line_start) out += indent;
                    }
                    break;
                case Node::Kind::partial:
                    // Templates::load refuses partials that include themselves; the depth check is the backstop.
                    if (const auto it = partials.find(n.text); it != partials.end() && depth < 32)
                        render(it->second.nodes(), n.indent, depth + 1);
                    break;
            }
        }
    }

    void render_in(const View& v, const Node& section, std::string_view indent, int depth) {
        stack.push_back(&v);
        render(section.children, indent, depth);
        if (section.close_line_start) out += indent;
        stack.pop_back();
    }
};

}  // namespace

void Template::render(const View& view, const Partials& partials, std::string& out, const View* overlay) const {
    Renderer r{partials, out, overlay, {&view}};
    r.render(nodes_, {}, 0);
}

namespace {

// The entity for a byte that needs one in HTML text or an attribute value, else nullptr. Braces too: a value must
// not read as Mustache if a page is ever fed through a template again.
const char* entity_of(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\'': return "&#39;";
        case '{': return "&#123;";
        case '}': return "&#125;";
        default: return nullptr;
    }
}

// Whether any of the next (at most) 16 bytes needs an entity: compared 16 at a time (GCC vector extensions, SSE2
// on x86-64), as escaping byte by byte was ~11 % of a build's instructions and almost every byte of a page's text
// needs none. Fewer than 16 bytes are checked through a zero-padded copy.
bool any_entity_in_16(std::string_view s) {
    using Bytes = unsigned char __attribute__((vector_size(16)));
    Bytes v{};
    std::memcpy(&v, s.data(), std::min(s.size(), sizeof v));
    const auto hit = (v == '&') | (v == '<') | (v == '>') | (v == '"') | (v == '\'') | (v == '{') | (v == '}');
    std::uint64_t halves[2];
    static_assert(sizeof hit == sizeof halves);
    std::memcpy(halves, &hit, sizeof halves);
    return (halves[0] | halves[1]) != 0;
}

}  // namespace

void append_escaped(std::string& out, std::string_view s) {
    size_t plain = 0;  // start of the bytes not yet appended
    for (size_t i = 0; i < s.size();) {
        if (!any_entity_in_16(s.substr(i, 16))) {
            i += 16;
            continue;
        }
        if (const char* entity = entity_of(s[i])) {
            out.append(s.data() + plain, i - plain);
            out += entity;
            plain = i + 1;
        }
        ++i;
    }
    out.append(s.data() + plain, s.size() - plain);  // a value with nothing to escape: all of it, at once
}

}  // namespace gongshi::render::mustache
