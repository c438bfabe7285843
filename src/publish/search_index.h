// The search index: Pagefind (npm package `pagefind`, installed by scripts/setup) run over a built site, its
// bundle swapped in whole as <site>/pagefind/. A missing or failing Pagefind never fails the build.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace gongshi::publish {

// Where the Pagefind binary is looked for, in order (the first that exists wins):
//   1. $GONGSHI_PAGEFIND — a path to the binary; when set, nothing else is tried;
//   2. <repo>/node_modules/@pagefind/<platform>/bin/pagefind_extended, where <repo> is the folder above --templates
//      (the native binary the npm package ships; `extended` is the build that segments Chinese);
//   3. <repo>/node_modules/.bin/pagefind (the package's Node launcher, which needs `node` on PATH);
//   4. `pagefind_extended`, then `pagefind`, on PATH.
struct PagefindLookup {
    std::optional<std::filesystem::path> binary;
    std::vector<std::string> tried;  // what was looked at, for the warning when nothing was found
};
PagefindLookup find_pagefind(const std::filesystem::path& templates_dir);

struct SearchIndexReport {
    bool attempted = false;
    bool built = false;
    std::string problem;  // why it was not built (one line), empty when built
    long long files = 0;  // files in the bundle
    long long bytes = 0;
    double seconds = 0;
};

// True if <site_dir>/pagefind/ holds a finished bundle.
bool has_search_index(const std::filesystem::path& site_dir);
// The bundle's files, relative to site_dir ("pagefind/…"), sorted; empty when there is none.
std::vector<std::string> search_index_files(const std::filesystem::path& site_dir);

// Indexes the HTML under site_dir into "<out_dir>.search.staging-<pid>", then moves it into place as
// <site_dir>/pagefind/ (one rename, or an exchange with the previous bundle): readers see the old index or the
// new one, never a partial one. On failure the temporary folder is removed and site_dir is left as it was.
SearchIndexReport build_search_index(const std::filesystem::path& site_dir, const std::filesystem::path& out_dir,
                                     const std::filesystem::path& pagefind);

// The build's search step: finds Pagefind (templates_dir locates the repository) and builds the index into
// site_dir; when it cannot, adds one warning ("search index not built: … — run scripts/setup") and the site
// publishes without search (its /search/ page says so).
SearchIndexReport index_site(const std::filesystem::path& site_dir, const std::filesystem::path& out_dir,
                             const std::filesystem::path& templates_dir, diag::Diagnostics& diags);

}  // namespace gongshi::publish
