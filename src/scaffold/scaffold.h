// `gongshi new`: a correctly shaped record for staff to fill in, every field commented in Chinese and English.
// Values only a person can supply hold model::placeholder, which the loader rejects until replaced.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace gongshi::scaffold {

struct NewRecord {
    enum class Kind { notice, reply, project, ratings, progress } kind = Kind::notice;
    std::string id;
    std::string doc_number;  // notice, reply
    std::string date;        // notice, reply: YYYY-MM-DD
    std::string title;       // notice, reply; project: its official name
    std::string city;        // reply, project: city id
    std::string county;      // project: county name as printed
    int year = 0;            // project, ratings, progress: program year
};

struct Written {
    std::filesystem::path file;  // what was created
    std::vector<std::string> next_steps;
};

// Checks the request against the content folder (ids, cities, counties, programs, existing records) and writes
// the new file; refuses to overwrite anything. Problems go to `diags` with what to do; nothing is written then.
std::optional<Written> create(const std::filesystem::path& content_dir, const NewRecord& request,
                              diag::Diagnostics& diags);

}  // namespace gongshi::scaffold
