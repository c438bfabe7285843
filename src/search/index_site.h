// Stage "search": gongshi's own static search index (issue 20), made from the model after rendering. The
// pipeline's one call; docs/search.md describes the files and the client (assets/search.js).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "model/site.h"
#include "render/output_sink.h"
#include "render/render.h"

namespace gongshi::search {

struct IndexReport {
    bool built = false;
    long long records = 0;
    long long files = 0;         // files the index holds
    long long written = 0;       // files this build wrote (the others were already right)
    long long bytes = 0;         // bytes of the whole index
    long long bytes_written = 0;
    long long parts_rebuilt = 0;  // partitions whose postings and record data were made again
    long long parts = 0;
    double seconds = 0;
};

// Writes the index under search-index/ into `sink`, each file only when its bytes differ from the previous build's
// (`previous`), and adds every index file to `files` (so the build's cache, its link step and its removal of
// stale files treat them like pages). A partition whose inputs did not change (search/partition_inputs.h: its
// records' source files, site.yaml and cities.yaml, their filters) is neither made into records nor fingerprinted:
// its file list is read back from its shape.txt in `live_site` (the published site), and its files are kept as
// they are; one whose filters alone changed gets its records' order and filters made, and new filter blocks.
IndexReport index_site(const model::Site& site, render::OutputSink& sink, const render::PreviousOutput& previous,
                       const std::filesystem::path& live_site, render::RenderedFiles& files);

}  // namespace gongshi::search
