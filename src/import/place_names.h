// Where a printed project name says the project is: 太原市 | 迎泽区 | 郝庄镇 | 龙城新苑社区 | 养老幸福工程, read
// against cities.yaml's cities, counties and development zones. Nothing is guessed: a part the name does not
// state stays empty, and a county that is not its city's is reported with the nearest spellings.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "import/located_text.h"
#include "model/records.h"

namespace gongshi::importer {

struct Place {
    const model::City* city = nullptr;
    std::string county;     // as cities.yaml names it; empty when the name states none
    std::string county_id;  // the county's (or zone's) id
    bool county_unknown = false;  // the name states a county that is not its city's (reported)
    std::string town;       // 街道, 镇, 乡, 办事处, 开发区 as printed
    std::string community;  // …社区 / …小区 as printed
    std::string id_words;   // the words a new project's id is made from (the community without 社区, …)
};

// Reads the place from a name. A name without a known city, or with a county outside its city, is an error at
// its position in `diags`; a name that states no county is a warning (the record leaves the county out).
Place read_place(const LocatedText& name, const std::vector<model::City>& cities, const std::string& path,
                 diag::Diagnostics& diags);

}  // namespace gongshi::importer
