// The README's "publishing a new notice" walk-through, performed step by step as written, on a copy of the real
// content: its commands are run, its files saved, and the result must be the new pages and a change log listing
// them. If the README and the program drift apart, this fails.
#include <catch2/catch.hpp>
#include <optional>
#include <sstream>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

struct Step {
    enum class Kind { run, file, append, save, set } kind;
    std::string path;  // file, append
    std::string text;  // the fenced block's content
};

// The marked steps of the walk-through section, in order: `<!-- walkthrough-run -->`,
// `<!-- walkthrough-file: PATH -->` (a file gongshi wrote, as finished), `<!-- walkthrough-append: PATH -->`,
// `<!-- walkthrough-save: PATH -->` (a new file: the department's notice) or `<!-- walkthrough-set: PATH -->` (the
// block's `key: value` lines replace the file's lines of those keys), each followed by a fenced block.
std::vector<Step> walkthrough_steps(const std::string& readme) {
    std::vector<Step> steps;
    std::istringstream in(readme);
    std::string line;
    std::optional<Step> pending;
    bool in_block = false;
    while (std::getline(in, line)) {
        if (in_block) {
            if (line.rfind("```", 0) == 0) {
                steps.push_back(*pending);
                pending.reset();
                in_block = false;
            } else {
                pending->text += line + "\n";
            }
            continue;
        }
        const auto marker = [&](const std::string& prefix) {
            return line.rfind(prefix, 0) == 0 ? line.substr(prefix.size(), line.size() - prefix.size() - 4) : "";
        };
        if (line == "<!-- walkthrough-run -->") pending = Step{Step::Kind::run, "", ""};
        else if (auto p = marker("<!-- walkthrough-file: "); !p.empty()) pending = Step{Step::Kind::file, p, ""};
        else if (auto a = marker("<!-- walkthrough-append: "); !a.empty()) pending = Step{Step::Kind::append, a, ""};
        else if (auto n = marker("<!-- walkthrough-save: "); !n.empty()) pending = Step{Step::Kind::save, n, ""};
        else if (auto k = marker("<!-- walkthrough-set: "); !k.empty()) pending = Step{Step::Kind::set, k, ""};
        else if (pending && line.rfind("```", 0) == 0) in_block = true;
    }
    return steps;
}

}  // namespace

TEST_CASE("the README walk-through publishes a new notice with its projects and ratings", "[walkthrough]") {
    const std::string readme = read_text(source_dir() / "README.md");
    const auto steps = walkthrough_steps(readme);
    REQUIRE(steps.size() >= 9);

    // A clean clone's folders, as scripts/setup leaves them.
    TempDir dir;
    for (const char* folder : {"content", "templates", "assets"})
        fs::copy(source_dir() / folder, dir.path() / folder, fs::copy_options::recursive);

    int commands = 0;
    for (const auto& step : steps) {
        if (step.kind == Step::Kind::file) {
            REQUIRE(fs::exists(dir.path() / step.path));  // the scaffold `gongshi new` wrote, now filled in
            write_text(dir.path() / step.path, step.text);
            continue;
        }
        if (step.kind == Step::Kind::save) {
            REQUIRE_FALSE(fs::exists(dir.path() / step.path));
            write_text(dir.path() / step.path, step.text);
            continue;
        }
        if (step.kind == Step::Kind::set) {  // each "key: value" replaces the file's line of that key
            std::string text = read_text(dir.path() / step.path);
            std::istringstream lines(step.text);
            std::string line;
            while (std::getline(lines, line)) {
                const std::string key = line.substr(0, line.find(':') + 1);
                const size_t at = text.rfind("\n" + key) + 1;
                REQUIRE(at != 0);
                text.replace(at, text.find('\n', at) - at, line);
            }
            write_text(dir.path() / step.path, text);
            continue;
        }
        if (step.kind == Step::Kind::append) {
            write_text(dir.path() / step.path, read_text(dir.path() / step.path) + step.text);
            continue;
        }
        std::istringstream lines(step.text);
        std::string command;
        while (std::getline(lines, command)) {
            const std::string prefix = "build/gongshi ";
            if (command.rfind(prefix, 0) != 0) continue;  // git pull: not part of the test
            std::string args = command.substr(prefix.size());
            if (args.rfind("build", 0) == 0) args += " --no-search";
            // Run from the clone's folder, as the README says, so the default folders are used.
            std::string out;
            const int rc = run_gongshi(args, out, dir.path());
            INFO(command << "\n" << out);
            REQUIRE(rc == 0);
            ++commands;
            if (args.rfind("check", 0) == 0) CHECK_THAT(out, Contains("content OK") && Contains("2024: 优秀 2 良好 1"));
            if (args.rfind("build", 0) == 0 && commands > 1)
                CHECK_THAT(out, Contains("changes: 2 documents added, 3 projects added, 0 projects renamed, 3 ratings added"));
        }
    }
    CHECK(commands == 9);

    const fs::path site = dir.path() / "site";
    for (const char* page : {"notices/jinminhan-2024-99/index.html", "projects/taiyuan-xiaodian-shiligongyuan-2024/index.html",
                             "projects/datong-pingcheng-shilijiayuan-2024/index.html", "ratings/2024/excellent/index.html",
                             "notices/jinminhan-2024-98/index.html", "projects/jinzhong-yuci-shilihuayuan-2024/index.html"})
        CHECK(fs::exists(site / page));
    CHECK_THAT(read_text(site / "projects/taiyuan-xiaodian-shiligongyuan-2024/index.html"),
               Contains("晋民函〔2024〕99号") && Contains("优秀"));
    // The imported notice: its project and rating as the department's text prints them.
    CHECK_THAT(read_text(site / "projects/jinzhong-yuci-shilihuayuan-2024/index.html"),
               Contains("晋民函〔2024〕98号") && Contains("优秀") && Contains("示例花园社区"));
    const std::string log = read_text(site / "changes/index.html");
    CHECK_THAT(log, Contains("新增公文") && Contains("/notices/jinminhan-2024-99/"));
    CHECK_THAT(log, Contains("新增项目") && Contains("/projects/datong-pingcheng-shilijiayuan-2024/"));
    CHECK_THAT(log, Contains("新增评价") && Contains("太原市小店区示例街道示例公园社区养老幸福工程：2024年优秀"));
}
