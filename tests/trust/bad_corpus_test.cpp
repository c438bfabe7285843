// The bad corpus (tests/fixtures/bad/<case>/): each case overlays a few files on the good fixture, and the real
// binary must refuse it with exit 1 and the located error its case.txt names — no crash, no sanitizer report —
// while the site built before from good content stays byte-identical.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "test_support.h"
#include "trust/trust_support.h"

using namespace gongshi::testing;
using gongshi::trust::build_args;
using gongshi::trust::has_crash_report;
using gongshi::trust::run_in;

namespace {

// case.txt: "about: …", optional "remove: <path>" and "generate: <what> <path>" lines, and one
// "expect: <path>[:<line>:<col>]: <message fragment>" (no line and column: an error about the whole file).
struct BadCase {
    std::string name;
    std::string about;
    std::vector<std::string> remove;
    std::vector<std::pair<std::string, std::string>> generate;
    std::string where;
    std::string fragment;
};

BadCase read_case(const fs::path& dir) {
    BadCase c;
    c.name = dir.filename().string();
    std::istringstream lines(read_text(dir / "case.txt"));
    std::string line;
    while (std::getline(lines, line)) {
        const size_t colon = line.find(": ");
        REQUIRE(colon != std::string::npos);
        const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
        if (key == "about") c.about = value;
        else if (key == "remove") c.remove.push_back(value);
        else if (key == "generate") c.generate.emplace_back(value.substr(0, value.find(' ')), value.substr(value.find(' ') + 1));
        else if (key == "expect") {
            const size_t at = value.find(": ");
            REQUIRE(at != std::string::npos);
            c.where = value.substr(0, at);
            c.fragment = value.substr(at + 2);
        } else
            FAIL("unknown line in " << (dir / "case.txt") << ": " << line);
    }
    REQUIRE_FALSE(c.where.empty());
    return c;
}

std::string nested_lists(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// Inputs too big to commit, or links that must point outside this test's own folder.
void generate(const std::string& what, const fs::path& target, const fs::path& work) {
    const fs::path good_project = fixture("good") / "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml";
    const fs::path outside = work / "outside";
    fs::create_directories(outside);
    if (what == "ten-megabyte-string") {
        write_text(target, read_text(good_project) + "operator: " + std::string(10 * 1024 * 1024, 'x') + "\n");
    } else if (what == "three-megabyte-string") {
        write_text(target, read_text(good_project) + "remarks: " + std::string(3 * 1024 * 1024, 'x') + "\n");
    } else if (what == "deep-nesting-100") {
        write_text(target, read_text(good_project) + "remarks: " + nested_lists(100) + "\n");
    } else if (what == "deep-nesting-100000") {
        write_text(target, read_text(good_project) + "remarks: " + nested_lists(100000) + "\n");
    } else if (what == "symlink-file-outside") {
        write_text(outside / "secret.yaml", read_text(good_project));
        fs::create_symlink(outside / "secret.yaml", target);
    } else if (what == "symlink-dir-outside") {
        write_text(outside / "projects/taiyuan-secret-2022.yaml", read_text(good_project));
        fs::create_directory_symlink(outside / "projects", target);
    } else if (what == "symlink-folder-outside") {
        fs::copy(target, outside / "projects", fs::copy_options::recursive);
        fs::remove_all(target);
        fs::create_directory_symlink(outside / "projects", target);
    } else {
        FAIL("unknown generator " << what);
    }
}

std::vector<fs::path> case_dirs() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fixture("bad")))
        if (e.is_directory()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("the bad corpus holds at least 40 cases, each with an expected located error", "[trust][load]") {
    const auto dirs = case_dirs();
    CHECK(dirs.size() >= 40);
    for (const auto& d : dirs) {
        INFO(d);
        const BadCase c = read_case(d);
        CHECK_FALSE(c.about.empty());
        CHECK_FALSE(c.fragment.empty());
        CHECK(c.where.rfind("content/", 0) == 0);
    }
}

TEST_CASE("every bad input is refused with exit 1 and its located error, leaving the previous site as it was",
          "[trust][load][publish]") {
    // Without the search index: a refused build never reaches it, and indexing each case's good site would
    // double the test's time for nothing (the index is tests/search/search_index_test.cpp's).
    for (const fs::path& dir : case_dirs()) {
        const BadCase c = read_case(dir);
        INFO("case " << c.name << ": " << c.about);
        TempDir work;
        const fs::path content = copy_fixture("good", work.path());
        auto good = run_in(work.path(), build_args("content", "site", {"--jobs", "1", "--no-search"}));
        REQUIRE(good.status == 0);
        const auto before = read_tree(work.path() / "site");
        const std::string cache_before = read_text(work.path() / "site.cache");
        REQUIRE(before.size() > 10);

        if (fs::exists(dir / "content")) {
            for (const auto& e : fs::recursive_directory_iterator(dir / "content")) {
                if (!e.is_regular_file()) continue;
                const fs::path to = content / e.path().lexically_relative(dir / "content");
                fs::create_directories(to.parent_path());
                fs::copy_file(e.path(), to, fs::copy_options::overwrite_existing);
            }
        }
        for (const auto& r : c.remove) REQUIRE(fs::remove(content / r));
        for (const auto& [what, path] : c.generate) generate(what, content / path, work.path());

        const auto bad = run_in(work.path(), build_args("content", "site", {"--jobs", "2", "--no-search"}));
        INFO(bad.output.substr(0, 4000));
        CHECK(bad.status == 1);
        CHECK_FALSE(has_crash_report(bad.output));
        bool found = false;
        std::istringstream lines(bad.output);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind(c.where + ": error: ", 0) == 0 && line.find(c.fragment) != std::string::npos) found = true;
        CHECK(found);
        CHECK(bad.output.find("site/ was left unchanged") != std::string::npos);
        CHECK(read_tree(work.path() / "site") == before);
        CHECK(read_text(work.path() / "site.cache") == cache_before);
        CHECK(staging_leftovers(work.path()).empty());
    }
}
