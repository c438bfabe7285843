#include "render/views/search_facets.h"

#include <algorithm>

#include "model/labels.h"

namespace gongshi::render {

void add_search_filter(View& page, const std::string& name, const std::string& value) {
    if (value.empty()) return;
    auto& map = std::get<ViewMap>(page.value);
    auto [it, fresh] = map.try_emplace("search_filters", ViewList{});
    auto& list = std::get<ViewList>(it->second.value);
    const bool present = std::any_of(list.begin(), list.end(), [&](View& f) {
        return std::get<std::string>(f["name"].value) == name && std::get<std::string>(f["value"].value) == value;
    });
    if (present) return;
    View f;
    f["name"] = name;
    f["value"] = value;
    list.push_back(std::move(f));
}

void add_rating_filters(View& page, const model::Site& site, const std::vector<int>& ratings) {
    for (int r : ratings) {
        add_search_filter(page, filter_year, std::to_string(site.ratings[r].year) + "年");
        add_search_filter(page, filter_tier, model::tier_name(site, site.ratings[r].tier));
    }
}

void exclude_from_search(View& page) { page["search_excluded"] = true; }

std::string notice_kind(const model::Document& notice) { return notice.kind.empty() ? "公文" : notice.kind; }

namespace {

View choice_group(const char* name, const char* label, const std::vector<std::string>& values) {
    View g;
    g["name"] = name;
    g["label"] = label;
    g["id"] = std::string("search-filter-") + name;
    ViewList options;
    for (const auto& value : values) options.push_back(View(value));
    g["values"] = std::move(options);
    return g;
}

}  // namespace

ViewList search_filter_choices(const model::Site& site) {
    std::vector<std::string> years, tiers, cities;
    for (const auto& p : site.config.programs) years.push_back(std::to_string(p.year) + "年");
    for (const auto& t : site.config.tiers) tiers.push_back(t.name);
    for (const auto& c : site.cities) cities.push_back(c.name);
    std::vector<std::string> kinds = {kind_project};
    for (const auto& n : site.notices)
        if (std::find(kinds.begin(), kinds.end(), notice_kind(n)) == kinds.end()) kinds.push_back(notice_kind(n));
    for (const char* k : {kind_reply, kind_city, kind_ratings, kind_tasks}) kinds.push_back(k);
    return {choice_group(filter_year, "年度", years), choice_group(filter_tier, "等次", tiers),
            choice_group(filter_city, "城市", cities), choice_group(filter_kind, "类型", kinds)};
}

}  // namespace gongshi::render
