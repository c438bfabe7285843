// `gongshi new progress` and the README's "Publishing a progress notice" section, performed on a copy of the real
// content: the scaffold is rejected until filled; filled as the README shows, check passes and summarises it.
#include <catch2/catch.hpp>

#include <sstream>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

// The fenced block after `<!-- progress-walkthrough-file: PATH -->`, for each such marker: (PATH, text).
std::vector<std::pair<std::string, std::string>> readme_files(const std::string& readme) {
    std::vector<std::pair<std::string, std::string>> files;
    std::istringstream in(readme);
    std::string line, path, text;
    const std::string marker = "<!-- progress-walkthrough-file: ";
    enum { outside, after_marker, in_block } state = outside;
    while (std::getline(in, line)) {
        if (state == outside && line.rfind(marker, 0) == 0) {
            path = line.substr(marker.size(), line.size() - marker.size() - 4);
            state = after_marker;
        } else if (state == after_marker && line.rfind("```", 0) == 0) {
            text.clear();
            state = in_block;
        } else if (state == in_block && line.rfind("```", 0) == 0) {
            files.emplace_back(path, text);
            state = outside;
        } else if (state == in_block) {
            text += line + "\n";
        }
    }
    return files;
}

}  // namespace

TEST_CASE("a progress scaffold comments every field and is rejected until filled", "[new]") {
    TempDir dir;
    const fs::path content = copy_fixture("progress", dir.path());
    std::string out;
    REQUIRE(run_gongshi("new progress shili-jindu-2023-07 --year 2023 --content " + content.string(), out) == 0);
    CHECK_THAT(out, Contains("created ") && Contains("progress/shili-jindu-2023-07.yaml"));
    const std::string text = read_text(content / "progress/shili-jindu-2023-07.yaml");
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    // Each field's line carries a comment, or the line above it is one.
    for (const char* field : {"notice:", "year:", "kind:", "month:", "declared:", "projects:", "project:", "stage:",
                              "date:", "printed:", "problem:", "note:", "cities:", "count:"}) {
        INFO(field);
        bool found = false, commented = false;
        for (size_t i = 0; i < lines.size() && !found; ++i) {
            const size_t at = lines[i].find(field);
            if (at == std::string::npos || (at > 0 && lines[i][at - 1] != ' ' && lines[i][at - 1] != '#')) continue;
            found = true;
            const bool own = lines[i].find('#') != std::string::npos;
            const bool above = i > 0 && lines[i - 1].find_first_not_of(' ') != std::string::npos &&
                               lines[i - 1][lines[i - 1].find_first_not_of(' ')] == '#';
            commented = own || above;
        }
        CHECK(found);
        CHECK(commented);
    }
    // Rejected: its month still holds the placeholder (and its notice is not written yet).
    CHECK(check_errors(content) ==
          std::vector<std::string>{"content/progress/shili-jindu-2023-07.yaml:3:9: error: progress file names unknown "
                                   "notice 'shili-jindu-2023-07' — add content/notices/shili-jindu-2023-07.md (the notice "
                                   "itself, with its disclosure block) or correct the id",
                                   "content/progress/shili-jindu-2023-07.yaml:9:8: error: field 'month' of progress file "
                                   "still holds the placeholder 待填写 — replace it with the value as the document prints it",
                                   "content/progress/shili-jindu-2023-07.yaml:15:14: error: field 'project' of progress "
                                   "entry still holds the placeholder 待填写 — replace it with the value as the document "
                                   "prints it",
                                   "content/progress/shili-jindu-2023-07.yaml:21:14: error: field 'printed' of progress "
                                   "entry still holds the placeholder 待填写 — replace it with the value as the document "
                                   "prints it"});
    REQUIRE(run_gongshi("new progress shili-jindu-2023-07 --content " + content.string(), out) == 1);
    CHECK_THAT(out, Contains("exists"));
}

TEST_CASE("the README's progress notice, added to the real content, passes check and is summarised", "[new]") {
    TempDir dir;
    fs::copy(source_dir() / "content", dir.path() / "content", fs::copy_options::recursive);
    std::string out;
    REQUIRE(run_gongshi("new progress jinminhan-2023-95 --year 2023", out, dir.path()) == 0);
    const auto files = readme_files(read_text(source_dir() / "README.md"));
    REQUIRE(files.size() == 2);
    for (const auto& [path, text] : files) write_text(dir.path() / path, text);
    REQUIRE(run_gongshi("check", out, dir.path()) == 0);
    CHECK_THAT(out, Contains("content OK") &&
                        Contains("progress: 1 notice(s) (2023-06 月度通报 jinminhan-2023-95: 1 projects, 1 cities); "
                                 "schedules: 2023 (6 milestones, 0 indicators); scores: none"));
}
