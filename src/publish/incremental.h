// Rebuilding only what changed. What the last build left beside the site (its cache, and the edition it replaced)
// and the checks that decide whether to trust it; how this build starts from it (the staging folder adopts the old
// edition, the renderer asks what the last build wrote at a path) and ends with it (unchanged files linked — the
// search index's among them, src/search/ — the new cache written, the swap). The pipeline calls these in order and nothing else
// of the incremental machinery.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/change_summary.h"
#include "publish/build_cache.h"
#include "publish/edition_record.h"
#include "publish/record_cache.h"
#include "render/output_sink.h"

namespace gongshi::publish {

struct RebuildSettings {
    std::filesystem::path out;
    std::vector<std::filesystem::path> inputs;  // every folder the output is made from
    bool drafts = false;
    bool search = true;
};

// Closes the stage that began at the last call ("read cache", …), for the build's stage times.
using Lap = std::function<void(const char* stage)>;

// What publishing did.
struct Published {
    long long files = 0;             // files the site now holds
    long long bytes = 0;             // bytes written
    std::vector<std::string> written;  // sorted
    std::vector<std::string> removed;  // files the last build published and this one does not
    bool incremental = false;        // started from the last build's output
    EditionListed edition_listed = EditionListed::none;  // how the edition it started from was listed
};

class Rebuild {
public:
    // Locks the output (waiting for another build), removes staging folders of dead builds, stamps the inputs,
    // reads the last build's cache and checks the site still holds what it lists.
    Rebuild(RebuildSettings settings, const Lap& lap);
    ~Rebuild();
    Rebuild(const Rebuild&) = delete;
    Rebuild& operator=(const Rebuild&) = delete;

    // The inputs are exactly as the last build read them: there is nothing to render.
    bool nothing_changed() const;
    Published finish_unchanged(diag::Diagnostics& diags);

    // No last build to start from (none, or its cache is unusable): every page is made.
    bool full_build() const;
    // What the last build published, to tell what changed; nullptr when this is a full build.
    const model::ModelSummary* last_summary() const;
    // What this build publishes, for its cache (encoded now: the summary need not be held through render). The last
    // build's summary is let go.
    void keep_summary(const model::ModelSummary& summary);
    // The folder this build writes into: a new staging folder, or the edition the last build swapped out.
    render::OutputSink& start_staging();
    // What the last build wrote at a path (nothing on a full build).
    render::PreviousOutput previous_output() const;
    // The bytes of a file of the site the last build published (nothing on a full build).
    render::PreviousBytes previous_bytes() const;
    // Every input file, sorted by path, as this build stamped it: handed over once (to key the parsed-record cache),
    // not held through the build (at 1 000 000 projects ~130 MB of paths). Empty when asked again.
    std::vector<InputStamp> take_input_stamps();
    // The parsed-record cache beside the output (publish/record_cache.h), if this binary wrote it; its new bytes,
    // or the bytes to add to it.
    std::optional<std::string> read_parsed_records() const;
    void write_parsed_records(const RecordPieces& pieces) const;
    void append_parsed_records(const RecordPieces& pieces) const;
    // An input this build rewrote itself (content/published-urls.txt, url_registry.h): the cache records its new
    // stamp, so the build's own edit is not a change of the inputs at the next build.
    void restamp_input(const std::filesystem::path& file);
    // Links every file this build did not write, writes the manifest
    // (manifest.h), writes the cache (with keep_summary's summary) and swaps the new site in. `files` is every file of the new site.
    Published publish(const render::RenderedFiles& files, diag::Diagnostics& diags);

private:
    struct State;
    std::unique_ptr<State> state_;
    Lap lap_;
};

}  // namespace gongshi::publish
