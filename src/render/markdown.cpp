// The only file that sees cmark-gfm.
#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace gongshi::render {

namespace {

constexpr const char* ratings_marker = "<!-- gongshi:ratings -->";
// Safe by default: without CMARK_OPT_UNSAFE raw HTML becomes a comment and javascript:/vbscript:/file:/data:
// links are dropped. VALIDATE_UTF8 replaces bad bytes rather than passing them on.
constexpr int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

std::string render(std::string_view markdown, bool as_text) {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), cmark_parser_free);
    for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), cmark_node_free);
    char* out = as_text ? cmark_render_plaintext(doc.get(), options, 0)
                        : cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    std::string html(out);
    std::free(out);
    return html;
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) { return render(markdown, false); }

std::string markdown_to_text(std::string_view markdown, size_t max_chars) {
    const std::string text = render(markdown, true);
    std::string out;
    bool space = false;
    size_t chars = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const bool starts_char = (c & 0xC0) != 0x80;
        if (starts_char && chars >= max_chars) {
            out += "…";
            break;
        }
        if (c == '\n' || c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            ++chars;
        }
        space = false;
        out += static_cast<char>(c);
        if (starts_char) ++chars;
    }
    return out;
}

BodyParts split_at_ratings_marker(std::string_view markdown) {
    BodyParts parts;
    size_t at = 0;
    while (at < markdown.size()) {
        const size_t end = markdown.find('\n', at);
        const std::string_view line = markdown.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        if (line == ratings_marker) {
            parts.before = std::string(markdown.substr(0, at));
            parts.after = end == std::string_view::npos ? std::string{} : std::string(markdown.substr(end + 1));
            parts.has_ratings_marker = true;
            return parts;
        }
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    parts.before = std::string(markdown);
    return parts;
}

}  // namespace gongshi::render
