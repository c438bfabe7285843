#include "trust/trust_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "test_support.h"

namespace gongshi::trust {

Child::Child(const fs::path& cwd, const std::vector<std::string>& args, const fs::path& log) : log_(log) {
    std::vector<std::string> argv_text{GONGSHI_BINARY};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        std::vector<char*> argv;
        for (auto& a : argv_text) argv.push_back(a.data());
        argv.push_back(nullptr);
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(125);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        // A sanitizer report must never pass for a content error's exit status 1.
        ::setenv("ASAN_OPTIONS", "exitcode=86:detect_leaks=1", 1);
        ::setenv("UBSAN_OPTIONS", "exitcode=87:print_stacktrace=1", 1);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
}

Child::~Child() {
    if (pid_ > 0 && status_ < 0) kill_now();
}

int Child::wait() {
    if (status_ >= 0) return status_;
    int raw = 0;
    while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
    }
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return status_;
}

std::optional<int> Child::poll() {
    if (status_ >= 0) return status_;
    int raw = 0;
    if (::waitpid(pid_, &raw, WNOHANG) != pid_) return std::nullopt;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return status_;
}

void Child::kill_now() {
    if (status_ < 0) ::kill(pid_, SIGKILL);
    wait();
}

std::string Child::output() const { return testing::read_text(log_); }

RunResult run_in(const fs::path& cwd, const std::vector<std::string>& args) {
    const fs::path log = cwd / ".gongshi-run.log";
    Child child(cwd, args, log);
    RunResult r;
    r.status = child.wait();
    r.output = child.output();
    fs::remove(log);
    return r;
}

std::vector<std::string> build_args(const std::string& content, const std::string& out,
                                    const std::vector<std::string>& extra) {
    const fs::path src = testing::source_dir();
    std::vector<std::string> args{"build",       "--content", content, "--templates", (src / "templates").string(),
                                  "--assets",    (src / "assets").string(), "--out", out};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

bool has_crash_report(const std::string& output) {
    for (const char* sign : {"AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer", "runtime error:",
                             "terminate called", "Segmentation fault", "gongshi: error:"})
        if (output.find(sign) != std::string::npos) return true;
    return false;
}

namespace {

bool is_gzip(const std::string& bytes) {
    return bytes.size() > 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// `gzip -dc` (Debian's gzip is always there; no zlib dependency for one test).
std::string gunzip(const std::string& bytes) {
    testing::TempDir dir;
    const fs::path file = dir.path() / "data.gz";
    testing::write_text(file, bytes);
    std::string out;
    CHECK(testing::run_command("gzip -dc " + file.string(), out) == 0);
    return out;
}

}  // namespace

std::vector<std::string> files_containing(const fs::path& root, const std::string& needle) {
    std::vector<std::string> out;
    for (const auto& [path, bytes] : testing::read_tree(root)) {
        const std::string text = is_gzip(bytes) ? gunzip(bytes) : bytes;
        if (text.find(needle) != std::string::npos) out.push_back(path);
    }
    return out;
}

}  // namespace gongshi::trust
