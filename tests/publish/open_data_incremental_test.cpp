// Open data by program year (issue 19): a year's files are keyed by the source files their rows are made from
// (render/open_data_files.h). A notice of one year rewrites that year's files (and the whole-dataset files
// and the package assembled from them); every other year's file keeps its inode. And whatever is edited, the
// incremental build's files equal a clean build's.
#include <catch2/catch.hpp>
#include <regex>

#include "publish/incremental_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

const char* const new_notice = R"(---
doc_number: 晋民函〔2023〕200号
title: 测试通报（第二批）
issuer: 山西省民政厅
addressees: [各市民政局]
kind: 通报
year: 2023
disclosure: 依申请公开
source_file: test-200.txt
summary: 测试通报（第二批）摘要。
---
通报正文。

<!-- gongshi:ratings -->
)";

const std::string new_ratings =
    "notice: jinminhan-2023-200\ngroups:\n" +
    rating_group(2023, "excellent", "（一）优秀等次（共1家）", "taiyuan-yingze-qiaodong-2023",
                 "太原市迎泽区桥东街道新建社区养老幸福工程");

std::set<std::string> under(const std::set<std::string>& paths, const std::string& folder) {
    std::set<std::string> out;
    for (const auto& p : paths)
        if (p.starts_with(folder)) out.insert(p);
    return out;
}

// Adds the notice `id` (its text `notice`) with a ratings file giving the fixture's 2022 project 龙城新苑 a 2022 良好
// rating again, builds, and returns the files the build rewrote.
std::set<std::string> rate_2022_project_again(const Site& s, const std::string& id, const std::string& notice) {
    const auto before = identities(s.out);
    write_text(s.content / ("notices/" + id + ".md"), notice);
    write_text(s.content / ("ratings/" + id + ".yaml"),
               "notice: " + id + "\ngroups:\n" +
                   rating_group(2022, "good", "（一）良好等次（共1家）", "taiyuan-yingze-longchengxinyuan-2022",
                                "太原市迎泽区郝庄镇龙城新苑社区养老幸福工程"));
    std::string output;
    const int status = run_gongshi(build_command(s.content, s.out, "--no-search -v", s.templates, s.assets), output);
    INFO(output);
    REQUIRE(status == 0);
    return rewritten(before, identities(s.out));
}

long long year_files_made(const std::string& verbose_output) {
    std::smatch m;
    REQUIRE(
        std::regex_search(verbose_output, m, std::regex("open data: (\\d+) files of one program year made")));
    return std::stoll(m[1]);
}

}  // namespace

