// What a published site holds, in a form two builds can be compared by: the "what changed" log.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/site.h"

namespace gongshi::model {

struct ModelSummary {
    std::map<std::string, std::string> projects;   // id → name
    std::map<std::string, std::string> documents;  // url → title
    std::map<std::string, std::string> ratings;    // "notice project year" → tier id
};

ModelSummary summarize(const Site& site);

struct Change {
    std::string url;  // the page it concerns, or empty
    std::string text;
};

struct ChangeSet {
    bool compared = false;  // false on a first build, or when the previous build left no usable record
    std::vector<Change> documents_added;
    std::vector<Change> projects_added;
    std::vector<Change> projects_renamed;
    std::vector<Change> ratings_added;
    std::vector<Change> ratings_changed;
    std::vector<Change> removed;  // documents, projects or ratings no longer published
    // Output paths written by this build: every one (the build's report), or the first the log shows (its page), and
    // how many there are in all.
    std::vector<std::string> pages_changed;
    std::size_t pages_changed_count = 0;
    bool empty() const;
};

ChangeSet compare_summaries(const ModelSummary* before, const ModelSummary& after, const Site& site);

}  // namespace gongshi::model
