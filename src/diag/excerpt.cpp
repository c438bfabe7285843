#include "diag/excerpt.h"

#include <cstdio>

namespace gongshi::diag {

namespace {

constexpr size_t max_line_bytes = 400;  // content lines are far shorter; a minified line is not worth quoting whole

bool continues_utf8(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

char32_t decode(std::string_view s, size_t at, size_t n) {
    const auto b = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[at + i])); };
    switch (n) {
        case 1: return b(0);
        case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
        case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    }
}

// Characters a terminal draws two cells wide (East Asian Wide and Fullwidth, the ranges content uses: CJK
// ideographs and punctuation, full-width forms, Hangul). The C library's wcwidth would need a global locale.
bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

size_t char_length(std::string_view s, size_t at) {
    size_t n = 1;
    while (at + n < s.size() && continues_utf8(s[at + n])) ++n;
    return n;
}

}  // namespace

std::optional<Excerpt> excerpt(const Diagnostic& d, const io::InputFiles& sources) {
    if (d.pos.line <= 0 || d.pos.path.empty()) return std::nullopt;
    const io::ReadResult file = sources.read(d.pos.path.str(), 16 * 1024 * 1024);
    if (!file.bytes) return std::nullopt;
    const std::string_view text = *file.bytes;
    size_t start = 0;
    for (int n = 1; n < d.pos.line; ++n) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) return std::nullopt;
        ++start;
    }
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Excerpt e;
    e.line = d.pos.line;
    if (line.size() > max_line_bytes) {
        size_t cut = max_line_bytes;
        while (cut > 0 && continues_utf8(line[cut])) --cut;  // whole UTF-8 characters
        e.text = std::string(line.substr(0, cut)) + "…";
        line = line.substr(0, cut);
    } else {
        e.text = std::string(line);
    }
    // Columns count characters, as every position gongshi reports does (source_file.cpp, the YAML parser).
    size_t at = 0;
    for (int c = 1; c < std::max(d.pos.col, 1) && at < line.size(); ++c) {
        const size_t n = char_length(line, at);
        const char32_t ch = decode(line, at, n);
        e.caret_pad += ch == '\t' ? "\t" : is_wide(ch) ? "  " : " ";
        at += n;
    }
    e.mark_begin = at;
    e.mark_end = at < line.size() ? at + char_length(line, at) : at;
    return e;
}

std::string format_excerpt(const Excerpt& e) {
    char number[16];
    std::snprintf(number, sizeof number, "%5d", e.line);
    return std::string(number) + " | " + e.text + "\n      | " + e.caret_pad + "^\n";
}

}  // namespace gongshi::diag
