// Stage 4: render every output file of the site into a sink, in parallel, deterministically — skipping the
// files a previous build already wrote from the same inputs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/change_summary.h"
#include "model/site.h"
#include "render/output_sink.h"
#include "render/templates.h"

namespace gongshi::render {

struct RenderedFile {
    std::uint64_t key = 0;   // fingerprint of its inputs (template + view, or its bytes)
    std::uint64_t size = 0;
    bool written = false;    // false: the previous build's file is still right and was left alone
    std::uint64_t depends = 0;  // its dependency key (PageJob::depends), 0 if it has none
};

struct RenderResult {
    long long pages = 0;  // HTML pages (not redirects)
    long long views_built = 0;  // pages and feeds whose view was built (the rest had an unchanged dependency key)
    std::map<std::string, RenderedFile> files;
    std::vector<std::string> written_paths() const;    // sorted
    std::vector<std::string> unchanged_paths() const;  // sorted: left as the previous build wrote them
};

// What the previous build wrote at a path (its keys and size), if it is still in the output; a file whose key
// (or dependency key) equals the one this build would write from is left alone.
using PreviousOutput = std::function<std::optional<RenderedFile>(const std::string& path)>;

// Told how many of the site's files are done, from any render thread, now and then (for a progress line).
using Progress = std::function<void(long long done, long long total)>;

// `changes` holds the record-level differences from the previous build; the pages this build writes are added
// to it for the /changes/ page, which is rendered last — or, when nothing changed at all, left as it was, so the
// page always describes the last build that changed something.
RenderResult render_site(const model::Site& site, const Templates& templates, const std::filesystem::path& assets_dir,
                         OutputSink& sink, int jobs, const PreviousOutput& previous,
                         model::ChangeSet changes, const Progress& progress = {});

}  // namespace gongshi::render
