// The published site as plain data: records that will be published, sorted, and indexed once.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/progress_index.h"
#include "model/records.h"
#include "model/tier_index.h"

namespace gongshi::model {

// One rating: a notice gives a project a tier for a program year.
struct Rating {
    int project = -1;  // index into Site::projects
    int notice = -1;   // index into Site::notices
    int year = 0;
    TierIndex tier;
    int rank = 0;
    int heading = -1;  // into Site::rating_headings: its group's heading, as printed (one copy a group, not a rating)
    std::string printed;
    std::string correction;
    std::uint64_t source_hash = 0;  // of its rating list's file
};

struct Site {
    SiteConfig config;
    std::vector<City> cities;        // GB/T 2260 order
    std::vector<Project> projects;   // by id
    std::vector<Document> notices;   // newest first
    std::vector<Document> replies;   // newest first
    std::vector<TaskTable> tasks;    // by year
    std::vector<Rating> ratings;     // notice by notice, in printed order
    std::vector<Schedule> schedules;         // by year
    std::vector<ProgressReport> progress;    // by month, then notice id; only of published notices
    std::vector<ScoreSheet> scores;          // by notice id; only of published notices
    ProgressIndex progress_index;

    std::vector<int> city_of_project;
    std::vector<std::vector<int>> ratings_of_project;  // by program year, then oldest notice first
    std::vector<std::vector<int>> ratings_of_notice;   // printed order
    std::vector<std::vector<int>> projects_of_city;    // by id
    // Projects grouped by (city, county as printed), by id; -1 / no group for a project that names no county.
    std::vector<int> county_group_of_project;
    std::vector<std::vector<int>> projects_of_county_group;
    std::vector<std::vector<int>> replies_of_city;
    std::map<std::pair<int, TierIndex>, std::vector<int>> ratings_by_year_tier;  // (year, tier)
    std::vector<TierIndex> tier_order() const;  // the site's tiers, best first

    std::map<std::string, int> city_index;
    std::vector<std::string> rating_headings;  // Rating::heading
    std::map<std::string, int> notice_index;
    std::map<std::string, int> reply_index;
    std::string updated;  // the newest date in the content (YYYY-MM-DD), so output never depends on the clock
    int records_read = 0;
    std::uint64_t shared_source_hash = 0;  // Records::shared_source_hash

    // The index of the project with that id in `projects` (which is by id: no map of a million ids is kept), or -1.
    int project_at(std::string_view id) const;
    const County* county_of(const Project& p) const;  // nullptr for a development zone
    const Program* program(int year) const;
    const Document* notice(const std::string& id) const;  // nullptr if no published notice has that id
    const Document* document(const std::string& id) const;  // a published notice or reply, nullptr if neither
    // The notice that first lists the project (its first rating's: of its earliest program year, the oldest
    // notice), which prints its name, year and place; nullptr if no notice rates it.
    const Document* first_listed_in(int project) const;
    std::optional<TierIndex> tier_index(const std::string& id) const;
    int rating_count(int year, TierIndex tier) const;  // ratings of that program year and tier  // nothing for an id that is not a tier
};

// Stage 3: keep what will be published (drafts only if asked), sort, and build every index.
// Expects records that passed validation.
Site build_model(Records records, bool include_drafts);

}  // namespace gongshi::model
