// The only place the order of the stages lives.
#include "pipeline.h"

#include "load/load.h"
#include "model/site.h"
#include "publish/staging.h"
#include "render/render.h"
#include "validate/validate.h"

namespace gongshi {

namespace {

std::optional<model::Records> load_and_validate(const BuildOptions& options, BuildReport& report) {
    model::Records records = load::load_content(options.content, report.diags);
    report.records = records.files_read;
    // Records with field errors are still loaded (with the fields left empty), so validation can report every
    // other mistake of the run too, without cascades of "unknown id" errors.
    if (!records.site) return std::nullopt;
    validate::validate(records, {options.drafts}, report.diags);
    if (report.diags.has_errors()) return std::nullopt;
    return records;
}

}  // namespace

BuildReport check_content(const BuildOptions& options) {
    BuildReport report;
    load_and_validate(options, report);
    return report;
}

BuildReport build_site(const BuildOptions& options) {
    BuildReport report;
    auto records = load_and_validate(options, report);
    if (!records) return report;
    const render::Templates templates = render::Templates::load(options.templates, report.diags);
    if (report.diags.has_errors()) return report;
    const model::Site site = model::build_model(std::move(*records), options.drafts);

    publish::OutputLock lock(options.out);
    publish::remove_stale_staging(options.out);
    publish::Staging staging(options.out);
    const render::RenderStats stats = render::render_site(site, templates, options.assets, staging, options.jobs);
    staging.commit();
    report.pages = stats.pages;
    report.files = stats.files;
    report.bytes = staging.bytes_written();
    report.published = true;
    return report;
}

}  // namespace gongshi
