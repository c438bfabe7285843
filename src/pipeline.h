// The build, stage by stage: load → validate → build_model → render → publish.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "io/input_files.h"
#include "model/change_summary.h"
#include "search/index_site.h"

namespace gongshi {

struct BuildOptions {
    std::filesystem::path content = "content";
    std::filesystem::path templates = "templates";
    std::filesystem::path assets = "assets";
    std::filesystem::path out = "site";
    bool drafts = false;
    int jobs = 1;
    // Called now and then while pages render (done, total), from any thread; empty: no progress reporting.
    std::function<void(long long done, long long total)> progress;
    bool search = true;  // build the search index, search-index/ (--no-search skips it)
    // Add the URLs this build publishes for the first time to content/published-urls.txt (never with drafts, and
    // not by the preview server, which must not edit the content it watches).
    bool record_urls = true;
    int verbosity = 1;   // 0 --quiet, 1 normal, 2 --verbose (the command line's business; the pipeline ignores it)
};

struct BuildReport {
    diag::Diagnostics diags;
    int records = 0;
    int files_parsed = 0;    // content files read and parsed (the others' records came from the parsed-record cache)
    long long pages = 0;
    long long files = 0;     // files the site holds
    long long written = 0;   // files this build wrote (the rest were already right)
    long long bytes = 0;     // bytes this build wrote
    int urls_recorded = 0;   // URLs added to content/published-urls.txt
    long long views_built = 0;  // views built; the other pages were made from unchanged files (render/page_keys.h)
    long long data_parts_made = 0;  // open-data files of one program year made; the others were left as they were
    bool published = false;
    bool unchanged = false;  // nothing in the inputs changed since the last build: nothing was done
    bool incremental = false;
    // How the files of the edition the build started from were listed, as -v says it: "" (none: a new tree),
    // "walked (…)" or "from its record (…)".
    std::string edition_listed;
    // The allocator gave pages back as they were freed during this build (memory/allocator.h), as it says itself.
    bool pages_given_back = false;
    model::ChangeSet changes;
    search::IndexReport search;  // the search index, when this build made one
    std::vector<std::string> content_summary;  // check: what the content holds
    std::vector<std::string> removed;          // output files this build removed (no longer published)
    // Wall time of each stage that ran, in order ("load", "render", …): printed by --verbose, used by bench/.
    std::vector<std::pair<std::string, double>> stages;
};

// Validates only: no output is touched.
BuildReport check_content(const BuildOptions& options);
// Validates, renders what changed into a staging folder and publishes it; on any error the previous output
// stays as it was.
BuildReport build_site(const BuildOptions& options);

}  // namespace gongshi
