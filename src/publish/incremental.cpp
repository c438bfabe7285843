#include "publish/incremental.h"

#include <algorithm>

#include "publish/build_cache.h"
#include "publish/staging.h"

namespace gongshi::publish {

struct Rebuild::State {
    RebuildSettings settings;
    OutputLock lock;
    std::string options_key;
    std::uint64_t inputs = 0;
    // The last build, if its cache can be trusted: the cache, and what the output check saw of the site's files
    // (`live` points into `cache.outputs`, a std::map, whose nodes stay where they are when it is moved).
    std::optional<BuildCache> cache;
    StatsByPath live;
    std::optional<Staging> staging;

    explicit State(RebuildSettings s) : settings(std::move(s)), lock(settings.out) {}

    SearchIndexReport index(const std::filesystem::path& site_dir, diag::Diagnostics& diags) const {
        return index_site(site_dir, settings.out, settings.templates, diags);
    }
};

Rebuild::Rebuild(RebuildSettings settings, const Lap& lap) : state_(std::make_unique<State>(std::move(settings))), lap_(lap) {
    State& s = *state_;
    remove_stale_staging(s.settings.out);
    // Search on/off changes what the output holds (pagefind/), so switching it forces a full build.
    s.options_key = std::string(s.settings.drafts ? "drafts" : "published") + (s.settings.search ? "" : "+no-search");
    s.inputs = inputs_digest(stamp_inputs(s.settings.inputs));
    lap_("stat inputs");
    auto cache = read_cache(s.settings.out, generator_identity(), s.inputs);
    lap_("read cache");
    if (!cache || cache->options != s.options_key) return;
    auto live = check_outputs(s.settings.out, *cache);
    lap_("check outputs");
    if (!live) return;
    s.cache = std::move(cache);
    s.live = std::move(*live);
}

Rebuild::~Rebuild() = default;

bool Rebuild::nothing_changed() const { return state_->cache && state_->cache->inputs_digest == state_->inputs; }

Published Rebuild::finish_unchanged(diag::Diagnostics& diags) {
    const State& s = *state_;
    Published p;
    p.files = static_cast<long long>(s.cache->outputs.size());
    // Search (issue 5): nothing changed, but an index a previous build could not make is made now.
    if (s.settings.search && !has_search_index(s.settings.out)) p.search = s.index(s.settings.out, diags);
    return p;
}

const model::ModelSummary* Rebuild::last_summary() const { return state_->cache ? &state_->cache->summary : nullptr; }

render::OutputSink& Rebuild::start_staging() {
    State& s = *state_;
    s.staging.emplace(s.settings.out);
    // An incremental build starts from the edition the last build swapped out, if it is still the one the cache
    // describes: then only the files that differ are touched, instead of linking every file into a new tree.
    if (s.cache) s.staging->adopt_previous(s.cache->previous);
    return *s.staging;
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

Published Rebuild::publish(const render::RenderedFiles& files, const model::ModelSummary& summary,
                           diag::Diagnostics& diags) {
    State& s = *state_;
    Staging& staging = *s.staging;
    Published p;
    p.incremental = s.cache.has_value();
    BuildCache next{generator_identity(), s.options_key, s.inputs, {}, summary, {}, {}};
    std::vector<std::string> unchanged;
    for (const auto& [path, file] : files) {
        next.outputs[path] = {file.key, file.size, file.depends};
        (file.written ? p.written : unchanged).push_back(path);
    }
    // Search (issue 5): the index is built in the staging folder, so it is swapped in with its pages. A rebuild
    // re-indexes when an HTML file was written or removed, or the index is missing; else it keeps the index.
    bool reindex = s.settings.search;
    if (s.cache) {
        for (const auto& [path, stamp] : s.cache->outputs)
            if (!next.outputs.count(path)) p.removed.push_back(path);
        const auto is_html = [](const std::string& f) { return f.ends_with(".html"); };
        const bool html_changed = std::any_of(p.removed.begin(), p.removed.end(), is_html) ||
                                  std::any_of(p.written.begin(), p.written.end(), is_html);
        reindex = s.settings.search && (html_changed || !has_search_index(s.settings.out));
        if (s.settings.search && !reindex)
            for (auto& f : search_index_files(s.settings.out)) unchanged.push_back(std::move(f));
        // In an adopted edition this also removes its old index when re-indexing.
        staging.link_unchanged(unchanged, s.live);
        lap_("keep unchanged");
        next.previous = folder_identity(s.settings.out);  // the site being replaced, once it is "<out>.previous"
    }
    if (reindex) {
        p.search = s.index(staging.dir(), diags);
        if (p.search.built) lap_("search index");
    }
    next.site = folder_identity(staging.dir());
    write_pending_cache(s.settings.out, next);
    lap_("write cache");
    staging.commit(!next.previous.empty());
    promote_pending_cache(s.settings.out);
    lap_("publish");
    p.files = static_cast<long long>(files.size());
    p.bytes = staging.bytes_written();
    return p;
}

}  // namespace gongshi::publish
