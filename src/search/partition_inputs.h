// Stage "search": which records each partition of the index holds and two keys of what it is made from, taken
// from the model without making the records, so that a build keeps (without making them) the partitions a
// change did not touch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/site.h"
#include "search/records.h"

namespace gongshi::search {

struct PartitionInputs {
    std::string id;                      // "p2023", "d2024"
    std::vector<RecordSource> sources;   // in the model's order
    std::vector<RecordFilters> filters;  // the filters of each source, in the same order
    // What its postings, record data and shape are made from (never 0): the source files of its records
    // (their paths and bytes) and the files every record may read (site.yaml, cities.yaml — a city's name).
    std::uint64_t text_key = 0;
    // What its filter blocks are made from: text_key (the records' order) and each record's filters as made
    // (ratings, the site's years, kinds and cities). Never 0.
    std::uint64_t filter_key = 0;
};

// Every partition, sorted by id (the order of the index's manifest).
std::vector<PartitionInputs> partition_inputs(const model::Site& site, const Facets& facets);

}  // namespace gongshi::search
