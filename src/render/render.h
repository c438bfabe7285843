// Stage 4: render every page of the site into a sink, in parallel, deterministically — skipping the files a
// previous build already wrote from the same inputs. The assets are publish's (publish/assets.h): render only
// links to them.
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

struct RenderResult {
    long long pages = 0;  // HTML pages (not redirects)
    long long views_built = 0;  // pages and feeds whose view was built (the rest had an unchanged dependency key)
    long long data_parts_made = 0;  // open-data files of one program year made (the rest were left as they were)
    RenderedFiles files;  // the assets, every page and the open data
    // The paths written (sorted), at most `at_most` of them; how many were written.
    std::vector<std::string> written_paths(std::size_t at_most = static_cast<std::size_t>(-1)) const;
    std::size_t written_count() const;
    std::vector<std::string> unchanged_paths() const;  // sorted: left as the previous build wrote them
};

// Told how many of the site's files are done, from any render thread, now and then (for a progress line).
using Progress = std::function<void(long long done, long long total)>;

// `changes` holds the record-level differences from the previous build; the pages this build writes are added
// to it for the /changes/ page, which is rendered last — or, when nothing changed at all, left as it was, so the
// page always describes the last build that changed something. `previous_bytes` gives the open data the files of
// the last build it assembles its whole-dataset files from (render/open_data_files.h).
RenderResult render_site(const model::Site& site, const Templates& templates, const PublishedAssets& assets,
                         OutputSink& sink, int jobs, const PreviousOutput& previous,
                         model::ChangeSet changes, const Progress& progress = {},
                         const PreviousBytes& previous_bytes = {});

}  // namespace gongshi::render
