#include "publish/incremental.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <thread>
#include <utility>

#include "io/input_files.h"
#include "publish/build_cache.h"
#include "publish/manifest.h"
#include "publish/record_cache.h"
#include "publish/staging.h"

namespace gongshi::publish {

struct Rebuild::State {
    RebuildSettings settings;
    OutputLock lock;
    std::string options_key;
    std::vector<InputStamp> stamps;  // of every input file, sorted by path, until take_input_stamps
    // (hash of the path, stamp_hash) of every input file, by the first: what restamp_input needs of the stamps once
    // they are taken. Made then, not for a no-op, which never takes them.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> stamp_hashes;
    void index_stamps() {
        if (!stamp_hashes.empty()) return;
        stamp_hashes.reserve(stamps.size());
        for (const InputStamp& stamp : stamps) stamp_hashes.emplace_back(path_hash(stamp.path), stamp_hash(stamp));
        std::sort(stamp_hashes.begin(), stamp_hashes.end());
    }
    std::uint64_t inputs = 0;        // their digest
    // The last build, if its cache can be trusted: the cache, and what the output check saw of the site's files
    // (`live` points into `cache.outputs`, a std::map, whose nodes stay where they are when it is moved).
    std::optional<BuildCache> cache;
    StatsByPath live;
    // The walk of the edition the last build swapped out, begun once something changed (adopt_previous takes it).
    std::unique_ptr<EditionListing> listing;
    std::optional<Staging> staging;
    bool summary_kept = false;  // this build's summary is in summary_file_path (keep_summary)

