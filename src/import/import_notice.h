// `gongshi import notice FILE`: from a notice's text to the records it implies — the notice, its ratings, and a
// record for each project the site does not have yet — proposed (printed) or written into content/, never
// overwriting a record. Stages: read the file (source_text) → find the lists (rating_lists), the particulars
// (notice_header) and the body (notice_body) → match each entry to a project (project_match) or read its place
// (place_names) → the records as text (proposal).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "import/source_text.h"
#include "io/input_files.h"
#include "model/records.h"

namespace gongshi::importer {

struct ImportRequest {
    std::filesystem::path file;
    std::filesystem::path content = "content";
    std::string id;  // the notice's id; empty: from its 文号
};

struct PlannedFile {
    std::filesystem::path path;
    std::string text;
    bool exists = false;  // a record is there already: kept, never overwritten
};

struct ImportPlan {
    std::string notice_id;
    std::vector<PlannedFile> files;  // notice, ratings, then new projects
    int entries = 0;
    int matched = 0;       // entries naming a project the site has
    int new_projects = 0;  // records proposed
    int uncertain = 0;     // errors: spots staff must settle
    io::MemoryFiles source_lines;  // the text read, by its path: for the excerpts under messages
};

// Everything the import would write, with every uncertain spot an error in `diags` at its line and column of the
// source. Nothing when the file cannot be read at all (also an error).
std::optional<ImportPlan> plan_import(const ImportRequest& request, diag::Diagnostics& diags);

// The plan for a text already read, against the content already loaded (`records` needs site and cities): what
// plan_import does once it has both. Nothing when the notice's id cannot be made (an error).
std::optional<ImportPlan> propose_records(const SourceText& source, const model::Records& records,
                                          const ImportRequest& request, diag::Diagnostics& diags);

// Writes the plan's files that do not exist yet, each created only if nothing is there. On any failure it
// removes what it created and returns false: nothing is half-written.
bool write_plan(const ImportPlan& plan, diag::Diagnostics& diags);

}  // namespace gongshi::importer
