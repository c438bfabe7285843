// The data the /projects/ filter fetches once the projects no longer fit one page: a small index of the parts
// (city × program year, with the number of projects each holds, in all and per tier) and, for each page of each
// part, its rows — never a file of the whole dataset. With the index, every count the filter shows is exact; with
// the rows of the parts a choice covers, it lists the projects that match, a page at a time.
#pragma once

#include <string>

#include "model/site.h"
#include "render/list_partitions.h"

namespace gongshi::render {

inline constexpr const char* project_parts_url = "/projects/parts.json";

// The index: {"page_size":200,"parts":[{"city":"taiyuan","year":2023,"count":12,"tiers":{"excellent":3,…},
// "url":"/cities/taiyuan/2023/","city_url":"/cities/taiyuan/","pages":1},…]}, parts in the cities' order, then by year.
std::string project_parts_json(const model::Site& site, const ListPartitions& lists);

// Where the rows of page `page` of a part are: "<that page's URL>projects.json".
std::string project_rows_url(const ListPart& part, int page);
// Those rows: [{"id":…,"name":…,"url":…,"county":…,"year":2023,"tiers":["good"],"corrected_url":…,"printed_as":…},…]
// (the last two only for a corrected name).
std::string project_rows_json(const model::Site& site, const ListPart& part, int page);

}  // namespace gongshi::render
