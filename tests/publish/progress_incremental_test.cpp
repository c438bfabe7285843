// Incremental builds with progress notices: an edit to a progress file re-renders the pages it feeds (the project
// page's dependency key covers its progress reports and their notices), and the result equals a clean build.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

void build(const fs::path& content, const fs::path& out) {
    std::string output;
    const int status = run_gongshi(build_command(content, out, "--no-search"), output);
    INFO(output);
    REQUIRE(status == 0);
}

// The changes log differs by design, and the manifest lists its hash.
std::map<std::string, std::string> without_log(std::map<std::string, std::string> tree) {
    tree.erase("changes/index.html");
    tree.erase("SHA256SUMS");  // the manifest lists the log's hash (tests/publish/manifest_test.cpp checks it)
    tree.erase("manifest.json");
    return tree;
}

}  // namespace

TEST_CASE("an edited progress notice re-renders its project's timeline, as a clean build would", "[publish]") {
    TempDir dir;
    const fs::path content = copy_fixture("progress", dir.path());
    const fs::path out = dir.path() / "site";
    build(content, out);
    const char* page = "projects/taiyuan-qingxu-jinshatan-2023/index.html";
    CHECK_THAT(read_text(out / page), Contains("按期：计划5月份（六（二））"));
    edit(content / "progress/shili-jindu-2023-06.yaml", "date: 2023-05-20", "date: 2023-06-02");
    build(content, out);
    CHECK_THAT(read_text(out / page), Contains("逾期：计划5月份（六（二））"));
    const fs::path fresh = dir.path() / "fresh" / "site";
    build(content, fresh);
    CHECK(without_log(read_tree(out)) == without_log(read_tree(fresh)));
}

TEST_CASE("an edited schedule re-renders the project pages that compare against it", "[publish]") {
    TempDir dir;
    const fs::path content = copy_fixture("progress", dir.path());
    const fs::path out = dir.path() / "site";
    build(content, out);
    edit(content / "schedules/2023.yaml", "deadline: 2023-05-31\n    printed: 5月份", "deadline: 2023-06-30\n    printed: 5月份");
    build(content, out);
    CHECK_THAT(read_text(out / "projects/datong-pingcheng-boxue-2023/index.html"), Contains("按期：计划5月份（六（二））"));
    const fs::path fresh = dir.path() / "fresh" / "site";
    build(content, fresh);
    CHECK(without_log(read_tree(out)) == without_log(read_tree(fresh)));
}
