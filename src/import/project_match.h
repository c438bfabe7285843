// Finding the existing project a printed entry names: the same name in the same program year, exactly or after
// matching_key (project_names.h), or a truncated name completed.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "model/records.h"

namespace gongshi::importer {

struct ProjectMatch {
    enum class How { none, exact, normalised, completed };
    How how = How::none;
    std::vector<const model::Project*> projects;  // more than one: the name is ambiguous
    std::string completed_name;                    // How::completed: the name the completion matched
};

class ProjectIndex {
public:
    explicit ProjectIndex(const std::vector<model::Project>& projects);
    ProjectMatch find(std::string_view printed, int year) const;
    // Projects of the year, city and county whose name is within `max_edits` characters of the printed one (but
    // not equal): a misprint of a project the site has, or a new project that differs only a little.
    std::vector<const model::Project*> near(std::string_view printed, int year, const std::string& city,
                                            const std::string& county, int max_edits) const;
    // True if a project (any year) has this id, or an alias of it.
    bool has_id(const std::string& id) const { return ids_.count(id) != 0; }

private:
    std::map<std::pair<int, std::string>, std::vector<const model::Project*>> by_name_;
    std::map<std::pair<int, std::string>, std::vector<const model::Project*>> by_key_;
    std::map<std::tuple<int, std::string, std::string>, std::vector<const model::Project*>> by_place_;
    std::map<std::string, const model::Project*> ids_;
};

}  // namespace gongshi::importer
