#include "serve/preview_build.h"

#include "io/input_files.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace gongshi::serve {

namespace {

std::string clock_time() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

}  // namespace

void build_preview(const BuildOptions& options, BuildStatus& status, std::ostream& out, std::ostream& err) {
    const auto start = std::chrono::steady_clock::now();
    BuildReport report;
    try {
        report = build_site(options);
    } catch (const std::exception& e) {
        report.published = false;
        report.diags.error({options.out.string(), 0, 0}, std::string("cannot build the preview: ") + e.what(),
                           "fix the cause (disk space, permissions), then save any file to build again");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    err << diag::format_all(report.diags, io::DiskFiles()) << std::flush;
    char line[512];
    const std::string out_dir = options.out.string();
    if (!report.published) {
        const int errors = report.diags.error_count();
        std::snprintf(line, sizeof line,
                      "[%s] build failed: %d error%s — the browser shows %s until a build succeeds\n",
                      clock_time().c_str(), errors, errors == 1 ? "" : "s", errors == 1 ? "it" : "them");
    } else if (report.unchanged) {
        std::snprintf(line, sizeof line, "[%s] %s/ is up to date\n", clock_time().c_str(), out_dir.c_str());
    } else {
        std::snprintf(line, sizeof line, "[%s] built %s/: %lld pages, %lld files written in %.2f s\n",
                      clock_time().c_str(), out_dir.c_str(), report.pages, report.written, seconds);
    }
    out << line << std::flush;
    status.record(report.published, report.diags);
}

}  // namespace gongshi::serve
