#include "load/field_reader.h"

#include "model/placeholder.h"

#include <charconv>
#include <cmath>

namespace gongshi::load {

using Kind = YamlNode::Kind;

bool is_valid_id(std::string_view s) {
    if (s.empty() || s.size() > 120 || s.front() == '-' || s.back() == '-') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool is_valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    auto num = [&](size_t at, size_t len, int& out) {
        auto r = std::from_chars(s.data() + at, s.data() + at + len, out);
        return r.ec == std::errc() && r.ptr == s.data() + at + len;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
    if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

FieldReader::FieldReader(const YamlNode& node, std::string what, diag::Diagnostics& diags)
    : node_(node), what_(std::move(what)), diags_(diags) {
    if (node.kind != Kind::mapping) {
        diags_.error(node.pos, what_ + " must be a mapping of fields", "write 'field: value' lines");
        ok_ = false;
    }
}

const YamlNode* FieldReader::take(const char* key, bool required) {
    known_.insert(key);
    if (!ok_) return nullptr;
    const YamlNode* n = node_.find(key);
    if (n == nullptr || n->kind == Kind::null) {
        if (required)
            diags_.error(node_.pos, what_ + " is missing required field '" + key + "'",
                         std::string("add '") + key + ": …' (see docs/content-model.md)");
        return nullptr;
    }
    return n;
}

void FieldReader::type_error(const YamlNode& n, const char* key, const char* expected) {
    diags_.error(n.pos, "field '" + std::string(key) + "' of " + what_ + " must be " + expected,
                 "change the value to " + std::string(expected));
}

const YamlNode* FieldReader::scalar(const char* key, bool required) {
    const YamlNode* n = take(key, required);
    if (n == nullptr) return nullptr;
    if (n->kind != Kind::scalar) {
        type_error(*n, key, "a single value");
        return nullptr;
    }
    if (n->scalar.find(model::placeholder) != std::string::npos) {
        diags_.error(n->pos, "field '" + std::string(key) + "' of " + what_ + " still holds the placeholder " +
                                 std::string(model::placeholder),
                     "replace it with the value as the document prints it");
        return nullptr;
    }
    return n;
}

const diag::SourcePos& FieldReader::pos_of(const char* key) const {
    const YamlNode* n = ok_ ? node_.find(key) : nullptr;
    return n ? n->pos : node_.pos;
}

std::optional<std::string> FieldReader::text(const char* key, bool required) {
    const YamlNode* n = scalar(key, required);
    if (n == nullptr) return std::nullopt;
    if (n->scalar.empty() && required) {
        diags_.error(n->pos, "field '" + std::string(key) + "' of " + what_ + " is empty", "fill it in");
        return std::nullopt;
    }
    return n->scalar;
}

std::optional<model::Located> FieldReader::located_text(const char* key, bool required) {
    const YamlNode* n = scalar(key, required);
    if (n == nullptr) return std::nullopt;
    return model::Located{n->scalar, n->pos};
}

std::optional<int> FieldReader::integer(const char* key, bool required, int min, int max) {
    const YamlNode* n = scalar(key, required);
    if (n == nullptr) return std::nullopt;
    int v = 0;
    const std::string& s = n->scalar;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (n->quoted || r.ec != std::errc() || r.ptr != s.data() + s.size()) {
        type_error(*n, key, "a whole number");
        return std::nullopt;
    }
    if (v < min || v > max) {
        diags_.error(n->pos,
                     "field '" + std::string(key) + "' of " + what_ + " is " + s + ", outside " +
                         std::to_string(min) + "–" + std::to_string(max),
                     "check the number against the source document");
        return std::nullopt;
    }
    return v;
}

std::optional<double> FieldReader::number(const char* key, bool required, std::string* as_written) {
    const YamlNode* n = scalar(key, required);
    if (n == nullptr) return std::nullopt;
    const std::string& s = n->scalar;
    double v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (n->quoted || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) {
        type_error(*n, key, "a number");
        return std::nullopt;
    }
    if (v < 0) {
        diags_.error(n->pos, "field '" + std::string(key) + "' of " + what_ + " is negative (" + s + ")",
                     "write the figure the document states, which cannot be below zero");
        return std::nullopt;
    }
    if (as_written) *as_written = s;
    return v;
}

std::optional<bool> FieldReader::boolean(const char* key) {
    const YamlNode* n = scalar(key, false);
    if (n == nullptr) return std::nullopt;
    if (!n->quoted && n->scalar == "true") return true;
    if (!n->quoted && n->scalar == "false") return false;
    type_error(*n, key, "true or false");
    return std::nullopt;
}

std::optional<std::string> FieldReader::date(const char* key, bool required) {
    const YamlNode* n = scalar(key, required);
    if (n == nullptr) return std::nullopt;
    if (!is_valid_date(n->scalar)) {
        diags_.error(n->pos, "'" + n->scalar + "' is not a valid date",
                     "write a real calendar date as YYYY-MM-DD, e.g. 2023-01-16");
        return std::nullopt;
    }
    return n->scalar;
}

std::optional<std::string> FieldReader::id(const char* key, bool required) {
    const YamlNode* n = scalar(key, required);
    if (n == nullptr) return std::nullopt;
    if (!is_valid_id(n->scalar)) {
        diags_.error(n->pos, "id '" + n->scalar + "' is not lowercase ASCII",
                     "use only a-z, 0-9 and '-' (not at either end), e.g. taiyuan-yingze-wenmiao-2023");
        return std::nullopt;
    }
    return n->scalar;
}

std::optional<std::string> FieldReader::one_of(const char* key, bool required,
                                               const std::vector<std::string>& allowed) {
    const YamlNode* n = scalar(key, required);
    if (n == nullptr) return std::nullopt;
    for (const auto& a : allowed)
        if (a == n->scalar) return n->scalar;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : " | ") + a;
    diags_.error(n->pos, "'" + n->scalar + "' is not a valid " + key + " of " + what_, "use one of: " + list);
    return std::nullopt;
}

std::vector<model::Located> FieldReader::located_list(const char* key, bool required) {
    std::vector<model::Located> out;
    const YamlNode* n = take(key, required);
    if (n == nullptr) return out;
    if (n->kind != Kind::sequence) {
        type_error(*n, key, "a list");
        return out;
    }
    for (const YamlNode& item : n->items) {
        if (item.kind != Kind::scalar) {
            type_error(item, key, "a list of single values");
            continue;
        }
        out.push_back({item.scalar, item.pos});
    }
    return out;
}

std::vector<std::string> FieldReader::text_list(const char* key, bool required) {
    std::vector<std::string> out;
    for (auto& l : located_list(key, required)) out.push_back(std::move(l.value));
    return out;
}

const YamlNode* FieldReader::child(const char* key, bool required, Kind kind) {
    const YamlNode* n = take(key, required);
    if (n == nullptr) return nullptr;
    if (n->kind != kind) {
        type_error(*n, key, kind == Kind::sequence ? "a list" : "a mapping of fields");
        return nullptr;
    }
    return n;
}

void FieldReader::reject_unknown() {
    if (!ok_) return;
    for (const auto& [k, v] : node_.entries)
        if (!known_.count(k.scalar))
            diags_.error(k.pos, "unknown field '" + k.scalar + "' in " + what_,
                         "remove it or correct its spelling (see docs/content-model.md)");
}

}  // namespace gongshi::load
