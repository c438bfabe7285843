// Open data: projects, ratings, tasks, progress and scores as CSV (UTF-8 with BOM, RFC 4180 quoting) and JSON.
#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace gongshi::render {

// The open-data files' paths ("data/projects.csv", "data/projects.json", … ratings, tasks).
std::vector<std::string> open_data_paths();
// The bytes of file `index` of open_data_paths(): each on its own, so the files are made in parallel and no job
// waits for another (the CSV and the JSON of a dataset each walk its records).
std::string open_data_file(const model::Site& site, size_t index);

}  // namespace gongshi::render
