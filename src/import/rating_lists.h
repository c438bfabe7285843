// The ratings lists of a notice as printed: program-year headings ("一、2022年城镇社区养老幸福工程"), tier headings
// with their declared count ("（一）优秀等次（共20家）"), numbered entries; a name split over two lines is joined,
// page numbers and blank lines between are skipped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "import/located_text.h"
#include "import/source_text.h"
#include "model/records.h"

namespace gongshi::importer {

struct PrintedEntry {
    int rank = 0;        // the printed number; 0 when the line has none
    LocatedText name;    // as printed (spaces touching Chinese characters dropped)
    diag::SourcePos pos; // of the number (or of the name when there is none)
    bool joined = false; // the name continued on a following line
};

struct PrintedGroup {
    int year = 0;              // 0: no year heading before it (reported)
    std::string tier;          // tier id
    std::string heading;       // as printed, without spaces
    std::optional<int> declared;
    diag::SourcePos pos;       // of the heading
    diag::SourcePos declared_pos;
    std::vector<PrintedEntry> entries;
};

// Lines [first, last] (1-based) the lists take up, headings included: the body shows the ratings there.
struct LineRange {
    int first = 0;
    int last = 0;
};

struct RatingLists {
    std::vector<PrintedGroup> groups;
    std::vector<LineRange> ranges;
};

// The lists of `source`; every uncertain spot (count differing from the entries, a number out of order, a line it
// cannot read, no year, no lists at all) is added to `diags` as an error at its line and column.
RatingLists read_rating_lists(const SourceText& source, const model::SiteConfig& site, diag::Diagnostics& diags);

// True when a printed name ends as a project's name does (…工程, …工程项目): a shorter line may continue below.
bool ends_like_a_name(std::string_view name);

}  // namespace gongshi::importer
