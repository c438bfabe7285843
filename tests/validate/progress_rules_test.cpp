// Progress notices, schedules and scores: the example fixture (tests/fixtures/progress, marked 示例) with one
// mistake gives exactly one located error; a stage reached after its milestone is a located warning.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;

namespace {

const char* april = "progress/shili-jindu-2023-04.yaml";
const char* june = "progress/shili-jindu-2023-06.yaml";
const char* june_scores = "scores/shili-jindu-2023-06.yaml";

std::vector<std::string> errors_after_edit(const char* file, std::string_view from, std::string_view to) {
    TempDir dir;
    const fs::path content = copy_fixture("progress", dir.path());
    edit(content / file, from, to);
    return check_errors(content);
}

}  // namespace

TEST_CASE("the progress fixture has no errors and warns only about the two late stages", "[validate]") {
    TempDir dir;
    CHECK(check_messages(copy_fixture("progress", dir.path())) ==
          std::vector<std::string>{
              "content/progress/shili-jindu-2023-04.yaml:14:11: warning: project 'datong-pingcheng-boxue-2023' reached "
              "选址确定 on 2023-02-25, after the plan's deadline 2023-02-20 (六（一）：2月中旬前) — shown as late on the "
              "project's page; nothing to fix if the date is as printed",
              "content/progress/shili-jindu-2023-06.yaml:14:11: warning: project 'datong-pingcheng-boxue-2023' reached "
              "开工 on 2023-06-05, after the plan's deadline 2023-05-31 (六（二）：5月份) — shown as late on the "
              "project's page; nothing to fix if the date is as printed"});
}

TEST_CASE("a progress notice declaring 3 projects but listing 2 is an error at the count", "[validate]") {
    CHECK(errors_after_edit(april, "declared: 2", "declared: 3") ==
          std::vector<std::string>{"content/progress/shili-jindu-2023-04.yaml:6:11: error: declared 3 projects, listed 2 — "
                                   "the notice's count and its list must agree: check the entries against the document"});
}

TEST_CASE("a city's declared total that its stages do not add up to is an error at the total", "[validate]") {
    CHECK(errors_after_edit(june, "declared: 3", "declared: 4") ==
          std::vector<std::string>{"content/progress/shili-jindu-2023-06.yaml:19:15: error: declared 4 projects for "
                                   "taiyuan, stages add up to 3 — the city's total and its counts per stage must agree: "
                                   "check them against the document"});
}

TEST_CASE("a stage going backwards without a note is an error at the later stage", "[validate]") {
    CHECK(errors_after_edit(june, "    stage: 开工\n    date: 2023-05-20", "    stage: 选址确定\n    date: 2023-05-20") ==
          std::vector<std::string>{});  // the same stage again is not backwards
    TempDir dir;
    const fs::path content = copy_fixture("progress", dir.path());
    edit(content / april, "    stage: 选址确定\n    date: 2023-02-10", "    stage: 主体完工\n    date: 2023-02-10");
    CHECK(check_errors(content) ==
          std::vector<std::string>{"content/progress/shili-jindu-2023-06.yaml:9:12: error: project "
                                   "'taiyuan-qingxu-jinshatan-2023' goes back from 主体完工 (shili-jindu-2023-04, "
                                   "2023-04) to 开工 — if the notice prints it so, add 'note:' saying why; otherwise "
                                   "correct the stage"});
    edit(content / june, "    printed: （示例）5月20日开工\n", "    printed: （示例）5月20日开工\n    note: （示例）上月通报有误\n");
    CHECK(check_errors(content).empty());
}

