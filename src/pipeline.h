// The build, stage by stage: load → validate → build_model → render → publish.
#pragma once

#include <filesystem>

#include "diag/diagnostic.h"

namespace gongshi {

struct BuildOptions {
    std::filesystem::path content = "content";
    std::filesystem::path templates = "templates";
    std::filesystem::path assets = "assets";
    std::filesystem::path out = "site";
    bool drafts = false;
    int jobs = 1;
};

struct BuildReport {
    diag::Diagnostics diags;
    int records = 0;
    long long pages = 0;
    long long files = 0;
    long long bytes = 0;
    bool published = false;
};

// Validates only: no output is touched.
BuildReport check_content(const BuildOptions& options);
// Validates, renders into a staging folder and swaps it in; on any error the previous output stays as it was.
BuildReport build_site(const BuildOptions& options);

}  // namespace gongshi
