// One test per validation rule: the good fixture with one mistake gives exactly one located error.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

const char* project_file = "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml";
const char* ratings_file = "ratings/jinminhan-2023-169.yaml";

std::vector<std::string> errors_after_edit(const char* file, std::string_view from, std::string_view to) {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / file, from, to);
    return check_errors(content);
}

}  // namespace

TEST_CASE("the good fixture has no errors and warns about nothing", "[validate]") {
    TempDir dir;
    CHECK(check_messages(copy_fixture("good", dir.path())).empty());
}

TEST_CASE("an unknown field is an error at its key", "[validate]") {
    CHECK(errors_after_edit(project_file, "town: 郝庄镇\n", "town: 郝庄镇\ntown_name: 郝庄镇\n") ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:7:1: error: "
                                   "unknown field 'town_name' in project — remove it or correct its spelling (see "
                                   "docs/content-model.md)"});
}

TEST_CASE("a missing required field is an error at the record", "[validate]") {
    CHECK(errors_after_edit(project_file, "name: 太原市迎泽区郝庄镇龙城新苑社区养老幸福工程\n", "") ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:1:1: error: "
                                   "project is missing required field 'name' — add 'name: …' (see docs/content-model.md)"});
}

TEST_CASE("a wrong type is an error at the value", "[validate]") {
    CHECK(errors_after_edit(project_file, "year: 2022", "year: 二〇二二") ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:3:7: error: "
                                   "field 'year' of project must be a whole number — change the value to a whole number"});
    CHECK(errors_after_edit(project_file, "city: taiyuan", "city: [taiyuan]") ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:4:7: error: "
                                   "field 'city' of project must be a single value — change the value to a single value"});
}

TEST_CASE("a malformed or impossible date is an error at the value", "[validate]") {
    const auto errors = errors_after_edit("notices/jinminfa-2023-7.md", "date: 2023-01-16", "date: 2023-02-30");
    CHECK(errors == std::vector<std::string>{"content/notices/jinminfa-2023-7.md:6:7: error: '2023-02-30' is not a valid "
                                             "date — write a real calendar date as YYYY-MM-DD, e.g. 2023-01-16"});
    CHECK(errors_after_edit("notices/jinminfa-2023-7.md", "date: 2023-01-16", "date: 2023/01/16").size() == 1);
}

TEST_CASE("an id that is not lowercase ASCII is an error", "[validate]") {
    const auto errors = errors_after_edit(project_file, "id: taiyuan-yingze-longchengxinyuan-2022", "id: ../../etc");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:1:5: error: id '../../etc' "
                       "is not lowercase ASCII — use only a-z, 0-9 and '-' (not at either end), e.g. "
                       "taiyuan-yingze-wenmiao-2023");
}

TEST_CASE("two projects with one id is an error at the second", "[validate]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    write_text(content / "projects/datong/taiyuan-yingze-longchengxinyuan-2022.yaml",
               read_text(content / project_file));
    const auto errors = check_errors(content);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Contains("projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:1:5: error: duplicate "
                                   "project id 'taiyuan-yingze-longchengxinyuan-2022' (first used at "));
}

TEST_CASE("an alias that collides with an id is an error at the alias", "[validate]") {
    const auto errors = errors_after_edit("projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml",
                                          "aliases: [taiyuan-qingxu-old-2023]",
                                          "aliases: [datong-pingcheng-boxue-2023]");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Contains("taiyuan-qingxu-jinshatan-2023.yaml:10:11: error: duplicate project alias "
                                   "'datong-pingcheng-boxue-2023' (first used at "));
}

TEST_CASE("a project in an unknown city or a county not of its city is an error", "[validate]") {
    CHECK(errors_after_edit(project_file, "city: taiyuan", "city: taiyuna") ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:4:7: error: "
                                   "project names unknown city 'taiyuna' — did you mean 'taiyuan'?"});
    CHECK(errors_after_edit(project_file, "county: 迎泽区", "county: 平城区") ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:5:9: error: "
                                   "county '平城区' is not a county of 太原市 — write the county as cities.yaml names it "
                                   "(e.g. 迎泽区), or add a development zone there"});
}

TEST_CASE("a rating naming an unknown project, notice, year or tier is an error at the reference", "[validate]") {
    CHECK(errors_after_edit(ratings_file, "project: datong-pingcheng-boxue-2023", "project: datong-pingcheng-boxe-2023") ==
          std::vector<std::string>{"content/ratings/jinminhan-2023-169.yaml:21:18: error: rating names unknown project "
                                   "'datong-pingcheng-boxe-2023' — did you mean 'datong-pingcheng-boxue-2023' "
                                   "(大同市平城区马军营街道博学社区养老幸福工程)?"});
    CHECK(errors_after_edit(ratings_file, "    tier: good", "    tier: great") ==
          std::vector<std::string>{"content/ratings/jinminhan-2023-169.yaml:12:11: error: unknown tier 'great' — use a "
                                   "tier id from site.yaml: excellent, good or qualified"});
    CHECK(errors_after_edit(ratings_file, "  - year: 2022", "  - year: 2021") ==
          std::vector<std::string>{"content/ratings/jinminhan-2023-169.yaml:3:11: error: program year 2021 is not in "
                                   "site.yaml — use a year listed under 'programs' in site.yaml"});
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    fs::rename(content / "notices/jinminhan-2023-169.md", content / "notices/jinminhan-2023-170.md");
    CHECK(check_errors(content) ==
          std::vector<std::string>{
              "content/cities.yaml:32:17: error: city fact names unknown document 'jinminhan-2023-169' — use the id of "
              "a notice or reply in content/notices or content/replies",
              "content/ratings/jinminhan-2023-169.yaml:1:9: error: ratings file names unknown notice "
              "'jinminhan-2023-169' — add content/notices/jinminhan-2023-169.md or correct the id"});
}

