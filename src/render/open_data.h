// Open data: projects, ratings and tasks as CSV (UTF-8 with BOM, RFC 4180 quoting) and JSON.
#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace gongshi::render {

struct DataFile {
    std::string path;   // e.g. "data/projects.csv"
    std::string bytes;
};

std::vector<DataFile> open_data_files(const model::Site& site);
// The paths open_data_files() returns, in the same order.
std::vector<std::string> open_data_paths();

// One CSV cell: quoted when needed; a cell starting with = + - @ (a spreadsheet formula) is made inert with '.
std::string csv_cell(const std::string& value);

}  // namespace gongshi::render
