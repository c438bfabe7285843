// The hints `gongshi check` gives a person: near-miss ids and names, alias ids, county variants, and a summary.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "validate/suggest.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

TEST_CASE("edit distance counts Chinese characters, not bytes", "[hints]") {
    using gongshi::validate::edit_distance;
    using gongshi::validate::nearest;
    CHECK(edit_distance("迎泽区", "迎泽区") == 0);
    CHECK(edit_distance("迎泽", "迎泽区") == 1);
    CHECK(edit_distance("平城区", "迎泽区") == 2);
    CHECK(edit_distance("taiyaun", "taiyuan") == 2);
    CHECK(edit_distance("", "太原") == 2);
    CHECK(nearest("迎泽", {"小店区", "迎泽区"}, 1) == std::optional<std::string>("迎泽区"));
    CHECK_FALSE(nearest("平城区", {"迎泽区"}, 1));           // two characters off: a different place, not a typo
    CHECK_FALSE(nearest("迎泽区", {"迎泽区"}, 1));           // equal is not a suggestion
    CHECK_FALSE(nearest("x", {"y"}, 3));                     // as many edits as characters: no resemblance
}

TEST_CASE("a rating naming a near-miss project id suggests the project", "[hints]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / "ratings/jinminhan-2023-169.yaml", "project: datong-pingcheng-boxue-2023",
         "project: datong-pingchen-boxue-2023");
    CHECK_THAT(check_errors(content),
               Catch::VectorContains(std::string(
                   "content/ratings/jinminhan-2023-169.yaml:21:18: error: rating names unknown project "
                   "'datong-pingchen-boxue-2023' — did you mean 'datong-pingcheng-boxue-2023' (大同市平城区马军营街道博学社区养老幸福工程)?")));
}

TEST_CASE("a rating whose id is unknown but whose printed name resembles a project points to it", "[hints]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / "ratings/jinminhan-2023-169.yaml", "project: datong-pingcheng-boxue-2023", "project: boxue");
    edit(content / "ratings/jinminhan-2023-169.yaml", "printed: 大同市平城区马军营街道博学社区养老幸福工程",
         "printed: 大同市平城区马军营街道博雪社区养老幸福工程");
    const auto errors = check_errors(content);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Contains("unknown project 'boxue'") &&
                              Contains("resembles project 'datong-pingcheng-boxue-2023'"));
}

TEST_CASE("a rating whose printed name is another project's name is an error", "[hints]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    // The entry for 博学 names the 金沙滩 project by mistake (a plausible copy-paste slip).
    edit(content / "ratings/jinminhan-2023-169.yaml", "project: datong-pingcheng-boxue-2023",
         "project: taiyuan-qingxu-jinshatan-2023");
    const auto messages = check_messages(content);
    CHECK_THAT(messages, Catch::VectorContains(std::string(
                             "content/ratings/jinminhan-2023-169.yaml:21:18: error: the entry names project "
                             "'taiyuan-qingxu-jinshatan-2023', but its printed name is that of "
                             "'datong-pingcheng-boxue-2023' — write project: datong-pingcheng-boxue-2023, or correct the "
                             "printed name")));
}

TEST_CASE("a printed name that differs slightly from its project's name warns unless a correction explains it",
          "[hints]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / "ratings/jinminhan-2023-169.yaml", "printed: 大同市平城区马军营街道博学社区养老幸福工程",
         "printed: 大同市平城区马军营街道博雪社区养老幸福工程");
    auto messages = check_messages(content);
    CHECK_THAT(messages, Catch::VectorContains(std::string(
                             "content/ratings/jinminhan-2023-169.yaml:21:18: warning: the printed name differs from "
                             "project 'datong-pingcheng-boxue-2023' (大同市平城区马军营街道博学社区养老幸福工程) in 1 "
                             "characters — if the notice's print is wrong, say so in 'correction'; otherwise check the "
                             "project id")));
    CHECK(check_errors(content).empty());
    // The fixture's truncated entry has a correction beside it: no warning for it.
    for (const auto& m : messages) CHECK_THAT(m, !Contains("jinshatan"));
}

TEST_CASE("a rating naming a project by its old id (alias) says which id to use", "[hints]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    write_text(content / "projects/datong/datong-pingcheng-boxue-2023.yaml",
               read_text(content / "projects/datong/datong-pingcheng-boxue-2023.yaml") + "aliases: [datong-boxue-2023]\n");
    edit(content / "ratings/jinminhan-2023-169.yaml", "project: datong-pingcheng-boxue-2023",
         "project: datong-boxue-2023");
    CHECK_THAT(check_errors(content),
               Catch::VectorContains(std::string(
                   "content/ratings/jinminhan-2023-169.yaml:21:18: error: project 'datong-boxue-2023' is an old id "
                   "(alias) of 'datong-pingcheng-boxue-2023' — write the current id 'datong-pingcheng-boxue-2023'")));
}

TEST_CASE("a county in a variant spelling suggests the dataset's name", "[hints]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml", "county: 迎泽区", "county: 迎泽");
    CHECK_THAT(check_errors(content),
               Catch::VectorContains(std::string(
                   "content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:5:9: error: county '迎泽' is not "
                   "a county of 太原市 — did you mean '迎泽区'? write the county as cities.yaml names it")));
}

TEST_CASE("check prints a summary of what the content holds", "[hints]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    std::string out;
    REQUIRE(run_gongshi("check --content " + content.string(), out) == 0);
    CHECK_THAT(out, Contains("projects: 3 (2022: 1, 2023: 2)"));
    CHECK_THAT(out, Contains("ratings: 3 in 1 ratings file(s); 2022: 优秀 1; 2023: 良好 2"));
    CHECK_THAT(out, Contains("documents: 2 notices, 1 replies"));
    CHECK_THAT(out, Contains("content OK"));
    REQUIRE(run_gongshi("check --quiet --content " + content.string(), out) == 0);
    CHECK(out.empty());
}
