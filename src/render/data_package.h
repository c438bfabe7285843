// /data/datapackage.json: the open data described as a Frictionless Data Package — every file a resource with
// its size and SHA-256, the CSV files with their Table Schema (types, primary and foreign keys), and each
// table's years as one resource whose `path` lists the years' files (the spec's multi-part resource).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "model/site.h"

namespace gongshi::render {

inline constexpr std::string_view data_package_path = "data/datapackage.json";

struct DataFileFacts {
    std::uint64_t bytes = 0;
    std::string sha256;  // lowercase hex
};

// `files`: every open-data file by output path ("data/2023/projects.csv"); each one render/open_data.h names
// must be there.
std::string data_package_file(const model::Site& site, const std::map<std::string, DataFileFacts>& files);

// What a data package made by data_package_file says of each file (path → bytes, sha256); nothing for text
// that is not such a package.
std::map<std::string, DataFileFacts> data_package_facts(std::string_view package);

}  // namespace gongshi::render
