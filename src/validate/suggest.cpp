#include "validate/suggest.h"

#include <algorithm>

namespace gongshi::validate {

namespace {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        char32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
        for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<size_t>(len);
    }
    return out;
}

}  // namespace

int edit_distance(std::string_view a8, std::string_view b8) {
    const std::u32string a = code_points(a8), b = code_points(b8);
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates, int max_edits) {
    const int length = static_cast<int>(code_points(word).size());
    std::optional<std::string> best;
    int best_distance = max_edits + 1;
    for (const auto& c : candidates) {
        const int d = edit_distance(word, c);
        if (d < best_distance && d > 0 && d < length) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

std::string city_id_hint(std::string_view given, const std::vector<model::City>& cities) {
    std::vector<std::string> ids;
    for (const auto& c : cities) ids.push_back(c.id);
    const auto near = nearest(given, ids, 3);
    return near ? "did you mean '" + *near + "'?" : "use a city id from cities.yaml, e.g. taiyuan";
}

std::string county_hint(std::string_view given, const model::City& city) {
    std::vector<std::string> names;
    for (const auto& k : city.counties) names.push_back(k.name);
    for (const auto& z : city.zones) names.push_back(z.name);
    const auto near = nearest(given, names, 1);
    return near ? "did you mean '" + *near + "'? write the county as cities.yaml names it"
                : "write the county as cities.yaml names it (e.g. 迎泽区), or add a development zone there";
}

}  // namespace gongshi::validate
