#include "import/noise.h"

#include <vector>

namespace gongshi::importer {

namespace {

bool is_open_bracket(char32_t c) { return c == '(' || c == 0xFF08; }
bool is_close_bracket(char32_t c) { return c == ')' || c == 0xFF09; }
bool is_dash(char32_t c) {
    return c == '-' || c == '~' || c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0xFF0D || c == 0x2212 ||
           c == 0xFF5E || c == 0x2500;
}

int chinese_digit(char32_t c) {
    switch (c) {
        case U'一': return 1;
        case U'二': return 2;
        case U'三': return 3;
        case U'四': return 4;
        case U'五': return 5;
        case U'六': return 6;
        case U'七': return 7;
        case U'八': return 8;
        case U'九': return 9;
        case U'十': return 10;
        default: return 0;
    }
}

struct CodePoint {
    char32_t c;
    size_t at;
    size_t length;
};

std::vector<CodePoint> code_points(std::string_view s) {
    std::vector<CodePoint> out;
    for (size_t i = 0; i < s.size();) {
        size_t n = 1;
        const char32_t c = code_point(s, i, n);
        out.push_back({c, i, n});
        i += n;
    }
    return out;
}

}  // namespace

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000 || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
}

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
int digit_value(char32_t c) { return c <= '9' ? static_cast<int>(c - '0') : static_cast<int>(c - 0xFF10); }

size_t length_in_chars(std::string_view text) { return static_cast<size_t>(column_at(text, text.size()) - 1); }

std::vector<size_t> char_boundaries(std::string_view text) {
    std::vector<size_t> out{0};
    for (size_t i = 0; i < text.size();) {
        size_t n = 1;
        code_point(text, i, n);
        i += n;
        out.push_back(i);
    }
    return out;
}

char32_t code_point(std::string_view s, size_t i, size_t& length) {
    const auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    const char32_t c = b(0);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + n > s.size()) n = 1;
    for (size_t k = 1; k < n; ++k)
        if ((b(k) >> 6) != 0x2) n = 1;
    length = n;
    switch (n) {
        case 2: return ((c & 0x1F) << 6) | (b(1) & 0x3F);
        case 3: return ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        case 4: return ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
        default: return c;
    }
}

bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2018 && c <= 0x201D) || c == 0x2014 || c == 0x2026 ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

std::string fold_width(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const auto& cp : code_points(text)) {
        if (cp.c >= 0xFF01 && cp.c <= 0xFF5E) out += static_cast<char>(cp.c - 0xFEE0);
        else if (cp.c == 0x3000) out += ' ';
        else out.append(text.substr(cp.at, cp.length));
    }
    return out;
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (const auto& cp : code_points(text))
        if (!is_space(cp.c)) out.append(text.substr(cp.at, cp.length));
    return out;
}

std::string_view trim(std::string_view text) {
    const auto cps = code_points(text);
    size_t first = 0, last = cps.size();
    while (first < last && is_space(cps[first].c)) ++first;
    while (last > first && is_space(cps[last - 1].c)) --last;
    if (first == last) return {};
    return text.substr(cps[first].at, cps[last - 1].at + cps[last - 1].length - cps[first].at);
}

std::string tidy(std::string_view text) {
    const auto cps = code_points(trim(text));
    const std::string_view t = trim(text);
    std::string out;
    for (size_t i = 0; i < cps.size();) {
        if (!is_space(cps[i].c)) {
            out.append(t.substr(cps[i].at, cps[i].length));
            ++i;
            continue;
        }
        size_t j = i;
        while (j < cps.size() && is_space(cps[j].c)) ++j;
        const bool touches_cjk = is_cjk(cps[i - 1].c) || (j < cps.size() && is_cjk(cps[j].c));
        if (!touches_cjk) out += ' ';
        i = j;
    }
    return out;
}

bool is_page_number(std::string_view line) {
    const auto cps = code_points(without_spaces(fold_width(line)));
    size_t first = 0, last = cps.size();
    while (first < last && is_dash(cps[first].c)) ++first;
    while (last > first && is_dash(cps[last - 1].c)) --last;
    if (first == last) return false;
    std::u32string core;
    for (size_t i = first; i < last; ++i) core += cps[i].c;
    // Digits, optionally "/digits"; or 第N页, optionally followed by 共M页 (with a separator).
    size_t i = 0;
    const auto digits = [&] {
        const size_t start = i;
        while (i < core.size() && is_digit(core[i])) ++i;
        return i - start;
    };
    if (core[0] == U'第') {
        ++i;
        if (digits() == 0 || i >= core.size() || core[i] != U'页') return false;
        ++i;
        if (i < core.size() && (core[i] == '/' || core[i] == U'，' || core[i] == ',')) ++i;
        if (i == core.size()) return true;
        if (core[i] != U'共') return false;
        ++i;
        if (digits() == 0 || i >= core.size() || core[i] != U'页') return false;
        return i + 1 == core.size();
    }
    const size_t n = digits();
    if (n == 0 || n > 3) return false;
    if (i == core.size()) return true;
    if (core[i] != '/') return false;
    ++i;
    return digits() > 0 && i == core.size();
}

