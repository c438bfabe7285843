// Stage 3 on its own: records loaded from a tree in memory (io::MemoryFiles), validated, made into the Site the
// views read. No binary, no disk.
#include <catch2/catch.hpp>

#include "io/input_files.h"
#include "load/load.h"
#include "model/as_of.h"
#include "model/change_summary.h"
#include "model/labels.h"
#include "model/site.h"
#include "test_support.h"
#include "validate/validate.h"

using namespace gongshi;
using gongshi::testing::fixture;
namespace fs = std::filesystem;

namespace {

// The good fixture, copied into memory under "content/".
io::MemoryFiles fixture_in_memory() {
    io::MemoryFiles files;
    for (const auto& e : fs::recursive_directory_iterator(fixture("good")))
        if (e.is_regular_file())
            files.add("content" / e.path().lexically_relative(fixture("good")), testing::read_text(e.path()));
    return files;
}

model::Site site_of(const io::MemoryFiles& files, bool drafts = false) {
    diag::Diagnostics diags;
    model::Records records = load::load_content(files, "content", diags);
    validate::validate(records, {drafts}, diags);
    INFO(diag::format_all(diags, files));
    REQUIRE_FALSE(diags.has_errors());
    return model::build_model(std::move(records), drafts);
}

const char* const draft_project = R"(id: datong-pingcheng-caogao-2023
name: 大同市平城区测试街道草稿社区养老幸福工程
year: 2023
city: datong
county: 平城区
draft: true
)";

}  // namespace

TEST_CASE("the model holds every published record, projects by id and documents newest first", "[model]") {
    const model::Site s = site_of(fixture_in_memory());
    REQUIRE(s.projects.size() == 3);
    CHECK(s.projects[0].id.value == "datong-pingcheng-boxue-2023");
    CHECK(s.projects[1].id.value == "taiyuan-qingxu-jinshatan-2023");
    CHECK(s.projects[2].id.value == "taiyuan-yingze-longchengxinyuan-2022");
    REQUIRE(s.notices.size() == 2);
    CHECK(s.notices[0].id.value == "jinminfa-2023-7");  // dated before undated: a year alone sorts as "2023-00-00"
    CHECK(s.notices[1].id.value == "jinminhan-2023-169");
    CHECK(s.replies.size() == 1);
    CHECK(s.project_at("taiyuan-qingxu-jinshatan-2023") == 1);
    CHECK(s.project_at("taiyuan-qingxu-jinshatan") == -1);
    CHECK(s.cities[static_cast<size_t>(s.city_of_project[0])].id == "datong");
}

TEST_CASE("ratings are indexed by project, notice and (year, tier), in printed order", "[model]") {
    const model::Site s = site_of(fixture_in_memory());
    REQUIRE(s.ratings.size() == 3);
    const auto good = model::TierIndex(1);
    CHECK(model::tier_name(s, good) == "良好");
    CHECK(model::tier_id(s, good) == "good");
    CHECK(s.rating_count(2023, good) == 2);
    CHECK(s.rating_count(2022, model::TierIndex(0)) == 1);
    CHECK(s.rating_count(2023, model::TierIndex(2)) == 0);
    const auto& listed = s.ratings_by_year_tier.at({2023, good});
    REQUIRE(listed.size() == 2);
    CHECK(s.ratings[static_cast<size_t>(listed[0])].rank == 1);
    CHECK(s.projects[static_cast<size_t>(s.ratings[static_cast<size_t>(listed[1])].project)].id.value ==
          "datong-pingcheng-boxue-2023");
    CHECK(s.ratings_of_notice[1].size() == 3);
    CHECK(s.ratings_of_notice[0].empty());
    CHECK(s.tier_order().size() == 3);
}

TEST_CASE("a draft is in the model only when drafts are asked for", "[model]") {
    io::MemoryFiles files = fixture_in_memory();
    files.add("content/projects/datong/datong-pingcheng-caogao-2023.yaml", draft_project);
    CHECK(site_of(files).projects.size() == 3);
    const model::Site with_drafts = site_of(files, true);
    CHECK(with_drafts.projects.size() == 4);
    CHECK(with_drafts.project_at("datong-pingcheng-caogao-2023") >= 0);
}

TEST_CASE("a page's data is as of the newest document it draws on — a year alone reads as that year", "[model]") {
    const model::Site s = site_of(fixture_in_memory());
    CHECK(model::AsOf().add(s.notices[0]).text() == "2023-01-16");
    CHECK(model::AsOf().add_all(s.notices).text() == "2023年");
    CHECK(model::AsOf().add_all(s.replies).text() == "2023-12-27");
    CHECK(model::AsOf().text().empty());
}

