// Stage 3 on its own: records loaded from a tree in memory (io::MemoryFiles), validated, made into the Site the
// views read. No binary, no disk.
#include <catch2/catch.hpp>

#include "io/input_files.h"
#include "load/load.h"
#include "model/as_of.h"
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

TEST_CASE("a page's data is as of the newest document it draws on; a year alone reads as that year", "[model]") {
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
