// Test helpers: a private temporary folder, fixture copies with one edit, the diagnostics of a check.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace gongshi::testing {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

fs::path source_dir();  // the repository root
fs::path fixture(const std::string& name);  // tests/fixtures/<name>
// Copies tests/fixtures/<name> to <dir>/content and returns that path.
fs::path copy_fixture(const std::string& name, const fs::path& dir);
std::string read_text(const fs::path& file);
void write_text(const fs::path& file, std::string_view text);
// Replaces the one occurrence of `from` in the file (fails the test if it is not there exactly once).
void edit(const fs::path& file, std::string_view from, std::string_view to);

// A private folder holding a copy of the good fixture, the templates and the assets: a test that edits them (or
// runs while someone edits the repository's) needs its own.
struct InputCopy {
    TempDir dir;
    fs::path content = copy_fixture("good", dir.path());
    fs::path templates = dir.path() / "templates";
    fs::path assets = dir.path() / "assets";
    InputCopy();
};

// load + validate a content folder; every diagnostic formatted, with the folder shown as "content".
std::vector<std::string> check_messages(const fs::path& content, bool drafts = false);
// Only the error lines of check_messages.
std::vector<std::string> check_errors(const fs::path& content, bool drafts = false);

// Every file under a folder: relative path → bytes.
std::map<std::string, std::string> read_tree(const fs::path& root);

// Runs a shell command; returns its exit status (128 + the signal if one ended it), stdout+stderr in `output`.
int run_command(const std::string& command, std::string& output);
// The gongshi binary run_gongshi runs: this build's, or $GONGSHI_TEST_BINARY (tests/CMakeLists.txt runs the memory
// test on the release binary scripts/setup built, the allocator users run).
std::string gongshi_binary();
// Runs the gongshi binary with arguments (in `cwd` when given); as run_command.
int run_gongshi(const std::string& args, std::string& output, const fs::path& cwd = {});
// "build --content <content> --templates <templates> --assets <assets> --out <out> <extra>", by default with the
// repository's templates and assets.
std::string build_command(const fs::path& content, const fs::path& out, const std::string& extra = "",
                          const fs::path& templates = source_dir() / "templates",
                          const fs::path& assets = source_dir() / "assets");
// The staging folders ("<out>.staging-<pid>") builds left in a folder.
std::vector<std::string> staging_leftovers(const fs::path& dir);

}  // namespace gongshi::testing
