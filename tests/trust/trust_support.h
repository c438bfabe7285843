// Helpers of the trust tests: the real binary run as a child process (in a chosen folder, killable), and
// checks that a run's output carries no sanitizer report.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gongshi::trust {

namespace fs = std::filesystem;

// A running `gongshi`; its stdout and stderr go to a file, read back by output().
class Child {
public:
    Child(const fs::path& cwd, const std::vector<std::string>& args, const fs::path& log);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    // Waits for the process; its exit status, or 128 + the signal that ended it.
    int wait();
    // The exit status if the process has ended, else nothing (does not wait).
    std::optional<int> poll();
    void kill_now();  // SIGKILL, then waits
    std::string output() const;

private:
    pid_t pid_ = -1;
    fs::path log_;
    int status_ = -1;
};

struct RunResult {
    int status = -1;
    std::string output;
};

// Runs gongshi with the arguments in `cwd` (so paths in messages are relative, like "content/…").
RunResult run_in(const fs::path& cwd, const std::vector<std::string>& args);

// "build --content <content> --templates <repo>/templates --assets <repo>/assets --out <out>" plus extras.
std::vector<std::string> build_args(const std::string& content, const std::string& out,
                                    const std::vector<std::string>& extra = {});

// True if the output holds a sanitizer report, a crash, or an unlocated environment error ("gongshi: error:",
// what main prints for an exception) — never what a content error should produce.
bool has_crash_report(const std::string& output);

// Every file under root whose bytes contain the needle, with gzip-compressed files (.gz, Pagefind's
// pf_fragment/pf_index/pf_meta/…) searched after decompression.
std::vector<std::string> files_containing(const fs::path& root, const std::string& needle);

}  // namespace gongshi::trust
