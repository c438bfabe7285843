// The only place the order of the stages lives: load → validate → build_model → render → publish.
#include "pipeline.h"

#include <chrono>
#include <functional>
#include <string_view>

#include "io/input_files.h"
#include "load/load.h"
#include "load/parsed_records.h"
#include "memory/allocator.h"
#include "model/site.h"
#include "publish/assets.h"
#include "publish/incremental.h"
#include "publish/url_registry.h"
#include "render/render.h"
#include "search/index_site.h"
#include "validate/content_summary.h"
#include "validate/validate.h"

namespace gongshi {

namespace {

// Stages 1 and 2. Records with field errors are still loaded (with the fields left empty), so validation can
// report every other mistake of the run too, without cascades of "unknown id" errors.
model::Records load_and_check(const io::InputFiles& input, const BuildOptions& options, BuildReport& report) {
    model::Records records = load::load_content(input, options.content, report.diags);
    report.records = records.files_read;
    if (records.site) validate::validate(records, {options.drafts}, report.diags);
    return records;
}

// Records how long each stage took into the report: lap("render") closes the stage that began at the last lap.
class StageClock {
public:
    explicit StageClock(BuildReport& report) : report_(report) {}
    void operator()(const char* stage) {
        const auto now = std::chrono::steady_clock::now();
        report_.stages.emplace_back(stage, std::chrono::duration<double>(now - last_).count());
        last_ = now;
    }

private:
    BuildReport& report_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Stages 1 and 2 of a build: the records of files whose stamp did not change come from the parsed-record cache
// (load/parsed_records.h; keyed by the stamps the build took, by path as the loader names files), which is
// written back if it changed. Validation always runs over every record.
model::Records load_for_build(const io::InputFiles& input, const BuildOptions& options, BuildReport& report,
                              publish::Rebuild& rebuild, StageClock& lap) {
    model::Records records;
    {  // the cache's bytes and the bytes to write back are gone before validation (each ~85 MB at 100 000)
        load::FileStamps stamps;
        for (const auto& s : rebuild.take_input_stamps())  // sorted by path: each goes in at the end
            stamps.insert_or_assign(stamps.end(), io::shown_path(s.path), load::FileStamp{s.size, s.mtime_ns});
        load::ParsedRecords parsed(std::move(stamps));
        if (auto bytes = rebuild.read_parsed_records()) parsed.decode(std::move(*bytes));
        lap("read parsed records");
        records = load::load_content(input, options.content, report.diags, &parsed);
        report.records = records.files_read;
        report.files_parsed = records.files_parsed;
        lap("load");
        const load::RecordsToWrite::How how = parsed.write_how();
        const publish::RecordPieces pieces = [&](const std::function<void(std::string_view)>& put) {
            parsed.encode_to(how, records, put);
        };
        if (how == load::RecordsToWrite::How::append) rebuild.append_parsed_records(pieces);
        if (how == load::RecordsToWrite::How::replace) rebuild.write_parsed_records(pieces);
        lap("write parsed records");
    }
    if (records.site) validate::validate(records, {options.drafts}, report.diags);
    lap("validate");
    return records;
}

void record(BuildReport& report, publish::Published published) {
    report.files = published.files;
    report.written = static_cast<long long>(published.written.size());
    report.bytes = published.bytes;
    report.removed = std::move(published.removed);
    report.incremental = published.incremental;
    using Listed = publish::EditionListed;
    switch (published.edition_listed) {
        case Listed::from_record:
            report.edition_listed = "from its record (each folder's inode and ctime checked, none read)";
            break;
        case Listed::walked: report.edition_listed = "walked (every folder read)"; break;
        case Listed::none: break;  // the build made a new tree
    }
    report.changes.pages_changed_count = published.written.size();
    report.changes.pages_changed = std::move(published.written);
    report.published = true;
}

}  // namespace

BuildReport check_content(const BuildOptions& options) {
    BuildReport report;
    report.content_summary = validate::summarize_content(load_and_check(io::DiskFiles(), options, report));
    return report;
}

BuildReport build_site(const BuildOptions& options) {
    BuildReport report;
    StageClock lap(report);
    const io::DiskFiles input;
    publish::Rebuild rebuild({options.out, {options.content, options.templates, options.assets}, options.drafts,
                              options.search},
                             std::ref(lap));
    if (rebuild.nothing_changed()) {
        record(report, rebuild.finish_unchanged(report.diags));
        report.unchanged = true;
        return report;
    }
    // A full build's peak is the 1 000 000 target's (2.5 GB); a rebuild is timed. So only a full build gives pages
    // back as they are freed (memory/allocator.h: 11-17 % off the peak, CPU within noise; a rebuild's CPU +10 %).
    // Set by every build: the preview server builds again in the same process.
    memory::give_back_pages_as_freed(rebuild.full_build());
    report.pages_given_back = memory::giving_back_pages_as_freed();

    model::Records records = load_for_build(input, options, report, rebuild, lap);
    if (!records.site || report.diags.has_errors()) return report;
    const render::Templates templates = render::Templates::load(input, options.templates, report.diags);
    if (report.diags.has_errors()) return report;
    const model::Site site = model::build_model(std::move(records), options.drafts);
    {
        const model::ModelSummary summary = model::summarize(site);
        report.changes = model::compare_summaries(rebuild.last_summary(), summary, site);
        rebuild.keep_summary(summary);
    }
    // The two summaries' maps (a node per project, document and rating) are freed here, in pieces the allocator
    // keeps: given back, they are not resident through the render, the build's peak (at 100 000 projects 19 MB).
    memory::give_back_free_memory();
    lap("model");

    render::OutputSink& staging = rebuild.start_staging();
    lap("staging");
    const render::PublishedAssets assets =
        publish::publish_assets(input, options.assets, staging, rebuild.previous_output());
    render::RenderResult result =
        render::render_site(site, templates, assets, staging, options.jobs, rebuild.previous_output(), report.changes,
                            options.progress, rebuild.previous_bytes());
    lap("render");
    // Every URL ever published is still made (issue 23); the new ones are added to the content's list of them.
    const publish::UrlsKept urls =
        publish::keep_published_urls(options.content, result.files, options.record_urls && !options.drafts, report.diags);
    if (report.diags.has_errors()) return report;
    if (urls.added > 0) rebuild.restamp_input(urls.file);
    report.urls_recorded = urls.added;
    // Search (issue 20): the index's files join the rendered ones, written only where their bytes changed.
    if (options.search) {
        report.search = search::index_site(site, staging, rebuild.previous_output(), options.out, result.files);
        lap("search index");
    }

    record(report, rebuild.publish(result.files, report.diags));
    report.pages = result.pages;
    report.views_built = result.views_built;
    report.data_parts_made = result.data_parts_made;
    return report;
}

}  // namespace gongshi