TEST_CASE(
    "a new notice of one program year rewrites that year's open data and the files assembled from it — "
    "the other years' files keep their inode",
    "[incremental][open-data]") {
    Site s;
    s.build();
    const auto before = identities(s.out);
    REQUIRE(before.count("data/2022/projects.csv") == 1);
    REQUIRE(before.count("data/2023/projects.csv") == 1);

    write_text(s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml", new_project);
    write_text(s.content / "notices/jinminhan-2023-200.md", new_notice);
    write_text(s.content / "ratings/jinminhan-2023-200.yaml", new_ratings);
    std::string output;
    REQUIRE(run_gongshi(build_command(s.content, s.out, "--no-search -v", s.templates, s.assets), output) ==
            0);
    INFO(output);
    const auto changed = rewritten(before, identities(s.out));

    std::set<std::string> year_2022;
    for (const auto& [path, id] : before)
        if (path.starts_with("data/2022/")) year_2022.insert(path);
    REQUIRE(year_2022.size() == 10);  // five tables, CSV and JSON
    CHECK(under(changed, "data/2022/").empty());
    // 2023: the new project's row, its rating's row, and its city's count of 2023 projects in the task table.
    CHECK(under(changed, "data/2023/") ==
          std::set<std::string>{"data/2023/projects.csv", "data/2023/projects.json", "data/2023/ratings.csv",
                                "data/2023/ratings.json", "data/2023/tasks.csv", "data/2023/tasks.json"});
    CHECK(year_files_made(output) == 6);  // the other years' files were not even made
    for (const char* assembled :
         {"data/projects.csv", "data/projects.json", "data/ratings.csv", "data/ratings.json",
          "data/tasks.csv", "data/tasks.json", "data/datapackage.json"})
        CHECK(changed.count(assembled) == 1);
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
}

TEST_CASE(
    "the open data of an incremental build equals a clean build's after every kind of edit its rows read",
    "[incremental][open-data]") {
    Site s;
    s.build();
    const std::vector<std::pair<const char*, std::function<void()>>> edits = {
        {"a 2022 project's own file",
         [&] {
             edit(s.content / "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml", "town: 郝庄镇",
                  "town: 郝庄镇（测试）");
         }},
        {"a new 2023 project (the task table counts it)",
         [&] { write_text(s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml", new_project); }},
        {"a rating's printed name",
         [&] {
             edit(s.content / "ratings/jinminhan-2023-169.yaml", "太原市迎泽区郝庄镇龙城新苑社区养老幸福工程",
                  "太原市迎泽区郝庄镇龙城新苑社区养老幸福工程（印）");
         }},
        {"the number of the notice the ratings come from",
         [&] {
             edit(s.content / "notices/jinminhan-2023-169.md", "晋民函〔2023〕169号", "晋民函〔2023〕1690号");
         }},
        {"a project's name (the ratings list it)",
         [&] {
             edit(s.content / "projects/datong/datong-pingcheng-boxue-2023.yaml", "name: 大同市",
                  "name: 大同市（测试）");
         }},
        {"a city's name in cities.yaml",
         [&] { edit(s.content / "cities.yaml", "name: 太原市", "name: 太原市（测试）"); }},
        {"a program's name in site.yaml",
         [&] {
             edit(s.content / "site.yaml", "name: 城镇社区养老幸福工程",
                  "name: 城镇社区养老幸福工程（测试）");
         }},
        {"a task count",
         [&] {
             edit(s.content / "tasks/2023.yaml", "tasks: 2", "tasks: 3");
             edit(s.content / "tasks/2023.yaml", "declared_total: 3", "declared_total: 4");
         }},
    };
    for (const auto& [what, apply] : edits) {
        INFO("edit: " << what);
        const auto before = read_tree(s.out);
        apply();
        std::string output;
        REQUIRE(run_gongshi(build_command(s.content, s.out, "--no-search -v", s.templates, s.assets),
                            output) == 0);
        INFO(output);
        const auto after = read_tree(s.out);
        CHECK(without_log(after) == without_log(s.clean_build()));
        std::set<std::string> data_changed;
        for (const auto& path : differing(before, after))
            if (path.starts_with("data/") && path != "data/index.html") data_changed.insert(path);
        CHECK_FALSE(data_changed.empty());  // each edit shows in the open data: the test has teeth
    }
}

TEST_CASE(
    "a new notice rating a project of an earlier year rewrites that year's ratings, never its projects file",
    "[incremental][open-data]") {
    // The projects table holds what a project's own file says; its ratings are rows of the ratings table. So a
    // notice of 2023 that rates a 2022 project touches data/2022/ratings.* and nothing else of 2022.
    Site s;
    s.build();
    const auto changed = rate_2022_project_again(s, "jinminhan-2023-200", new_notice);
    CHECK(under(changed, "data/2022/") ==
          std::set<std::string>{"data/2022/ratings.csv", "data/2022/ratings.json"});
    CHECK(under(changed, "data/2023/").empty());
    CHECK(changed.count("data/projects.csv") == 0);
    CHECK(changed.count("data/projects.json") == 0);
    CHECK(changed.count("data/ratings.csv") == 1);
    const std::string ratings = read_text(s.out / "data/2022/ratings.csv");
    CHECK_THAT(ratings, Contains("jinminhan-2023-200,晋民函〔2023〕200号,2022,good,良好,1,"
                                 "taiyuan-yingze-longchengxinyuan-2022"));
    CHECK_THAT(read_text(s.out / "data/2022/projects.csv"),
               !Contains("jinminhan-2023-200") && Contains("taiyuan-yingze-longchengxinyuan-2022"));
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
}

TEST_CASE(
    "a newer notice rating projects again rewrites no projects file and does not become the notice that first "
    "listed them",
    "[incremental][open-data]") {
    // The whole-dataset JSON's "updated" is the date of the newest document its rows come from (data_updated), not
    // the site's newest date: a notice that changes no project row leaves data/projects.json as it was (~0.6 GB at
    // 1 000 000 projects). And the notice that first lists a project is the oldest that rates it for its earliest
    // program year, whatever the notices' ids.
    Site s;
    // The fixture's 169号 prints only a year, for which no day can be claimed (data_updated then gives the site's
    // date): dated here, so that the projects' newest document has a day.
    edit(s.content / "notices/jinminhan-2023-169.md", "year: 2023\ndisclosure:", "date: 2023-06-30\nyear: 2023\ndisclosure:");
    s.build();
    CHECK_THAT(read_text(s.out / "data/projects.json"), Contains("\"updated\": \"2023-06-30\""));

    // Its id sorts before 169号's; its date is after every other document's.
    const auto changed = rate_2022_project_again(s, "jinminhan-2023-100", R"(---
doc_number: 晋民函〔2023〕100号
title: 测试通报（复评）
issuer: 山西省民政厅
addressees: [各市民政局]
kind: 通报
date: 2023-12-30
year: 2023
disclosure: 依申请公开
source_file: test-100.txt
summary: 测试通报（复评）摘要。
---
通报正文。

<!-- gongshi:ratings -->
)");
    CHECK(changed.count("data/projects.json") == 0);
    CHECK(changed.count("data/projects.csv") == 0);
    CHECK(changed.count("data/ratings.json") == 1);
    CHECK_THAT(read_text(s.out / "data/projects.json"), Contains("\"updated\": \"2023-06-30\""));
    CHECK_THAT(read_text(s.out / "data/ratings.json"), Contains("\"updated\": \"2023-12-30\""));
    const std::string page = read_text(s.out / "projects/taiyuan-yingze-longchengxinyuan-2022/index.html");
    CHECK_THAT(page, Contains("<dt>项目名称</dt><dd>太原市迎泽区郝庄镇龙城新苑社区养老幸福工程 <span class=\"source\">"
                              "来源：<a href=\"/notices/jinminhan-2023-169/\">"));
    CHECK_THAT(page, Contains("/notices/jinminhan-2023-100/"));  // the new rating is on the page
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
}
