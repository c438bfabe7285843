#include "import/project_match.h"

#include "import/noise.h"
#include "import/project_names.h"
#include "validate/suggest.h"

namespace gongshi::importer {

ProjectIndex::ProjectIndex(const std::vector<model::Project>& projects) {
    for (const auto& p : projects) {
        by_name_[{p.year, p.name}].push_back(&p);
        by_key_[{p.year, matching_key(p.name)}].push_back(&p);
        by_place_[{p.year, p.city.value, p.county.value}].push_back(&p);
        ids_.emplace(p.id.value, &p);
        for (const auto& alias : p.aliases) ids_.emplace(alias.value, &p);
    }
}

ProjectMatch ProjectIndex::find(std::string_view printed, int year) const {
    const std::string name(trim(printed));
    if (auto it = by_name_.find({year, name}); it != by_name_.end()) return {ProjectMatch::How::exact, it->second, ""};
    if (auto it = by_key_.find({year, matching_key(name)}); it != by_key_.end())
        return {ProjectMatch::How::normalised, it->second, ""};
    ProjectMatch completed{ProjectMatch::How::completed, {}, ""};
    for (const auto& rest : missing_endings(name)) {
        const std::string whole = name + rest;
        auto it = by_key_.find({year, matching_key(whole)});
        if (it == by_key_.end()) continue;
        if (completed.projects.empty()) completed.completed_name = whole;
        completed.projects.insert(completed.projects.end(), it->second.begin(), it->second.end());
    }
    if (!completed.projects.empty()) return completed;
    return {};
}

std::vector<const model::Project*> ProjectIndex::near(std::string_view printed, int year, const std::string& city,
                                                      const std::string& county, int max_edits) const {
    std::vector<const model::Project*> out;
    auto it = by_place_.find({year, city, county});
    if (it == by_place_.end()) return out;
    const std::string key = matching_key(printed);
    for (const model::Project* p : it->second) {
        const int d = validate::edit_distance(key, matching_key(p->name));
        if (d > 0 && d <= max_edits) out.push_back(p);
    }
    return out;
}

}  // namespace gongshi::importer
