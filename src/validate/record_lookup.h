// Name → record tables built once from the records, shared by the rule families.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/records.h"

namespace gongshi::validate {

struct RecordLookup {
    std::map<std::string, const model::City*> cities;
    const std::vector<model::City>& city_list;  // in cities.yaml's order
    std::map<std::string, const model::Project*> projects;
    std::map<std::string, const model::Project*> project_aliases;  // old id → project
    std::map<std::string, const model::Document*> notices;
    std::map<std::string, const model::Document*> replies;
    std::set<int> years;
    std::set<std::string> tiers;
    const std::set<std::string>& unreadable;  // see Records::unreadable
    bool cities_unreadable = false;

    explicit RecordLookup(const model::Records& r);
    bool is_document(const std::string& id) const { return notices.count(id) || replies.count(id); }
};

// True if `name` is one of the city's counties or development zones.
bool city_has_county(const model::City& city, const std::string& name);

void check_ids(const model::Records& r, diag::Diagnostics& diags);
void check_references(const model::Records& r, const RecordLookup& lookup, bool include_drafts, diag::Diagnostics& diags);
void check_rating_counts(const model::Records& r, diag::Diagnostics& diags);
void check_printed_names(const model::Records& r, const RecordLookup& lookup, diag::Diagnostics& diags);
void check_task_tables(const model::Records& r, const RecordLookup& lookup, diag::Diagnostics& diags);
void check_progress(const model::Records& r, const RecordLookup& lookup, bool include_drafts, diag::Diagnostics& diags);
void check_editorial_notes(const model::Records& r, const RecordLookup& lookup, diag::Diagnostics& diags);
void check_scores(const model::Records& r, const RecordLookup& lookup, bool include_drafts, diag::Diagnostics& diags);

}  // namespace gongshi::validate
