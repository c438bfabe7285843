// The only place the order of the stages lives.
#include "pipeline.h"

#include <algorithm>
#include <chrono>

#include "load/load.h"
#include "model/site.h"
#include "publish/build_cache.h"
#include "search/index_site.h"
#include "publish/staging.h"
#include "render/render.h"
#include "validate/content_summary.h"
#include "validate/validate.h"

namespace gongshi {

namespace {

// Stages 1 and 2. Records with field errors are still loaded (with the fields left empty), so validation can
// report every other mistake of the run too, without cascades of "unknown id" errors.
model::Records load_and_check(const BuildOptions& options, BuildReport& report) {
    model::Records records = load::load_content(options.content, report.diags);
    report.records = records.files_read;
    if (records.site) validate::validate(records, {options.drafts}, report.diags);
    return records;
}

std::optional<model::Records> load_and_validate(const BuildOptions& options, BuildReport& report) {
    model::Records records = load_and_check(options, report);
    if (!records.site || report.diags.has_errors()) return std::nullopt;
    return records;
}

// Records how long each stage took into the report: lap("render") closes the stage that began at the last lap.
class StageClock {
public:
    explicit StageClock(BuildReport& report) : report_(report) {}
    void lap(const char* stage) {
        const auto now = std::chrono::steady_clock::now();
        report_.stages.emplace_back(stage, std::chrono::duration<double>(now - last_).count());
        last_ = now;
    }

private:
    BuildReport& report_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// The last build, if its cache can be trusted for this build: the cache, and what the output check saw of the
// site's files (`live` points into `cache.outputs`, a std::map, whose nodes stay where they are when it is moved).
struct LastBuild {
    publish::BuildCache cache;
    publish::StatsByPath live;
};

std::optional<LastBuild> usable_last_build(const BuildOptions& o, const std::string& options_key,
                                           std::uint64_t inputs, StageClock& clock) {
    auto cache = publish::read_cache(o.out, publish::generator_identity(), inputs);
    clock.lap("read cache");
    if (!cache || cache->options != options_key) return std::nullopt;
    auto live = publish::check_outputs(o.out, *cache);
    clock.lap("check outputs");
    if (!live) return std::nullopt;
    return LastBuild{std::move(*cache), std::move(*live)};
}

}  // namespace

BuildReport check_content(const BuildOptions& options) {
    BuildReport report;
    report.content_summary = validate::summarize_content(load_and_check(options, report));
    return report;
}

BuildReport build_site(const BuildOptions& options) {
    BuildReport report;
    StageClock clock(report);
    publish::OutputLock lock(options.out);
    publish::remove_stale_staging(options.out);
    // Search on/off changes what the output holds (search/), so switching it forces a full build.
    const std::string options_key = std::string(options.drafts ? "drafts" : "published") + (options.search ? "" : "+no-search");
    const std::uint64_t inputs =
        publish::inputs_digest(publish::stamp_inputs({options.content, options.templates, options.assets}));
    clock.lap("stat inputs");
    const auto last = usable_last_build(options, options_key, inputs, clock);
    if (last && last->cache.inputs_digest == inputs) {
        report.published = report.unchanged = true;
        report.files = static_cast<long long>(last->cache.outputs.size());
        return report;
    }

    auto records = load_and_validate(options, report);
    clock.lap("load and validate");
    if (!records) return report;
    const render::Templates templates = render::Templates::load(options.templates, report.diags);
    if (report.diags.has_errors()) return report;
    const model::Site site = model::build_model(std::move(*records), options.drafts);
    const model::ModelSummary summary = model::summarize(site);
    report.changes = model::compare_summaries(last ? &last->cache.summary : nullptr, summary, site);
    clock.lap("model");

    publish::Staging staging(options.out);
    // An incremental build starts from the edition the last build swapped out, if it is still the one the cache
    // describes: then only the files that differ are touched, instead of linking every file into a new tree.
    if (last) staging.adopt_previous(last->cache.previous);
    clock.lap("staging");
    render::PreviousOutput previous_output;
    if (last)
        previous_output = [&](const std::string& path) -> std::optional<render::RenderedFile> {
            auto it = last->cache.outputs.find(path);
            if (it == last->cache.outputs.end()) return std::nullopt;
            return render::RenderedFile{it->second.key, it->second.size, false, it->second.depends};
        };
    render::RenderResult result =
        render::render_site(site, templates, options.assets, staging, options.jobs, previous_output, report.changes,
                            options.progress);
    clock.lap("render");
    // Search (issue 20): the index's files join the rendered ones, written only where their bytes changed.
    if (options.search) {
        report.search = search::index_site(site, staging, previous_output, options.out, result.files);
        clock.lap("search index");
    }

    publish::BuildCache next{publish::generator_identity(), options_key, inputs, {}, summary, {}, {}};
    for (const auto& [path, file] : result.files) next.outputs[path] = {file.key, file.size, file.depends};
    const std::vector<std::string> written = result.written_paths();
    if (last) {
        for (const auto& [path, stamp] : last->cache.outputs)
            if (!next.outputs.count(path)) report.removed.push_back(path);
        staging.link_unchanged(result.unchanged_paths(), last->live);
        clock.lap("keep unchanged");
        next.previous = publish::folder_identity(options.out);  // the site being replaced, once it is "<out>.previous"
    }
    next.site = publish::folder_identity(staging.dir());
    publish::write_pending_cache(options.out, next);
    clock.lap("write cache");
    staging.commit(!next.previous.empty());
    publish::promote_pending_cache(options.out);
    clock.lap("publish");

    report.pages = result.pages;
    report.files = static_cast<long long>(result.files.size());
    report.written = static_cast<long long>(written.size());
    report.bytes = staging.bytes_written();
    report.views_built = result.views_built;
    report.published = true;
    report.incremental = last.has_value();
    report.changes.pages_changed = written;
    return report;
}

}  // namespace gongshi
