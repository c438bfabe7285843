// Stage "search", step 1: the records the search index holds, taken from the model (not from the HTML): each
// project (name, aliases, place), each notice and reply (number, title, issuer, text). List pages are not
// records.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"

namespace gongshi::search {

// Where a record comes from: an index into Site::projects, Site::notices or Site::replies.
struct RecordSource {
    enum class Kind { project, notice, reply };
    Kind kind = Kind::project;
    int index = 0;
};

// A record's filters: indexes into Facets' lists.
struct RecordFilters {
    int kind = 0;
    int city = -1;
    unsigned tiers = 0;  // bit per tier index
    unsigned years = 0;  // bit per index into Facets::years
};

struct SearchRecord {
    std::string part;  // partition: "p<program year>" for projects, "d<year>" for notices and replies
    std::string order;  // sort key inside the partition (projects: city code, county, id — a place's projects
                        // are neighbours, so a place query reads few blocks; documents: id)
    std::string url;
    std::string title;
    std::vector<std::string> names;  // project: name, then aliases; document: title
    std::vector<std::string> place;  // project: city, county, town, community, address
    std::string number;              // document number (文号)
    std::string body;                // document: issuer, summary and text (Markdown marks dropped)
    RecordFilters filters;
};

// The filter values the index knows, in the order /search/ offers them.
struct Facets {
    std::vector<int> years;
    std::vector<std::string> tiers;
    std::vector<std::string> cities;
    std::vector<std::string> kinds;  // 项目, each notice kind, 答复
};

Facets search_facets(const model::Site& site);

// Every record's source, in the model's order: projects, notices, replies.
std::vector<RecordSource> record_sources(const model::Site& site);
// The partition a record goes to ("p2023", "d2024"), made without its text.
std::string record_part(const model::Site& site, RecordSource source);
// Whether a partition (as record_part names it) holds projects: the client ranks a project above a document
// without reading the records' filters first.
bool part_holds_projects(std::string_view part);
// Every record's filters, in record_sources' order (cheap: made without the records' text).
std::vector<RecordFilters> record_filters(const model::Site& site, const Facets& facets);

// The records of these sources, sorted by (part, order); `filters`: theirs, in the same order.
std::vector<SearchRecord> make_records(const model::Site& site, const std::vector<RecordSource>& sources,
                                       const std::vector<RecordFilters>& filters);
// One partition's `filters` (those of `sources`, in their order) in the order make_records
// sorts their records into, without making their text (for a partition whose filters alone changed).
std::vector<RecordFilters> ordered_filters(const model::Site& site, const std::vector<RecordSource>& sources,
                                           const std::vector<RecordFilters>& filters);

// Markdown as plain text for searching and excerpts: headings, emphasis, table bars and link targets dropped.
std::string plain_text(const std::string& markdown);

}  // namespace gongshi::search