TEST_CASE("a rating naming a project by its old id says which id to use", "[validate]") {
    CHECK(errors_after_edit(ratings_file, "project: taiyuan-qingxu-jinshatan-2023", "project: taiyuan-qingxu-old-2023") ==
          std::vector<std::string>{"content/ratings/jinminhan-2023-169.yaml:17:18: error: project "
                                   "'taiyuan-qingxu-old-2023' is an old id (alias) of 'taiyuan-qingxu-jinshatan-2023' — "
                                   "write the current id 'taiyuan-qingxu-jinshatan-2023'"});
}

TEST_CASE("a task row or a reply naming an unknown city is an error", "[validate]") {
    CHECK(errors_after_edit("tasks/2023.yaml", "city: datong", "city: datung") ==
          std::vector<std::string>{"content/tasks/2023.yaml:9:11: error: task row names unknown city 'datung' — did you "
                                   "mean 'datong'?"});
    CHECK(errors_after_edit("replies/changminhan-2023-94.md", "city: datong", "city: changzhi") ==
          std::vector<std::string>{"content/replies/changminhan-2023-94.md:5:7: error: reply names unknown city "
                                   "'changzhi' — use a city id from cities.yaml, e.g. taiyuan"});
}

TEST_CASE("a project rated twice for one year in one notice is an error at the second entry", "[validate]") {
    const auto errors = errors_after_edit(ratings_file, "project: datong-pingcheng-boxue-2023",
                                          "project: taiyuan-qingxu-jinshatan-2023");
    // Two errors at the entry: the repeat, and (since the entry's printed name is another project's) the mismatch.
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] == "content/ratings/jinminhan-2023-169.yaml:21:18: error: project 'taiyuan-qingxu-jinshatan-2023' is "
                       "rated twice for 2023 in this notice (first at line 16) — a notice gives a project one tier per "
                       "program year: remove one entry");
    CHECK(errors[1].rfind("content/ratings/jinminhan-2023-169.yaml:21:18: error: the entry names project "
                          "'taiyuan-qingxu-jinshatan-2023', but its printed name is that of 'datong-pingcheng-boxue-2023'",
                          0) == 0);
}

TEST_CASE("a notice declaring 2 but listing 1 is an error at the count's line", "[validate]") {
    CHECK(errors_after_edit(ratings_file, "declared: 2\n", "declared: 3\n") ==
          std::vector<std::string>{"content/ratings/jinminhan-2023-169.yaml:13:15: error: declared 3, listed 2 (2023 "
                                   "good) — the notice's count and its list must agree: check the entries against the "
                                   "document"});
}

TEST_CASE("a task table whose rows do not add up to its total is an error at the total", "[validate]") {
    CHECK(errors_after_edit("tasks/2023.yaml", "declared_total: 3", "declared_total: 4") ==
          std::vector<std::string>{"content/tasks/2023.yaml:4:17: error: rows add up to 3, but the table declares a "
                                   "total of 4 — check each row's task count against the document"});
}

TEST_CASE("an uncovered county that is not one of the city's counties is an error", "[validate]") {
    CHECK(errors_after_edit("tasks/2023.yaml", "uncovered: [清徐县]", "uncovered: [清徐]") ==
          std::vector<std::string>{"content/tasks/2023.yaml:8:17: error: county '清徐' is not a county of 太原市 — write "
                                   "the county as cities.yaml names it"});
}

TEST_CASE("a project no notice has rated is a warning, not an error", "[validate]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    write_text(content / "projects/datong/datong-pingcheng-new-2023.yaml",
               "id: datong-pingcheng-new-2023\nname: 新项目\nyear: 2023\ncity: datong\ncounty: 平城区\n");
    CHECK(check_errors(content).empty());
    CHECK(check_messages(content) ==
          std::vector<std::string>{"content/projects/datong/datong-pingcheng-new-2023.yaml:1:5: warning: project "
                                   "'datong-pingcheng-new-2023' has no rating yet — fine for a new project; otherwise add "
                                   "it to its notice's ratings file"});
}

TEST_CASE("a rating of a draft project is an error unless drafts are published", "[validate]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / "projects/datong/datong-pingcheng-boxue-2023.yaml", "community: 博学社区\n",
         "community: 博学社区\ndraft: true\n");
    CHECK(check_errors(content) ==
          std::vector<std::string>{"content/ratings/jinminhan-2023-169.yaml:21:18: error: rating names project "
                                   "'datong-pingcheng-boxue-2023', which is a draft — publish the project (remove "
                                   "'draft: true') or build with --drafts"});
    CHECK(check_errors(content, true).empty());
}