TEST_CASE("a progress notice naming an unknown project or a notice that does not exist is an error", "[validate]") {
    CHECK(errors_after_edit(april, "  - project: taiyuan-qingxu-jinshatan-2023", "  - project: taiyuan-qingxu-nowhere-2023") ==
          std::vector<std::string>{"content/progress/shili-jindu-2023-04.yaml:8:14: error: progress entry names unknown "
                                   "project 'taiyuan-qingxu-nowhere-2023' — add the project under content/projects/ or "
                                   "correct the id"});
    TempDir dir;
    const fs::path content = copy_fixture("progress", dir.path());
    fs::remove(content / "notices/shili-jindu-2023-04.md");
    const auto errors = check_errors(content);
    CHECK(errors == std::vector<std::string>{
                        "content/progress/shili-jindu-2023-04.yaml:2:9: error: progress file names unknown notice "
                        "'shili-jindu-2023-04' — add content/notices/shili-jindu-2023-04.md (the notice itself, with its "
                        "disclosure block) or correct the id",
                        "content/scores/shili-jindu-2023-04.yaml:2:9: error: scores file names unknown notice "
                        "'shili-jindu-2023-04' — add content/notices/shili-jindu-2023-04.md or correct the id"});
}

TEST_CASE("a stage that is not one of the five is an error at the value", "[validate]") {
    CHECK(errors_after_edit(april, "    stage: 选址确定\n    date: 2023-02-10", "    stage: 已选址\n    date: 2023-02-10") ==
          std::vector<std::string>{"content/progress/shili-jindu-2023-04.yaml:9:12: error: '已选址' is not a valid stage of "
                                   "progress entry — use one of: 选址确定 | 开工 | 主体完工 | 竣工 | 运营"});
}

TEST_CASE("a month not written as YYYY-MM is an error at the value", "[validate]") {
    CHECK(errors_after_edit(april, "month: 2023-04", "month: 2023年4月") ==
          std::vector<std::string>{"content/progress/shili-jindu-2023-04.yaml:5:8: error: '2023年4月' is not a valid "
                                   "month — write the month the notice reports on as YYYY-MM, e.g. 2023-03"});
}

TEST_CASE("a score total that is not base + bonus - deductions is an error at the total", "[validate]") {
    CHECK(errors_after_edit(june_scores, "total: 55", "total: 65") ==
          std::vector<std::string>{"content/scores/shili-jindu-2023-06.yaml:16:12: error: total 65 is not base + bonus − "
                                   "deductions (60 + 0 − 5 = 55) — check the four figures against the notice"});
}

TEST_CASE("a score part that is not the sum of its items is an error at the part", "[validate]") {
    CHECK(errors_after_edit(june_scores, "        points: 30", "        points: 20") ==
          std::vector<std::string>{"content/scores/shili-jindu-2023-06.yaml:19:11: error: base 80 is not the sum of its "
                                   "基础分 items (70) — list every item the notice prints, or correct the figure"});
}

TEST_CASE("a score outside its indicators' bounds is an error at the figure", "[validate]") {
    CHECK(errors_after_edit(june_scores, "        points: 5\n", "        points: 15\n") ==
          std::vector<std::string>{
              "content/scores/shili-jindu-2023-06.yaml:20:12: error: bonus 5 is not the sum of its 加分 items (15) — list "
              "every item the notice prints, or correct the figure",
              "content/scores/shili-jindu-2023-06.yaml:28:9: error: item shili-tiqian gives 15 points, more than the 10 its "
              "indicator allows — check the item against the notice and the indicator's points"});
    CHECK(errors_after_edit(june_scores, "    bonus: 0\n    deductions: 5\n    total: 55",
                            "    bonus: 0\n    deductions: 15\n    total: 45") ==
          std::vector<std::string>{"content/scores/shili-jindu-2023-06.yaml:15:17: error: deductions 15 is more than the 10 "
                                   "points the 扣分 indicators allow — check the figure against the notice and the "
                                   "indicators in schedules/2023.yaml"});
}

TEST_CASE("scores for a year without indicators are an error at the year", "[validate]") {
    TempDir dir;
    const fs::path content = copy_fixture("progress", dir.path());
    const std::string schedule = read_text(content / "schedules/2023.yaml");
    write_text(content / "schedules/2023.yaml", schedule.substr(0, schedule.find("# 示例 / example: the real plan")));
    const auto errors = check_errors(content);
    REQUIRE(errors.size() >= 2);
    CHECK(errors[0] == "content/scores/shili-jindu-2023-04.yaml:3:7: error: program year 2023 has no evaluation "
                       "indicators — add the indicators the notice scores against under 'indicators:' in "
                       "schedules/2023.yaml");
}
