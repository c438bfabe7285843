// Publishing: a failed build leaves the previous site byte-identical; output is deterministic for any --jobs.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

TEST_CASE("a build of good content publishes every record's page", "[publish]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    std::string output;
    REQUIRE(run_gongshi(build_command(content, dir.path() / "site", "--no-search"), output) == 0);
    CHECK_THAT(output, Contains("built ") && Contains("records read") && Contains("pages"));
    const auto files = read_tree(dir.path() / "site");
    // One page per record file of the fixture (the id is the file name), and the site's own pages.
    std::vector<std::string> pages = {"index.html", "cities/taiyuan/index.html", "tasks/2023/index.html", "404.html"};
    for (const auto& e : fs::recursive_directory_iterator(content)) {
        const std::string kind = e.path().lexically_relative(content).begin()->string();
        if (kind == "projects" || kind == "notices" || kind == "replies")
            if (e.is_regular_file()) pages.push_back(kind + "/" + e.path().stem().string() + "/index.html");
    }
    CHECK(pages.size() == 4 + 3 + 2 + 1);
    for (const auto& page : pages) {
        INFO(page);
        CHECK(files.count(page) == 1);
    }
    CHECK(staging_leftovers(dir.path()).empty());
}

TEST_CASE("a build that fails on bad content leaves the previous site byte-identical", "[publish]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    const fs::path out = dir.path() / "site";
    std::string output;
    REQUIRE(run_gongshi(build_command(content, out, "--no-search"), output) == 0);
    const auto before = read_tree(out);
    edit(content / "tasks/2023.yaml", "declared_total: 3", "declared_total: 4");
    CHECK(run_gongshi(build_command(content, out, "--no-search"), output) == 1);
    CHECK_THAT(output, Contains("error: rows add up to 3") && Contains("was left unchanged"));
    CHECK(read_tree(out) == before);
    CHECK(staging_leftovers(dir.path()).empty());
}

TEST_CASE("a build that fails on a broken template leaves the previous site byte-identical", "[publish]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    const fs::path out = dir.path() / "site";
    std::string output;
    REQUIRE(run_gongshi(build_command(content, out, "--no-search"), output) == 0);
    const auto before = read_tree(out);
    fs::copy(source_dir() / "templates", dir.path() / "templates", fs::copy_options::recursive);
    write_text(dir.path() / "templates/project.mustache", "{{#unclosed}}");
    CHECK(run_gongshi(build_command(content, out, "", dir.path() / "templates"), output) == 1);
    CHECK(read_tree(out) == before);
}

TEST_CASE("two builds of the same content, and --jobs 1 against --jobs 2, are byte-identical", "[publish]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    std::string output;
    REQUIRE(run_gongshi(build_command(content, dir.path() / "a", "--jobs 1"), output) == 0);
    REQUIRE(run_gongshi(build_command(content, dir.path() / "b", "--jobs 2"), output) == 0);
    REQUIRE(run_gongshi(build_command(content, dir.path() / "c", "--jobs 2"), output) == 0);
    const auto a = read_tree(dir.path() / "a");
    CHECK(a.size() > 10);
    CHECK(a == read_tree(dir.path() / "b"));
    CHECK(a == read_tree(dir.path() / "c"));
}

TEST_CASE("check reports five different mistakes, each located, and exits 1", "[cli]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml", "county: 迎泽区", "county: 平城区");
    edit(content / "ratings/jinminhan-2023-169.yaml", "declared: 2\n", "declared: 3\n");
    edit(content / "tasks/2023.yaml", "declared_total: 3", "declared_total: 5");
    edit(content / "notices/jinminfa-2023-7.md", "date: 2023-01-16", "date: 2023-13-01");
    edit(content / "replies/changminhan-2023-94.md", "summary: 测试答复摘要。", "summary: 测试答复摘要。\nsumary: x");
    std::string output;
    CHECK(run_gongshi("check --content " + content.string(), output) == 1);
    CHECK_THAT(output, Contains("taiyuan-yingze-longchengxinyuan-2022.yaml:5:9: error: county '平城区'"));
    CHECK_THAT(output, Contains("jinminhan-2023-169.yaml:13:15: error: declared 3, listed 2"));
    CHECK_THAT(output, Contains("tasks/2023.yaml:4:17: error: rows add up to 3"));
    CHECK_THAT(output, Contains("jinminfa-2023-7.md:6:7: error: '2023-13-01' is not a valid date"));
    CHECK_THAT(output, Contains("changminhan-2023-94.md:17:1: error: unknown field 'sumary' in reply"));
    CHECK_THAT(output, Contains("5 errors, 0 warnings"));
}

TEST_CASE("usage errors exit 2, and --help and --version exit 0", "[cli]") {
    std::string output;
    CHECK(run_gongshi("build --no-such-flag", output) == 2);
    CHECK(run_gongshi("", output) == 2);
    CHECK(run_gongshi("build --jobs 0", output) == 2);
    CHECK(run_gongshi("--help", output) == 0);
    CHECK_THAT(output, Contains("build") && Contains("check"));
    CHECK(run_gongshi("--version", output) == 0);
    CHECK_THAT(output, Contains("gongshi 0."));
}

TEST_CASE("a build that runs out of space leaves the previous site byte-identical and says why", "[publish]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    const fs::path out = dir.path() / "site";
    std::string output;
    REQUIRE(run_gongshi(build_command(content, out, "--no-search"), output) == 0);
    const auto before = read_tree(out);
    edit(content / "projects/datong/datong-pingcheng-boxue-2023.yaml", "name: 大同市平城区马军营街道博学社区养老幸福工程",
         "name: 大同市平城区马军营街道博学社区养老幸福工程（改）");
    // A file-size limit makes every write past 4 KB fail with EFBIG, as a full disk fails with ENOSPC: the build
    // must notice, stop, and publish nothing. (SIGXFSZ is ignored so the write returns the error instead.)
    const std::string limited = "-c \"trap '' XFSZ; ulimit -f 8; exec " + std::string(GONGSHI_BINARY) + " " +
                                build_command(content, out, "--no-search --jobs 1") + "\"";
    const int status = run_command("sh " + limited, output);
    INFO(output);
    CHECK(status == 1);
    CHECK_THAT(output, Contains("left unchanged"));
    CHECK(read_tree(out) == before);
    CHECK(staging_leftovers(dir.path()).empty());
}

TEST_CASE("a verbose build (-v) lists the files written and how long each stage took", "[publish]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    std::string output;
    REQUIRE(run_gongshi(build_command(content, dir.path() / "site", "--no-search -v"), output) == 0);
    CHECK_THAT(output, Contains("  wrote index.html"));
    CHECK_THAT(output, Contains("stages: read cache ") && Contains(", stat inputs ") && Contains(", load ") && Contains(", validate ") && Contains(", render ") &&
                           Contains(", publish "));
    REQUIRE(run_gongshi(build_command(content, dir.path() / "site", "--no-search -v"), output) == 0);
    CHECK_THAT(output, Contains("is up to date") && Contains("stages: read cache ") && Contains(", check outputs ") &&
                           Contains(", stat inputs "));
    REQUIRE(run_gongshi(build_command(content, dir.path() / "site", "--no-search"), output) == 0);
    CHECK_THAT(output, !Contains("stages:"));
}
