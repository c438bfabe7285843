// The parsed-record cache ("<out>.records", load/parsed_records.h) as a build uses it: a rebuild parses only
// the files whose stamp changed and publishes what a clean build publishes; a file with a diagnostic is
// parsed again every time, so its message is never lost; checks across records run over the cached records
// too; a damaged or foreign cache is ignored.
#include <catch2/catch.hpp>
#include <regex>

#include "publish/incremental_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

// "files parsed: P of R" of a verbose build.
std::pair<int, int> files_parsed(const std::string& output) {
    std::smatch m;
    REQUIRE(std::regex_search(output, m, std::regex("files parsed: (\\d+) of (\\d+)")));
    return {std::stoi(m[1]), std::stoi(m[2])};
}

std::string verbose_build(const Site& s, int expected_status = 0) {
    std::string output;
    const int status =
        run_gongshi(build_command(s.content, s.out, "--no-search -v", s.templates, s.assets), output);
    INFO(output);
    REQUIRE(status == expected_status);
    return output;
}

// The diagnostics of a failed build: everything before "build failed".
std::string diagnostics_of(const std::string& output) {
    return output.substr(0, output.find("build failed"));
}

const char* const project = "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml";

}  // namespace

TEST_CASE(
    "a rebuild after one file changed parses that file only, and publishes what a clean build publishes",
    "[incremental][parse-cache]") {
    Site s;
    const auto [parsed_first, records] = files_parsed(verbose_build(s));
    CHECK(parsed_first == records);  // nothing to take from: every file is parsed
    REQUIRE(records > 5);

    SECTION("touched: same bytes, a new modification time") {
        const fs::path file = s.content / project;
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    }
    SECTION("edited") { edit(s.content / project, "town: 东湖街道", "town: 东湖街道（测试）"); }
    SECTION("a new file") {
        write_text(s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml", new_project);
    }

    const std::string output = verbose_build(s);
    INFO(output);
    CHECK(files_parsed(output).first == 1);
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
    // Its record was added to the cache: another file's edit parses that file only.
    edit(s.content / "projects/datong/datong-pingcheng-boxue-2023.yaml", "name: 大同市",
         "name: 大同市（测试）");
    CHECK(files_parsed(verbose_build(s)).first == 1);
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
}

TEST_CASE(
    "a file with an error is parsed again at every build, and its message is reported the same each time",
    "[incremental][parse-cache]") {
    Site s;
    verbose_build(s);
    edit(s.content / project, "town: 东湖街道", "town: [东湖街道]");
    const std::string first = diagnostics_of(verbose_build(s, 1));
    REQUIRE_THAT(first, Contains(project) && Contains("error"));
    // Nothing changed: the file is read and parsed again, and says the same.
    CHECK(diagnostics_of(verbose_build(s, 1)) == first);
    // Fixed: it is parsed, and the site is what a clean build makes.
    edit(s.content / project, "town: [东湖街道]", "town: 东湖街道");
    CHECK(files_parsed(verbose_build(s)).first >= 1);
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
}

TEST_CASE(
    "checks across records run over cached records: a warning about a record from the cache is still given",
    "[incremental][parse-cache]") {
    Site s;
    // A project no notice rates: a warning of validation, not of its file.
    write_text(s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml", new_project);
    const std::string first = verbose_build(s);
    REQUIRE_THAT(first, Contains("taiyuan-yingze-qiaodong-2023' has no rating yet"));
    edit(s.content / project, "town: 东湖街道", "town: 东湖街道（测试）");
    const std::string second = verbose_build(s);
    CHECK(files_parsed(second).first == 1);  // the unrated project came from the cache
    CHECK_THAT(second, Contains("taiyuan-yingze-qiaodong-2023' has no rating yet"));
}

TEST_CASE("a damaged or foreign parsed-record cache is ignored: every file is parsed, the output is the same",
          "[incremental][parse-cache]") {
    Site s;
    verbose_build(s);
    const fs::path cache = s.dir.path() / "site.records";
    REQUIRE(fs::exists(cache));
    const auto reference = without_log(read_tree(s.out));
    edit(s.content / project, "town: 东湖街道", "town: 东湖街道（测试）");
    const std::string bytes = read_text(cache);

    SECTION("one flipped byte in a record") {
        std::string damaged = bytes;
        damaged[damaged.size() - 20] ^= 0x01;
        write_text(cache, damaged);
    }
    SECTION("truncated") { write_text(cache, bytes.substr(0, bytes.size() / 2)); }
    SECTION("written by another gongshi binary (whole, every block's checksum right)") {
        const size_t line = bytes.find('\n');
        const size_t generator_end = bytes.find('\n', line + 1);
        write_text(cache, bytes.substr(0, line + 1) + "another-binary" + bytes.substr(generator_end));
    }
    SECTION("garbage") { write_text(cache, "not a cache\n"); }

    const std::string output = verbose_build(s);
    const auto [parsed, records] = files_parsed(output);
    CHECK(parsed == records);
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
    CHECK(without_log(read_tree(s.out)) != reference);  // the edit is published
    // The build wrote a good cache again: the next edit parses one file.
    edit(s.content / project, "town: 东湖街道（测试）", "town: 东湖街道");
    CHECK(files_parsed(verbose_build(s)).first == 1);
}
