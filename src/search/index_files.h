// Stage "search", step 2: the index's files, each a pure function of the records it covers. Layout
// (docs/search.md):
//   search-index/index.json               the manifest: filter values, partitions (their shapes)
//   search-index/<part>/shape.txt         records, shard count, record block size, common tokens (for the
//   next build) search-index/<part>/t/<shard>.bin     postings of the partition's other tokens, by token hash
//   (FNV-1a 32) mod shards search-index/<part>/c/<hash>.bin      postings of one common token (a rare token
//   never shares a file with one) search-index/<part>/r/<block>.json    record data (url, title, fields) of
//   `block` records in a row search-index/<part>/f/<block>.bin     filters, 8 bytes a record, 256 records a
//   block
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "search/records.h"

namespace gongshi::search {

inline constexpr int format_version = 1;
inline constexpr int facet_block = 256;

// Posting flags: where in a record the token occurs.
enum : unsigned {
    in_name = 1,       // a project's name or alias, a document's title
    name_prefix = 2,   // the name starts with it
    name_exact = 4,    // the name is exactly it
    in_place = 8,      // city, county, town, community, address
    place_exact = 16,  // one of those fields is exactly it (a county "代县")
    in_number = 32,    // the document number
    in_body = 64,      // a document's issuer, summary or text
};

std::uint32_t token_hash(std::string_view token);  // FNV-1a 32 of the UTF-8 bytes (search.js: tokenHash)

struct PartitionShape {
    long long records = 0;
    int shards = 1;
    int block = 32;
    std::vector<std::string> common;  // its common tokens, sorted
};

// Every file of one partition except its filter blocks, by path, from its records (in order) alone.
std::map<std::string, std::string> partition_files(const std::string& part,
                                                   const std::vector<const SearchRecord*>& records,
                                                   PartitionShape& shape);
// The paths partition_files wrote for a partition of this shape (to keep them when the partition is
// unchanged).
std::vector<std::string> partition_paths(const std::string& part, const PartitionShape& shape);
// part.json's bytes, and back (nullopt-like: false when the text is not one this version wrote).
std::string part_json(const PartitionShape& shape, const std::map<std::string, long long>& common_counts);
bool parse_part_json(std::string_view text, PartitionShape& shape);

// Filter block `block` of a partition: 8 bytes a record (kind, city + 1, tier bits, 0, year bits u32 LE).
std::string facet_file(const std::vector<RecordFilters>& filters, size_t block);

std::string manifest(const Facets& facets, const std::vector<std::pair<std::string, PartitionShape>>& parts);

}  // namespace gongshi::search
