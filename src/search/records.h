// Stage "search", step 1: the records the search index holds, taken from the model (not from the HTML): each
// project (name, aliases, place), each notice and reply (number, title, issuer, text). List pages are not records.
#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace gongshi::search {

struct SearchRecord {
    std::string part;  // partition: "p<program year>" for projects, "d<year>" for notices and replies
    std::string order;  // sort key inside the partition (projects: city code, county, id — a place's projects are
                        // neighbours, so a place query reads few blocks; documents: id)
    std::string url;
    std::string title;
    std::vector<std::string> names;  // project: name, then aliases; document: title
    std::vector<std::string> place;  // project: city, county, town, community, address
    std::string number;              // document number (文号)
    std::string body;                // document: issuer, summary and text (Markdown marks dropped)
    // Filters: indexes into Facets' lists.
    int kind = 0;
    int city = -1;
    unsigned tiers = 0;   // bit per tier index
    unsigned years = 0;   // bit per index into Facets::years
};

// The filter values the index knows, in the order /search/ offers them.
struct Facets {
    std::vector<int> years;
    std::vector<std::string> tiers;
    std::vector<std::string> cities;
    std::vector<std::string> kinds;  // 项目, each notice kind, 答复
};

Facets search_facets(const model::Site& site);

// Every record, sorted by (part, order).
std::vector<SearchRecord> search_records(const model::Site& site, const Facets& facets);

// Markdown as plain text for searching and excerpts: headings, emphasis, table bars and link targets dropped.
std::string plain_text(const std::string& markdown);

}  // namespace gongshi::search
