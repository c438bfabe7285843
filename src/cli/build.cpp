#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>
#include <mutex>
#include <functional>
#include <unistd.h>

#include "cli/commands.h"
#include "memory/allocator.h"

namespace gongshi::cli {

void add_input_options(CLI::App& cmd, BuildOptions& o) {
    cmd.add_option("--content", o.content, "content folder (default: content)");
    cmd.add_option("--templates", o.templates, "templates folder (default: templates)");
    cmd.add_option("--assets", o.assets, "assets folder (default: assets)");
    cmd.add_flag("--drafts", o.drafts, "also publish records marked draft: true");
}

namespace {

void add_shared_options(CLI::App& cmd, BuildOptions& o) {
    add_input_options(cmd, o);
    cmd.add_flag_function(
        "--quiet,-q", [&o](std::int64_t) { o.verbosity = 0; }, "print only errors");
    cmd.add_flag_function(
        "--verbose,-v", [&o](std::int64_t) { o.verbosity = 2; }, "also list every file written and removed");
}

// A one-line progress report on a terminal, redrawn at most ten times a second; nothing when not a terminal.
class ProgressLine {
public:
    explicit ProgressLine(bool enabled) : enabled_(enabled) {}
    ~ProgressLine() { clear(); }
    std::function<void(long long, long long)> callback() {
        if (!enabled_) return {};
        return [this](long long done, long long total) {
            std::lock_guard lock(mutex_);
            const auto now = std::chrono::steady_clock::now();
            if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
            last_ = now;
            std::fprintf(stderr, "\r\033[Krendering %lld/%lld files (%lld%%)", done, total, total ? done * 100 / total : 100);
            std::fflush(stderr);
            shown_ = true;
        };
    }
    void clear() {
        std::lock_guard lock(mutex_);
        if (shown_) std::fputs("\r\033[K", stderr);
        shown_ = false;
    }

private:
    bool enabled_;
    bool shown_ = false;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
};

std::string describe_changes(const model::ChangeSet& c) {
    if (!c.compared) return "changes: first build (nothing to compare with)\n";
    if (c.empty()) return "changes: none — every page is as it was\n";
    return "changes: " + std::to_string(c.documents_added.size()) + " documents added, " +
           std::to_string(c.projects_added.size()) + " projects added, " +
           std::to_string(c.projects_renamed.size()) + " projects renamed, " + std::to_string(c.ratings_added.size()) +
           " ratings added, " + std::to_string(c.ratings_changed.size()) + " ratings changed, " +
           std::to_string(c.removed.size()) + " records removed; " + std::to_string(c.pages_changed_count) +
           " files changed (see /changes/)\n";
}

std::string describe_search(const search::IndexReport& s) {
    if (!s.built) return "";
    char line[200];
    std::snprintf(line, sizeof line, "search index: %lld records, %lld files (%.1f MB), %lld written, %lld of %lld parts made in %.2f s\n",
                  s.records, s.files, s.bytes / 1e6, s.written, s.parts_rebuilt, s.parts, s.seconds);
    return line;
}

// "stages: stat inputs 0.12 s, read cache 0.30 s, …" (--verbose).
std::string describe_stages(const BuildReport& report) {
    std::string out = "stages:";
    char part[96];
    for (size_t i = 0; i < report.stages.size(); ++i) {
        std::snprintf(part, sizeof part, "%s %s %.2f s", i ? "," : "", report.stages[i].first.c_str(), report.stages[i].second);
        out += part;
    }
    return out + "\n";
}

// Errors always; warnings unless --quiet.
void print_diagnostics(const diag::Diagnostics& diags, int verbosity) {
    if (verbosity >= 1) {
        std::cerr << diag::format_all(diags, io::DiskFiles());
        return;
    }
    diag::Diagnostics errors;
    for (const auto& d : diags.all())
        if (d.severity == diag::Severity::error) errors.add(d);
    std::cerr << diag::format_all(errors, io::DiskFiles());
}

}  // namespace

void add_commands(CLI::App& app, Commands& c) {
    c.build = app.add_subcommand("build", "validate content/ and render the site into site/ (atomically)");
    add_shared_options(*c.build, c.options);
    c.build->add_option("--out", c.options.out, "output folder (default: site)");
    c.options.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    c.build->add_option("--jobs,-j", c.options.jobs, "parallel render jobs (default: all cores)")
        ->check(CLI::Range(1, 256));
    c.build->add_flag("!--no-search", c.options.search, "skip the search index (the site works without it)");
    c.check = app.add_subcommand("check", "validate content/ only; writes nothing");
    add_shared_options(*c.check, c.options);
}

int run_build(const BuildOptions& given) {
    const auto start = std::chrono::steady_clock::now();
    BuildOptions options = given;
    ProgressLine progress(options.verbosity >= 1 && ::isatty(STDERR_FILENO));
    options.progress = progress.callback();
    const BuildReport report = build_site(options);
    progress.clear();
    print_diagnostics(report.diags, options.verbosity);
    if (!report.published) {
        std::cerr << "build failed: " << options.out.string() << "/ was left unchanged\n";
        return 1;
    }
    if (options.verbosity == 0) return 0;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[512];
    if (report.unchanged) {
        std::snprintf(line, sizeof line, "%s/ is up to date: no input changed since the last build; 0 files written in %.2f s\n",
                      options.out.string().c_str(), seconds);
        std::cout << line << describe_search(report.search);
        if (options.verbosity >= 2) std::cout << describe_stages(report);
        return 0;
    }
    std::snprintf(line, sizeof line,
                  "built %s/: %d records read, %lld pages (%lld files); %lld files written (%.1f MB, %s) in %.2f s\n",
                  options.out.string().c_str(), report.records, report.pages, report.files, report.written,
                  report.bytes / 1e6, report.incremental ? "incremental" : "full", seconds);
    std::cout << line;
    std::cout << describe_changes(report.changes) << describe_search(report.search);
    if (report.urls_recorded > 0)
        std::cout << "published-urls: " << report.urls_recorded << " new URLs added to "
                  << (options.content / "published-urls.txt").string() << " — commit it with the content\n";
    if (options.verbosity >= 2) {
        for (const auto& path : report.changes.pages_changed) std::cout << "  wrote " << path << "\n";
        for (const auto& path : report.removed) std::cout << "  removed " << path << "\n";
        std::cout << "views built: " << report.views_built << " (the other pages were made from unchanged files)\n";
        std::cout << "files parsed: " << report.files_parsed << " of " << report.records
                  << " (the others' records came from the parsed-record cache)\n";
        std::cout << "open data: " << report.data_parts_made
                  << " files of one program year made (the others were left as they were)\n";
        if (!report.edition_listed.empty())
            std::cout << "previous edition: its files " << report.edition_listed << "\n";
        std::cout << "memory: " << memory::allocator_name()
                  << (report.pages_given_back ? ", pages given back as they are freed (a full build)"
                                              : ", freed pages kept for reuse")
                  << "\n";
        std::cout << describe_stages(report);
    }
    return 0;
}

int run_check(const BuildOptions& options) {
    const BuildReport report = check_content(options);
    print_diagnostics(report.diags, options.verbosity);
    if (options.verbosity >= 1)
        for (const auto& line : report.content_summary) std::cout << "  " << line << "\n";
    if (report.diags.has_errors()) {
        if (options.verbosity >= 1)
            std::cout << "content has errors: fix the lines above (file:line:col), then run gongshi check again\n";
        return 1;
    }
    if (options.verbosity >= 1) std::cout << "content OK: " << report.records << " records read, " << report.diags.warning_count() << " warnings\n";
    return 0;
}

}  // namespace gongshi::cli
