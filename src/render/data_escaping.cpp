#include "render/data_escaping.h"

#include <algorithm>

#include "json/json.h"

#include "text/utf8.h"

namespace gongshi::render {

namespace {

constexpr std::string_view line_separator = "\xE2\x80\xA8", paragraph_separator = "\xE2\x80\xA9";

// Appends s with the HTML-significant characters and the JavaScript line terminators escaped.
void append_inert(std::string& out, std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else if (c == '\xE2' && s.substr(i, 3) == line_separator) out += "\\u2028", i += 2;
        else if (c == '\xE2' && s.substr(i, 3) == paragraph_separator) out += "\\u2029", i += 2;
        else out += c;
    }
}

bool needs_inert(std::string_view s) {
    return s.find_first_of("<>&") != std::string_view::npos || s.find(line_separator) != std::string_view::npos ||
           s.find(paragraph_separator) != std::string_view::npos;
}

// "-12", "+3", "-0.5": a number, not a formula.
bool plain_number(std::string_view v) {
    size_t i = (v[0] == '-' || v[0] == '+') ? 1 : 0;
    bool digits = false, point = false;
    for (; i < v.size(); ++i) {
        if (v[i] >= '0' && v[i] <= '9') digits = true;
        else if (v[i] == '.' && !point) point = true;
        else return false;
    }
    return digits;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    const bool plain = std::none_of(s.begin(), s.end(), [](char c) {
                           return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
                       }) && text::valid_utf8(s);
    const std::string dumped = plain ? std::string() : json::Tree(std::string(s)).dump(-1, ' ', false);
    const std::string_view text = plain ? s : std::string_view(dumped);
    if (plain) out += '"';
    if (needs_inert(text)) append_inert(out, text);
    else out += text;
    if (plain) out += '"';
}

std::string make_json_inert(std::string json) {
    if (!needs_inert(json)) return json;
    std::string out;
    out.reserve(json.size() + 64);
    append_inert(out, json);
    return out;
}

void append_csv_cell(std::string& out, std::string_view v) {
    const bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' ||
                                        v[0] == '\r') && !plain_number(v);
    if (!formula && v.find_first_of(",\"\n\r") == std::string_view::npos) {
        out += v;
        return;
    }
    out += formula ? "\"'" : "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace gongshi::render
