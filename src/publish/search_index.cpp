#include "publish/search_index.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "publish/staging.h"

extern char** environ;

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

bool is_executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// A finished Pagefind bundle: the script pages load and the entry file it reads first.
bool is_bundle(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "pagefind.js", ec) && fs::is_regular_file(dir / "pagefind-entry.json", ec);
}

// What a finished child process said and how it ended.
struct ProcessResult {
    bool started = false;
    int exit_status = -1;  // -1 when killed by a signal
    std::string output;    // stdout and stderr, interleaved
};

// Runs the program directly (fork + exec, no shell), collecting its output through one pipe. The child is killed
// with gongshi (PR_SET_PDEATHSIG): a build killed mid-index leaves no indexer writing into a dead staging folder.
ProcessResult run_process(const fs::path& program, const std::vector<std::string>& args) {
    ProcessResult result;
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        result.output = std::strerror(errno);
        return result;
    }
    std::vector<std::string> argv_text{program.string()};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {  // the child: only async-signal-safe calls until exec
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);  // the parent died before the line above
        const int null_fd = ::open("/dev/null", O_RDONLY);
        if (null_fd < 0 || ::dup2(null_fd, 0) < 0 || ::dup2(pipe_fds[1], 1) < 0 || ::dup2(pipe_fds[1], 2) < 0) ::_exit(127);
        ::execve(program.c_str(), argv.data(), environ);
        const char message[] = "cannot start the program\n";
        [[maybe_unused]] const ssize_t n = ::write(2, message, sizeof message - 1);
        ::_exit(127);
    }
    const int spawn_error = pid < 0 ? errno : 0;
    ::close(pipe_fds[1]);
    if (spawn_error != 0) {
        ::close(pipe_fds[0]);
        result.output = std::strerror(spawn_error);
        return result;
    }
    result.started = true;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
        if (n > 0) result.output.append(buf, static_cast<size_t>(n));
        else if (n == 0 || errno != EINTR) break;
    }
    ::close(pipe_fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// The last non-empty line of a program's output, for a one-line message.
std::string last_line(const std::string& text) {
    size_t end = text.find_last_not_of(" \r\n\t");
    if (end == std::string::npos) return "";
    const size_t start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

std::optional<fs::path> on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return std::nullopt;
    const std::string dirs = path;
    for (size_t at = 0; at <= dirs.size();) {
        const size_t end = std::min(dirs.find(':', at), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(at, end - at).empty() ? "." : dirs.substr(at, end - at)) / name;
        if (is_executable(candidate)) return candidate;
        at = end + 1;
    }
    return std::nullopt;
}

}  // namespace

PagefindLookup find_pagefind(const fs::path& templates_dir) {
    PagefindLookup lookup;
    if (const char* forced = std::getenv("GONGSHI_PAGEFIND"); forced != nullptr && *forced != '\0') {
        lookup.tried.push_back(std::string("$GONGSHI_PAGEFIND=") + forced);
        if (is_executable(forced)) lookup.binary = fs::path(forced);
        return lookup;
    }
    std::error_code ec;
    const fs::path modules = fs::absolute(templates_dir, ec).lexically_normal().parent_path() / "node_modules";
    std::vector<fs::path> platform_binaries;
    for (const auto& e : fs::directory_iterator(modules / "@pagefind", ec))
        if (is_executable(e.path() / "bin" / "pagefind_extended")) platform_binaries.push_back(e.path() / "bin" / "pagefind_extended");
    std::sort(platform_binaries.begin(), platform_binaries.end());
    lookup.tried.push_back((modules / "@pagefind" / "*" / "bin" / "pagefind_extended").string());
    if (!platform_binaries.empty()) {
        lookup.binary = platform_binaries.front();
        return lookup;
    }
    lookup.tried.push_back((modules / ".bin" / "pagefind").string());
    if (is_executable(modules / ".bin" / "pagefind")) {
        lookup.binary = modules / ".bin" / "pagefind";
        return lookup;
    }
    lookup.tried.push_back("PATH");
    for (const char* name : {"pagefind_extended", "pagefind"})
        if (auto found = on_path(name)) {
            lookup.binary = *found;
            return lookup;
        }
    return lookup;
}

bool has_search_index(const fs::path& site_dir) { return is_bundle(site_dir / "pagefind"); }

std::vector<std::string> search_index_files(const fs::path& site_dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(site_dir / "pagefind", ec))
        if (e.is_regular_file() && !e.is_symlink()) files.push_back(e.path().lexically_relative(site_dir).generic_string());
    std::sort(files.begin(), files.end());
    return files;
}

SearchIndexReport build_search_index(const fs::path& site_dir, const fs::path& out_dir, const fs::path& pagefind) {
    SearchIndexReport report;
    report.attempted = true;
    const auto start = std::chrono::steady_clock::now();
    const fs::path scratch_name = fs::path(out_dir.string() + ".search");
    remove_stale_staging(scratch_name);  // bundles of killed builds
    std::error_code ec;
    const fs::path scratch = fs::absolute(scratch_name.string() + ".staging-" + std::to_string(::getpid()), ec);
    fs::remove_all(scratch, ec);

    const ProcessResult run =
        run_process(pagefind, {"--site", fs::absolute(site_dir, ec).string(), "--output-path", scratch.string()});
    if (!run.started) {
        report.problem = "cannot run " + pagefind.string() + ": " + run.output;
    } else if (run.exit_status != 0) {
        const std::string said = last_line(run.output);
        report.problem = pagefind.string() + " failed (exit status " + std::to_string(run.exit_status) + ")" +
                         (said.empty() ? "" : ": " + said);
    } else if (!is_bundle(scratch)) {
        report.problem = pagefind.string() + " finished but wrote no pagefind.js / pagefind-entry.json";
    }
    if (!report.problem.empty()) {
        fs::remove_all(scratch, ec);
        return report;
    }

    const fs::path target = site_dir / "pagefind";
    if (fs::exists(fs::symlink_status(target, ec))) {
        // One system call exchanges the bundles: readers see the old index or the new one, never a mix.
        if (::renameat2(AT_FDCWD, scratch.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
            report.problem = "cannot move the index into " + target.string() + ": " + std::strerror(errno);
            fs::remove_all(scratch, ec);
            return report;
        }
        fs::remove_all(scratch, ec);  // now the previous bundle
    } else {
        fs::rename(scratch, target, ec);
        if (ec) {
            report.problem = "cannot move the index into " + target.string() + ": " + ec.message();
            fs::remove_all(scratch, ec);
            return report;
        }
    }
    for (const auto& e : fs::recursive_directory_iterator(target, ec))
        if (e.is_regular_file()) {
            ++report.files;
            report.bytes += static_cast<long long>(e.file_size());
        }
    report.built = true;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

SearchIndexReport index_site(const fs::path& site_dir, const fs::path& out_dir, const fs::path& templates_dir,
                             diag::Diagnostics& diags) {
    const PagefindLookup lookup = find_pagefind(templates_dir);
    SearchIndexReport report;
    if (lookup.binary) {
        report = build_search_index(site_dir, out_dir, *lookup.binary);
    } else {
        report.attempted = true;
        std::string tried;
        for (const auto& t : lookup.tried) tried += (tried.empty() ? "" : ", ") + t;
        report.problem = "Pagefind not found (looked at " + tried + ")";
    }
    if (!report.built)
        diags.warning({"pagefind", 0, 0}, "search index not built: " + report.problem + "; the site is published without search",
                      "run scripts/setup (it installs Pagefind with npm ci), or build with --no-search");
    return report;
}

}  // namespace gongshi::publish
