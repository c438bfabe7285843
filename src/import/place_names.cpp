#include "import/place_names.h"

#include "import/noise.h"
#include "import/project_names.h"
#include "validate/suggest.h"

namespace gongshi::importer {

namespace {



struct CityAt {
    const model::City* city = nullptr;
    size_t end = 0;
};

// The city the name starts with: "太原市…", or "太原…" without 市.
CityAt city_at_start(std::string_view name, const std::vector<model::City>& cities) {
    for (const auto& c : cities)
        if (name.starts_with(c.name)) return {&c, c.name.size()};
    for (const auto& c : cities) {
        if (!c.name.ends_with("市")) continue;
        const std::string_view bare = std::string_view(c.name).substr(0, c.name.size() - std::string_view("市").size());
        if (name.starts_with(bare)) return {&c, bare.size()};
    }
    return {};
}

// The longest of the city's counties and zones the text starts with.
std::pair<std::string, std::string> county_at_start(std::string_view text, const model::City& city) {
    std::pair<std::string, std::string> best;
    for (const auto& k : city.counties)
        if (text.starts_with(k.name) && k.name.size() > best.first.size()) best = {k.name, k.id};
    for (const auto& z : city.zones)
        if (text.starts_with(z.name) && z.name.size() > best.first.size()) best = {z.name, z.id};
    return best;
}

// What looks like a county where one is expected: two to five characters ending in 区, 县 or 市 (not …社区,
// …小区, …园区).
std::string county_like(std::string_view text) {
    const auto cuts = char_boundaries(text);
    for (size_t k = 2; k < cuts.size() && k <= 5; ++k) {
        const std::string_view head = text.substr(0, cuts[k]);
        if (head.ends_with("社区") || head.ends_with("小区") || head.ends_with("园区")) return {};
        if (head.ends_with("区") || head.ends_with("县") || head.ends_with("市")) return std::string(head);
    }
    return {};
}

// The city another city's county belongs to, if any.
const model::City* city_of_county(const std::string& county, const std::vector<model::City>& cities) {
    for (const auto& c : cities)
        for (const auto& k : c.counties)
            if (k.name == county) return &c;
    return nullptr;
}

// Where the town part of the core ends (0 if there is none): the first 街道, 办事处, 开发区, or a 镇/乡 with at least
// two characters before it, extended over a marker that follows at once (城镇街道, 东镇镇).
size_t town_end(std::string_view core) {
    static const std::vector<std::string_view> markers{"街道", "办事处", "开发区", "镇", "乡"};
    const auto cuts = char_boundaries(core);
    for (size_t k = 1; k < cuts.size(); ++k) {
        const std::string_view head = core.substr(0, cuts[k]);
        for (const auto marker : markers) {
            if (!head.ends_with(marker)) continue;
            const bool short_word = marker.size() == 3;  // 镇, 乡: one character
            if (short_word && k < 3) continue;
            size_t end = cuts[k];
            for (bool more = true; more;) {
                more = false;
                for (const auto m : markers)
                    if (std::string_view(core).substr(end).starts_with(m) && end + m.size() < core.size()) {
                        end += m.size();
                        more = true;
                        break;
                    }
            }
            return end < core.size() ? end : 0;
        }
    }
    return 0;
}

}  // namespace

Place read_place(const LocatedText& located, const std::vector<model::City>& cities, const std::string& path,
                 diag::Diagnostics& diags) {
    Place place;
    const std::string& name = located.text();
    const CityAt city = city_at_start(name, cities);
    if (city.city == nullptr) {
        diags.error(located.pos(path, 0), "the name does not start with a city of cities.yaml",
                    "check the original; with --accept-uncertain the project's city is left 待填写 for you");
        return place;
    }
    place.city = city.city;
    std::string_view rest = std::string_view(name).substr(city.end);

    const auto [county, county_id] = county_at_start(rest, *city.city);
    if (!county.empty()) {
        place.county = county;
        place.county_id = county_id;
        rest.remove_prefix(county.size());
    } else if (const std::string printed = county_like(rest); !printed.empty()) {
        const model::City* other = city_of_county(printed, cities);
        const std::string where = other ? "it is a county of " + other->name : "cities.yaml does not list it";
        diags.error(located.pos(path, city.end),
                    "'" + printed + "' is not a county or zone of " + city.city->name + " (" + where + ")",
                    validate::county_hint(printed, *city.city) +
                        "; with --accept-uncertain the county is left 待填写 for you");
        place.county_unknown = true;
        rest.remove_prefix(printed.size());
    } else {
        diags.warning(located.pos(path, city.end), "the name states no county: the new record leaves it out",
                      "if a reliable source names the county, add it with a location note");
    }

    // The core: the name without the city, county and the project ending (…养老幸福工程, truncated or not).
    std::string_view core = rest;
    std::string_view tail;
    for (size_t at = rest.rfind("区"); at != std::string_view::npos && at > 0; at = rest.rfind("区", at - 1)) {
        const std::string_view head = rest.substr(0, at + std::string_view("区").size());
        const bool named = (head.ends_with("社区") || head.ends_with("小区")) &&
                           head.size() > std::string_view("社区").size();
        const std::string_view after = rest.substr(head.size());
        if (named && (after.empty() || after.find("工") != std::string_view::npos || !missing_endings(after).empty())) {
            core = head;
            tail = after;
            break;
        }
    }
    if (tail.empty() && core == rest) {
        for (const auto& ending : name_endings())
            for (const std::string& e : {ending + "项目", ending})
                if (tail.empty() && rest.ends_with(e)) {
                    core = rest.substr(0, rest.size() - e.size());
                    tail = rest.substr(core.size());
                }
        if (tail.empty())  // a truncated ending: …养老幸福工
            for (const auto& ending : name_endings()) {
                const auto cuts = char_boundaries(ending);
                for (size_t k = cuts.size() - 1; k >= 2 && tail.empty(); --k)
                    if (rest.ends_with(std::string_view(ending).substr(0, cuts[k])))
                        tail = rest.substr(rest.size() - cuts[k]);
            }
        core = rest.substr(0, rest.size() - tail.size());
    }

    if (core == "城镇社区") {  // 寿阳县城镇社区幸福养老工程: the program's own words, not a place
        place.id_words = "城镇";
        return place;
    }
    const size_t town = town_end(core);
    place.town = std::string(core.substr(0, town));
    const std::string_view remainder = core.substr(town);
    const bool generic = remainder == "社区" || remainder == "小区";
    if ((remainder.ends_with("社区") || remainder.ends_with("小区")) && !generic) {
        place.community = std::string(remainder);
        place.id_words = std::string(remainder.substr(0, remainder.size() - std::string_view("社区").size()));
    } else if (!generic && !remainder.empty()) {
        place.id_words = std::string(remainder);
    } else if (!place.town.empty()) {
        std::string_view words = place.town;
        for (const std::string_view marker : {"街道", "办事处", "开发区", "镇", "乡"})
            if (words.ends_with(marker) && words.size() > marker.size()) {
                words.remove_suffix(marker.size());
                break;
            }
        place.id_words = std::string(words);
    }
    return place;
}

}  // namespace gongshi::importer