TEST_CASE("labels: a county the document does not name, a document without a number", "[model]") {
    model::Project p;
    CHECK(model::county_label(p) == "（文件未列明县区）");
    p.county.value = "迎泽区";
    CHECK(model::county_label(p) == "迎泽区");
    model::Document d;
    d.title = "关于某事的报道";
    CHECK(model::document_label(d) == "关于某事的报道");
    d.doc_number = "晋民函〔2023〕169号";
    CHECK(model::document_label(d) == "晋民函〔2023〕169号");
}

TEST_CASE("projects are sorted by id whatever order their files load in, each record whole", "[model]") {
    io::MemoryFiles files = fixture_in_memory();
    // 40 projects whose folders list them in an order unlike their ids' (folder k holds id 39 - k's project
    // interleaved with the fixture's): the sort must move every record, fields and all, to its id's place.
    for (int k = 0; k < 40; ++k) {
        const int n = (k * 17) % 40;  // a permutation of 0..39
        const std::string number = (n < 10 ? "0" : "") + std::to_string(n);
        const std::string id = "datong-pingcheng-paixu" + number + "-2023";
        files.add("content/projects/f" + std::to_string(39 - k) + "/" + id + ".yaml",
                  "id: " + id + "\nname: 大同市平城区排序" + number + "社区养老幸福工程\nyear: 2023\ncity: datong\n" +
                      "county: 平城区\ncommunity: 排序" + number + "社区\n");
    }
    const model::Site s = site_of(files);
    REQUIRE(s.projects.size() == 43);
    for (size_t i = 1; i < s.projects.size(); ++i) CHECK(s.projects[i - 1].id.value < s.projects[i].id.value);
    for (const model::Project& p : s.projects) {
        if (p.id.value.find("paixu") == std::string::npos) continue;
        const std::string number = p.id.value.substr(p.id.value.find("paixu") + 5, 2);
        CHECK(p.name == "大同市平城区排序" + number + "社区养老幸福工程");  // its own name, not a neighbour's
        CHECK(p.community == "排序" + number + "社区");
    }
    CHECK(s.project_at("datong-pingcheng-paixu07-2023") >= 0);
}

TEST_CASE("comparing two builds' summaries names what was added, renamed, re-rated and removed", "[model]") {
    const model::Site s = site_of(fixture_in_memory());
    model::ModelSummary before, after;
    before.projects = {{"a-1", "甲"}, {"b-2", "乙"}, {"c-3", "丙"}};
    after.projects = {{"a-1", "甲"}, {"b-2", "乙（改）"}, {"d-4", "丁"}};
    before.documents = {{"/notices/n1/", "通知一"}, {"/notices/n2/", "通知二"}};
    after.documents = {{"/notices/n0/", "通知零"}, {"/notices/n1/", "通知一"}};
    before.ratings = {{"n1 a-1 2023", "good"}, {"n1 b-2 2023", "good"}, {"n1 c-3 2023", "excellent"}};
    after.ratings = {{"n1 a-1 2023", "good"}, {"n1 b-2 2023", "excellent"}, {"n2 d-4 2024", "qualified"}};
    const model::ChangeSet c = model::compare_summaries(&before, after, s);
    CHECK(c.compared);
    REQUIRE(c.documents_added.size() == 1);
    CHECK(c.documents_added[0].url == "/notices/n0/");
    REQUIRE(c.projects_added.size() == 1);
    CHECK(c.projects_added[0].url == "/projects/d-4/");
    REQUIRE(c.projects_renamed.size() == 1);
    CHECK(c.projects_renamed[0].text == "乙 → 乙（改）");
    REQUIRE(c.ratings_added.size() == 1);
    CHECK(c.ratings_added[0].text == "丁：2024年达标（n2）");
    REQUIRE(c.ratings_changed.size() == 1);
    CHECK(c.ratings_changed[0].text == "乙（改）：2023年由良好改为优秀（n1）");
    REQUIRE(c.removed.size() == 3);  // documents, then projects, then ratings
    CHECK(c.removed[0].text == "公文：通知二");
    CHECK(c.removed[1].text == "项目：丙");
    CHECK(c.removed[2].text == "评价：n1 c-3 2023 excellent");
    CHECK(model::compare_summaries(nullptr, after, s).compared == false);
}
