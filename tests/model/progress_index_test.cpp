// The per-month aggregation of progress notices (tests/fixtures/progress, marked 示例): a city's figure comes from
// its row in a notice of that month, else from its projects at their latest reported stage; the province adds up.
#include <catch2/catch.hpp>

#include "io/input_files.h"
#include "load/load.h"
#include "model/progress_stages.h"
#include "model/site.h"
#include "test_support.h"
#include "validate/validate.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

model::Site fixture_site() {
    diag::Diagnostics diags;
    model::Records records = load::load_content(io::DiskFiles(), fixture("progress"), diags);
    validate::validate(records, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    return model::build_model(std::move(records), false);
}

std::array<int, 5> counts(int site, int started, int structure, int completed, int operating) {
    return {site, started, structure, completed, operating};
}

}  // namespace

TEST_CASE("progress loads per project and per city, as printed", "[load]") {
    const model::Site s = fixture_site();
    REQUIRE(s.progress.size() == 2);
    CHECK(s.progress[0].month.value == "2023-04");
    CHECK(s.progress[0].kind == "月度通报");
    REQUIRE(s.progress[1].projects.size() == 2);
    CHECK(s.progress[1].projects[1].project.value == "datong-pingcheng-boxue-2023");
    CHECK(s.progress[1].projects[1].printed == "（示例）6月5日开工");
    CHECK(s.progress[1].projects[1].problem == "（示例）配套资金未按时到位");
    REQUIRE(s.progress[1].cities.size() == 1);
    CHECK(s.progress[1].cities[0].declared == 3);
    CHECK(s.progress[1].cities[0].stages[1].stage.value == "主体完工");
    REQUIRE(s.schedules.size() == 1);
    CHECK(s.schedules[0].milestones.size() == 6);
    CHECK(s.schedules[0].milestones[0].printed == "2月中旬前");
    CHECK(s.schedules[0].indicators.size() == 4);
    REQUIRE(s.scores.size() == 2);
    CHECK(s.scores[1].rows[2].items.size() == 3);
    CHECK(s.scores[1].rows[2].total_text == "85");
}

TEST_CASE("a city's month comes from its row in that month's notice, else from its projects' latest stages", "[model]") {
    const model::Site s = fixture_site();
    const model::YearProgress* y = s.progress_index.year(2023);
    REQUIRE(y != nullptr);
    CHECK(y->months == std::vector<std::string>{"2023-04", "2023-06"});
    const int taiyuan = s.city_index.at("taiyuan"), datong = s.city_index.at("datong");
    REQUIRE(y->cities[taiyuan].size() == 2);
    CHECK(y->cities[taiyuan][0].counts == counts(1, 0, 0, 0, 0));  // its one 2023 project, from the April list
    CHECK(y->cities[taiyuan][1].counts == counts(0, 2, 1, 0, 0));  // the June notice's city row
    CHECK(y->cities[taiyuan][1].total == 3);
    REQUIRE(y->cities[datong].size() == 2);
    CHECK(y->cities[datong][1].counts == counts(0, 1, 0, 0, 0));
    REQUIRE(y->province.size() == 2);
    CHECK(y->province[0].counts == counts(2, 0, 0, 0, 0));
    CHECK(y->province[1].counts == counts(0, 3, 1, 0, 0));
    CHECK(y->province[1].total == 4);
    CHECK(y->province[1].reports == std::vector<int>{1});
}

TEST_CASE("a project's stage reports and the cities' scores are indexed in month order", "[model]") {
    const model::Site s = fixture_site();
    const int boxue = s.project_at("datong-pingcheng-boxue-2023");
    REQUIRE(boxue >= 0);
    REQUIRE(s.progress_index.of_project[boxue].size() == 2);
    CHECK(s.progress[s.progress_index.of_project[boxue][1].report].month.value == "2023-06");
    const auto& taiyuan_scores = s.progress_index.scores_of_city[s.city_index.at("taiyuan")];
    REQUIRE(taiyuan_scores.size() == 2);
    CHECK(s.scores[taiyuan_scores[0].sheet].rows[taiyuan_scores[0].row].total_text == "55");
    CHECK(s.scores[taiyuan_scores[1].sheet].rows[taiyuan_scores[1].row].total_text == "75");
}

TEST_CASE("a site without progress notices indexes nothing but the schedule", "[model]") {
    diag::Diagnostics diags;
    model::Records records = load::load_content(io::DiskFiles(), fixture("good"), diags);
    const model::Site s = model::build_model(std::move(records), false);
    CHECK(s.progress_index.years.empty());
    CHECK(s.schedules.empty());
}