std::optional<ListNumber> list_number(std::string_view line) {
    const auto cps = code_points(line);
    size_t i = 0;
    while (i < cps.size() && is_space(cps[i].c)) ++i;
    // A bullet the extraction or Markdown put before the number: "- 54.忻州…", "* 1. …", "• 1、…".
    if (i + 1 < cps.size() && (cps[i].c == '-' || cps[i].c == '*' || cps[i].c == '+' || cps[i].c == 0x2022 ||
                               cps[i].c == 0xB7) &&
        is_space(cps[i + 1].c)) {
        ++i;
        while (i < cps.size() && is_space(cps[i].c)) ++i;
    }
    const bool bracketed = i < cps.size() && is_open_bracket(cps[i].c);
    if (bracketed) ++i;
    int number = 0, count = 0;
    while (i < cps.size() && is_digit(cps[i].c) && count < 4) {
        number = number * 10 + digit_value(cps[i].c);
        ++i;
        ++count;
    }
    if (count == 0 || i >= cps.size()) return std::nullopt;
    const char32_t mark = cps[i].c;
    if (bracketed) {
        if (!is_close_bracket(mark)) return std::nullopt;
    } else if (mark == '.' || mark == 0xFF0E) {
        if (i + 1 < cps.size() && is_digit(cps[i + 1].c)) return std::nullopt;  // 3.5万元, not a list number
    } else if (mark != U'、' && !is_close_bracket(mark)) {
        return std::nullopt;
    }
    ++i;
    while (i < cps.size() && is_space(cps[i].c)) ++i;
    if (i >= cps.size() || number == 0) return std::nullopt;
    return ListNumber{number, cps[i].at};
}

std::optional<int> chinese_number(std::string_view text) {
    const auto cps = code_points(text);
    if (cps.empty() || cps.size() > 3) return std::nullopt;
    std::vector<int> d;
    for (const auto& cp : cps) {
        const int v = chinese_digit(cp.c);
        if (v == 0) return std::nullopt;
        d.push_back(v);
    }
    if (d.size() == 1) return d[0];
    if (d.size() == 2 && d[0] == 10 && d[1] < 10) return 10 + d[1];   // 十一
    if (d.size() == 2 && d[1] == 10 && d[0] < 10) return d[0] * 10;   // 二十
    if (d.size() == 3 && d[1] == 10 && d[0] < 10 && d[2] < 10) return d[0] * 10 + d[2];
    return std::nullopt;
}

std::optional<HeadingNumber> heading_number(std::string_view line) {
    const auto cps = code_points(line);
    size_t i = 0;
    while (i < cps.size() && is_space(cps[i].c)) ++i;
    if (i < cps.size() && cps[i].c == '#') {  // a Markdown heading: "## 三、工作要求"
        while (i < cps.size() && cps[i].c == '#') ++i;
        while (i < cps.size() && is_space(cps[i].c)) ++i;
    }
    const bool bracketed = i < cps.size() && is_open_bracket(cps[i].c);
    if (bracketed) ++i;
    while (i < cps.size() && is_space(cps[i].c)) ++i;
    const size_t start = i;
    while (i < cps.size() && chinese_digit(cps[i].c) != 0) ++i;
    if (i == start || i - start > 3) return std::nullopt;
    const size_t end = i;
    while (i < cps.size() && is_space(cps[i].c)) ++i;
    if (i >= cps.size()) return std::nullopt;
    const char32_t mark = cps[i].c;
    if (bracketed ? !is_close_bracket(mark) : (mark != U'、' && mark != 0xFF0E && mark != '.')) return std::nullopt;
    const auto value = chinese_number(line.substr(cps[start].at, cps[end - 1].at + cps[end - 1].length - cps[start].at));
    if (!value) return std::nullopt;
    ++i;
    while (i < cps.size() && is_space(cps[i].c)) ++i;
    return HeadingNumber{*value, i < cps.size() ? cps[i].at : line.size(), bracketed};
}

int column_at(std::string_view line, size_t offset) {
    int col = 1;
    for (size_t i = 0; i < offset && i < line.size();) {
        size_t n = 1;
        code_point(line, i, n);
        i += n;
        ++col;
    }
    return col;
}

}  // namespace gongshi::importer