    explicit State(RebuildSettings s) : settings(std::move(s)), lock(settings.out) {}
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State() {
        std::error_code ec;
        if (summary_kept) std::filesystem::remove(summary_file_path(settings.out), ec);
    }
};

Rebuild::Rebuild(RebuildSettings settings, const Lap& lap) : state_(std::make_unique<State>(std::move(settings))), lap_(lap) {
    State& s = *state_;
    remove_stale_staging(s.settings.out);
    // Search on/off changes what the output holds (search-index/), so switching it forces a full build.
    s.options_key = std::string(s.settings.drafts ? "drafts" : "published") + (s.settings.search ? "" : "+no-search");
    // The inputs are stat-ed beside the reading of the cache and the check of the outputs: each waits on the disk
    // more than it computes (at 1 000 000 projects, a million lstat calls on each side).
    std::optional<BuildCache> cache;
    std::optional<StatsByPath> live;
    bool summary_read = false;
    {
        std::jthread stamping([&s] {
            s.stamps = stamp_inputs(s.settings.inputs);
            s.inputs = inputs_digest(s.stamps);
        });
        cache = read_cache(s.settings.out, generator_identity());
        lap_("read cache");
        if (cache && cache->options == s.options_key) {
            // The cache's record summaries describe what changed since: decoded only if something did, once the
            // stamps say so, beside the output check (they touch different parts of the cache). At 100 000
            // projects the decode took 0.07-0.11 s on the main thread; at 1 000 000 the check takes ~10 s.
            std::future<bool> summary = std::async(std::launch::async, [&] {
                stamping.join();
                return cache->inputs_digest == s.inputs || read_cache_summary(*cache);
            });
            live = check_outputs(s.settings.out, *cache);
            lap_("check outputs");
            summary_read = summary.get();
        }
    }  // joined
    lap_("stat inputs");  // what was left of it (and of the summaries' decode) once the cache was read and checked
    if (!cache || !live || !summary_read) return;
    const bool changed = cache->inputs_digest != s.inputs;
    if (!changed) release_cache_file(*cache);
    s.cache = std::move(cache);
    s.live = std::move(*live);
    // Something changed: the build will start from the last edition, so its walk begins now, beside the load.
    if (changed) s.listing = std::make_unique<EditionListing>(s.settings.out, s.cache->previous);
}

Rebuild::~Rebuild() = default;

bool Rebuild::nothing_changed() const { return state_->cache && state_->cache->inputs_digest == state_->inputs; }

Published Rebuild::finish_unchanged(diag::Diagnostics&) {
    Published p;
    p.files = static_cast<long long>(state_->cache->outputs.size());
    return p;
}

bool Rebuild::full_build() const { return !state_->cache; }

const model::ModelSummary* Rebuild::last_summary() const { return state_->cache ? &state_->cache->summary : nullptr; }

void Rebuild::keep_summary(const model::ModelSummary& summary) {
    State& s = *state_;
    const std::filesystem::path file = summary_file_path(s.settings.out);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    encode_summary(summary, [&](std::string_view piece) { out.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
    s.summary_kept = true;  // if it could not be written whole, the cache is not written: a full build next time
    std::error_code ec;
    if (!out.flush()) std::filesystem::remove(file, ec);
    if (s.cache) s.cache->summary = {};
}

render::OutputSink& Rebuild::start_staging() {
    State& s = *state_;
    s.staging.emplace(s.settings.out);
    // An incremental build starts from the edition the last build swapped out, if it is still the one the cache
    // describes: then only the files that differ are touched, instead of linking every file into a new tree.
    if (s.cache) s.staging->adopt_previous(s.cache->previous, std::move(s.listing));
    return *s.staging;
}

void Rebuild::restamp_input(const std::filesystem::path& file) {
    State& s = *state_;
    s.index_stamps();  // if the stamps were not taken yet
    const std::string path = file.generic_string();
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0) return;
    const InputStamp now{path, static_cast<std::uint64_t>(st.st_size),
                         static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
    // The digest is a sum of the stamps' hashes (inputs_digest): the file's old one out, its new one in.
    const std::pair<std::uint64_t, std::uint64_t> entry{path_hash(path), stamp_hash(now)};
    const auto it = std::lower_bound(s.stamp_hashes.begin(), s.stamp_hashes.end(), entry,
                                     [](const auto& a, const auto& b) { return a.first < b.first; });
    if (it != s.stamp_hashes.end() && it->first == entry.first) {
        s.inputs -= it->second;
        it->second = entry.second;
    } else {
        s.stamp_hashes.insert(it, entry);
    }
    s.inputs += entry.second;
}

render::PreviousOutput Rebuild::previous_output() const {
    if (!state_->cache) return {};
    const auto& outputs = state_->cache->outputs;
    return [&outputs](const std::string& path) -> std::optional<render::RenderedFile> {
        auto it = outputs.find(path);
        if (it == outputs.end()) return std::nullopt;
        return render::RenderedFile{it->second.key, it->second.size, false, it->second.depends};
    };
}

render::PreviousBytes Rebuild::previous_bytes() const {
    if (!state_->cache) return {};
    const std::filesystem::path site = state_->settings.out;
    return [site](const std::string& path) { return io::read_file(site / path); };
}

std::vector<InputStamp> Rebuild::take_input_stamps() {
    state_->index_stamps();
    return std::exchange(state_->stamps, {});
}

std::optional<std::string> Rebuild::read_parsed_records() const {
    return read_record_cache(state_->settings.out, generator_identity());
}

void Rebuild::write_parsed_records(const RecordPieces& pieces) const {
    write_record_cache(state_->settings.out, generator_identity(), pieces);
}

void Rebuild::append_parsed_records(const RecordPieces& pieces) const {
    append_record_cache(state_->settings.out, pieces);
}

Published Rebuild::publish(const render::RenderedFiles& files, diag::Diagnostics&) {
    State& s = *state_;
    Staging& staging = *s.staging;
    Published p;
    p.incremental = s.cache.has_value();
    CacheToWrite next{generator_identity(), s.options_key, s.inputs, files,
                      s.summary_kept ? summary_file_path(s.settings.out) : std::filesystem::path(), {}, {}};
    std::vector<std::string> unchanged;
    for (const auto& [path, file] : files) (file.written ? p.written : unchanged).push_back(path);
    // The search index's files (src/search/) are among `files`: written, kept or removed like pages.
    if (s.cache) {
        for (const auto& [path, stamp] : s.cache->outputs)
            if (!files.count(path)) p.removed.push_back(path);
        staging.link_unchanged(unchanged, s.live);
        lap_("keep unchanged");
        next.previous = folder_identity(s.settings.out);  // the site being replaced, once it is "<out>.previous"
    }
    write_manifest(staging, s.settings.out);  // over the final tree: pages, assets and search index
    lap_("manifest");
    next.inputs_digest = s.inputs;  // restamp_input may have changed it since the cache was begun
    next.site = folder_identity(staging.dir());
    write_pending_cache(s.settings.out, next);
    lap_("write cache");
    staging.commit(!next.previous.empty());
    promote_pending_cache(s.settings.out);
    lap_("publish");
    p.files = static_cast<long long>(files.size());
    p.bytes = staging.bytes_written();
    p.edition_listed = staging.edition_listed();
    return p;
}

}  // namespace gongshi::publish
