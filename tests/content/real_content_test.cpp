// The real content/ holds what the seeds say: a bad edit to the transcription fails CI.
#include <catch2/catch.hpp>

#include "load/load.h"
#include "model/site.h"
#include "test_support.h"
#include "validate/validate.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

const model::Site& real_site() {
    static const model::Site site = [] {
        diag::Diagnostics diags;
        model::Records records = load::load_content(io::DiskFiles(), source_dir() / "content", diags);
        validate::validate(records, {}, diags);
        INFO(diag::format_all(diags, io::DiskFiles()));
        REQUIRE_FALSE(diags.has_errors());
        REQUIRE(diags.warning_count() == 0);
        return model::build_model(std::move(records), false);
    }();
    return site;
}

int count(const model::Site& s, int year, const std::string& tier) {
    const auto index = s.tier_index(tier);
    if (!index) return 0;
    auto it = s.ratings_by_year_tier.find({year, *index});
    return it == s.ratings_by_year_tier.end() ? 0 : static_cast<int>(it->second.size());
}

}  // namespace

TEST_CASE("content/ passes check with no errors and no warnings", "[content]") {
    CHECK(check_messages(source_dir() / "content").empty());
}

TEST_CASE("晋民函〔2023〕169号 rates 130 projects: 2022 20/6/4 and 2023 65/29/6", "[content]") {
    const auto& s = real_site();
    CHECK(s.projects.size() == 130);
    CHECK(s.ratings.size() == 130);
    CHECK(count(s, 2022, "excellent") == 20);
    CHECK(count(s, 2022, "good") == 6);
    CHECK(count(s, 2022, "qualified") == 4);
    CHECK(count(s, 2023, "excellent") == 65);
    CHECK(count(s, 2023, "good") == 29);
    CHECK(count(s, 2023, "qualified") == 6);
    CHECK(count(s, 2022, "excellent") + count(s, 2023, "excellent") == 85);
    for (size_t p = 0; p < s.projects.size(); ++p) CHECK(s.ratings_of_project[p].size() == 1);
}

TEST_CASE("all 10 of 晋城市's projects are rated 优秀", "[content]") {
    const auto& s = real_site();
    const int jincheng = s.city_index.at("jincheng");
    REQUIRE(s.projects_of_city[jincheng].size() == 10);
    for (int p : s.projects_of_city[jincheng])
        for (int r : s.ratings_of_project[p]) CHECK(s.config.tiers[s.ratings[r].tier.value()].id == "excellent");
}

TEST_CASE("Shanxi has 11 prefecture-level cities in GB/T 2260 order, 太原 1401 to 吕梁 1411", "[content]") {
    const auto& s = real_site();
    REQUIRE(s.cities.size() == 11);
    for (size_t i = 0; i < s.cities.size(); ++i) {
        const std::string expected = "14" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1) + "00";
        CHECK(s.cities[i].code == expected);
    }
    CHECK(s.cities.front().name == "太原市");
    CHECK(s.cities.back().name == "吕梁市");
}

TEST_CASE("the 2023 task table declares 100 tasks over 11 cities", "[content]") {
    const auto& s = real_site();
    REQUIRE(s.tasks.size() == 1);
    CHECK(s.tasks[0].year == 2023);
    CHECK(s.tasks[0].declared_total == 100);
    CHECK(s.tasks[0].rows.size() == 11);
}

TEST_CASE("长治市's 2023 projects are rated 5 优秀 and 5 良好, as 长民函〔2023〕94号 states", "[content]") {
    const auto& s = real_site();
    const int changzhi = s.city_index.at("changzhi");
    int excellent = 0, good = 0, projects = 0;
    for (int p : s.projects_of_city[changzhi]) {
        if (s.projects[p].year != 2023) continue;
        ++projects;
        for (int r : s.ratings_of_project[p]) {
            const std::string tier = s.config.tiers[s.ratings[r].tier.value()].id;
            excellent += tier == "excellent";
            good += tier == "good";
        }
    }
    CHECK(projects == 10);
    CHECK(excellent == 5);
    CHECK(good == 5);
}

TEST_CASE("the truncated listing 2023 优秀 No. 10 keeps its printed text and records the correction", "[content]") {
    const auto& s = real_site();
    bool found = false;
    for (const auto& r : s.ratings) {
        if (r.year != 2023 || r.rank != 10 || s.config.tiers[r.tier.value()].id != "excellent") continue;
        found = true;
        CHECK(r.printed == "太原市古交市桃园街道郝家庄社区养老幸福工");
        CHECK_FALSE(r.correction.empty());
        CHECK(s.projects[r.project].name == "太原市古交市桃园街道郝家庄社区养老幸福工程");
    }
    CHECK(found);
}

TEST_CASE("the 2023 program carries the plan's subsidy rule: 700 元/m², caps 2000 and 1500 m²", "[content]") {
    const auto* program = real_site().program(2023);
    REQUIRE(program != nullptr);
    REQUIRE(program->subsidy);
    CHECK(program->subsidy->rate_yuan_per_m2 == 700);
    CHECK(program->subsidy->cap_m2_district == 2000);
    CHECK(program->subsidy->cap_m2_other == 1500);
}

TEST_CASE("every document of the seeds is published with its number", "[content]") {
    const auto& s = real_site();
    CHECK(s.notice_index.count("jinminhan-2023-169") == 1);
    CHECK(s.notice_index.count("jinminfa-2023-7") == 1);
    CHECK(s.notice_index.count("changzhi-2023-minzheng-report") == 1);
    CHECK(s.reply_index.count("changminhan-2025-49") == 1);
    CHECK(s.reply_index.count("changminhan-2023-94") == 1);
    CHECK(s.notices[s.notice_index.at("jinminhan-2023-169")].doc_number == "晋民函〔2023〕169号");
    CHECK(s.replies[s.reply_index.at("changminhan-2023-94")].date == "2023-12-27");
}

TEST_CASE("the 2023 schedule quotes 晋民发〔2023〕7号 六 word for word, and no progress notice or score is invented", "[content]") {
    const auto& s = real_site();
    REQUIRE(s.schedules.size() == 1);
    const model::Schedule& schedule = s.schedules[0];
    CHECK(schedule.year == 2023);
    CHECK(schedule.source.value == "jinminfa-2023-7");
    const std::string seed = read_text(fixture("seeds/001_e55b586ccff1a522.txt"));
    REQUIRE(!seed.empty());
    const model::Document* plan = s.notice("jinminfa-2023-7");
    REQUIRE(plan != nullptr);
    REQUIRE(schedule.milestones.size() == 6);
    for (const auto& m : schedule.milestones) {
        INFO(m.id);
        CHECK(plan->body_markdown.find(m.quote) != std::string::npos);
        CHECK(seed.find(m.quote) != std::string::npos);
        CHECK(m.quote.find(m.printed) != std::string::npos);  // the deadline as printed is in the quote
        CHECK(m.paragraph.rfind("六（", 0) == 0);
    }
    CHECK(schedule.indicators.empty());  // the plan names 基础分、加分、扣分 but prints no indicator
    CHECK(s.progress.empty());
    CHECK(s.scores.empty());
}
