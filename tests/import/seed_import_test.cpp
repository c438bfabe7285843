// Importing the real notice 晋民函〔2023〕169号 gives back what was transcribed by hand: its 130 ratings with their
// groups, counts, ranks, printed texts and project ids, from its text, Word and PDF forms alike.
#include <catch2/catch.hpp>

#include <map>

#include "import/import_notice.h"
#include "import/import_support.h"
#include "load/load.h"

using namespace gongshi;
using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

const std::string truncated =
    "the name seems cut short: it ends in '养老幸福工', and reads whole as '太原市古交市桃园街道郝家庄社区养老幸福工程'";

// Imports the file into the content folder with --write --accept-uncertain; returns the error messages.
std::vector<std::string> import_and_write(const fs::path& file, const fs::path& content, const std::string& id = "") {
    diag::Diagnostics diags;
    const auto plan = importer::plan_import({file, content, id}, diags);
    REQUIRE(plan);
    REQUIRE(importer::write_plan(*plan, diags));
    std::vector<std::string> errors;
    for (const auto& d : diags.sorted())
        if (d.severity == diag::Severity::error) errors.push_back(diag::format(d));
    return errors;
}

}  // namespace

TEST_CASE("importing 169号 into content without its ratings reproduces the hand-made ratings file, 130 of 130",
          "[import]") {
    TempDir dir;
    const fs::path content = content_without(dir.path(), {"ratings/jinminhan-2023-169.yaml"});
    const auto errors = import_and_write(seed_169(), content);

    // The one uncertain spot: the truncated name, at its last character.
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == seed_169().generic_string() + ":69:24: error: " + truncated +
                           " — check the original; the ratings entry keeps the printed text and gets a correction to confirm");

    const auto expected = ratings_rows(source_dir() / "content", "jinminhan-2023-169");
    const auto imported = ratings_rows(content, "jinminhan-2023-169");
    REQUIRE(expected.size() == 130);
    CHECK(imported == expected);
    const std::string text = read_text(content / "ratings/jinminhan-2023-169.yaml");
    CHECK_THAT(text, Contains("correction: 待填写：印本名称末尾疑缺“程”字（截断）"));
    CHECK_THAT(text, Contains("# 待核对 / to check (line 69:24): the name seems cut short"));
    // The hand-made notice was there: kept as it was.
    CHECK(read_text(content / "notices/jinminhan-2023-169.md") ==
          read_text(source_dir() / "content/notices/jinminhan-2023-169.md"));
}

TEST_CASE("the notice record proposed from 169号 has the particulars and body of the hand-made one", "[import]") {
    TempDir dir;
    const fs::path content =
        content_without(dir.path(), {"ratings/jinminhan-2023-169.yaml", "notices/jinminhan-2023-169.md"});
    import_and_write(seed_169(), content);
    diag::Diagnostics diags;
    const model::Records imported = load::load_content(io::DiskFiles(), content, diags);
    const model::Records hand = load::load_content(io::DiskFiles(), source_dir() / "content", diags);
    const auto notice = [](const model::Records& r) {
        for (const auto& n : r.notices)
            if (n.id.value == "jinminhan-2023-169") return n;
        FAIL("no notice jinminhan-2023-169");
        return model::Document{};
    };
    const model::Document a = notice(imported), b = notice(hand);
    CHECK(a.doc_number == b.doc_number);
    CHECK(a.title == b.title);
    CHECK(a.issuer == b.issuer);
    CHECK(a.addressees == b.addressees);
    CHECK(a.kind == b.kind);
    CHECK(a.date == b.date);
    CHECK(a.year == b.year);
    CHECK(a.year_basis == b.year_basis);
    CHECK(a.disclosure == b.disclosure);
    CHECK(a.source_file == b.source_file);
    CHECK(a.body_markdown == b.body_markdown);
    CHECK(a.summary.empty());  // 待填写: a person writes it (the loader reports the placeholder)
    CHECK_THAT(read_text(content / "notices/jinminhan-2023-169.md"), Contains("summary: 待填写"));
}

TEST_CASE("169号 as a Word file (pandoc) and as a PDF (pdftotext -layout) imports to the same ratings", "[import]") {
    TempDir dir;
    const fs::path html = dir.path() / "notice.html";
    write_text(html, notice_html(read_text(seed_169())));
    const auto expected = ratings_rows(source_dir() / "content", "jinminhan-2023-169");
    for (const fs::path& file : {make_docx(html, dir.path()), make_pdf(html, dir.path())}) {
        INFO(file.filename());
        TempDir target;
        const fs::path content = content_without(target.path(), {"ratings/jinminhan-2023-169.yaml"});
        const auto errors = import_and_write(file, content, "jinminhan-2023-169");
        REQUIRE(errors.size() == 1);
        CHECK_THAT(errors[0], Contains(file.generic_string() + ":") && Contains(truncated));
        CHECK(ratings_rows(content, "jinminhan-2023-169") == expected);
    }
}

TEST_CASE("importing 169号 into content without 2022/2023 projects proposes 130 new projects in their cities and counties",
          "[import]") {
    TempDir dir;
    const fs::path content = content_without(dir.path(), {"projects", "ratings/jinminhan-2023-169.yaml"});
    const auto errors = import_and_write(seed_169(), content);
    CHECK(errors.size() == 1);  // the truncated name: its new record's name is left 待填写 with the reading

    diag::Diagnostics diags;
    const model::Records hand = load::load_content(io::DiskFiles(), source_dir() / "content", diags);
    const model::Records imported = load::load_content(io::DiskFiles(), content, diags);
    std::map<std::string, const model::Project*> by_name;
    for (const auto& p : hand.projects) by_name[p.name] = &p;

    REQUIRE(imported.projects.size() == 130);
    int same_place = 0, same_id = 0, unnamed = 0;
    for (const auto& p : imported.projects) {
        if (p.name.empty()) {  // the truncated one: 待填写（印作“…工”，疑为“…工程”）
            ++unnamed;
            CHECK(p.id.value == "taiyuan-gujiao-haojiazhuang-2023");
            continue;
        }
        const auto it = by_name.find(p.name);
        REQUIRE(it != by_name.end());
        const model::Project& h = *it->second;
        INFO(p.name);
        CHECK(p.city.value == h.city.value);
        CHECK(p.county.value == h.county.value);
        CHECK(p.town == h.town);
        CHECK(p.community == h.community);
        CHECK(p.year == h.year);
        same_place += p.city.value == h.city.value && p.county.value == h.county.value;
        same_id += p.id.value == h.id.value;
    }
    CHECK(unnamed == 1);
    CHECK(same_place == 129);
    CHECK(same_id == 128);  // lvliang-zhongyang-chengqu-2023 is proposed as …-zhongyangchengqu-2023
    // The ratings name the new projects: the same ids but the one proposed differently.
    auto rows = ratings_rows(content, "jinminhan-2023-169");
    int renamed = 0;
    for (auto& row : rows)
        if (const size_t at = row.find("lvliang-zhongyang-zhongyangchengqu-2023"); at != std::string::npos) {
            row.replace(at, std::string("lvliang-zhongyang-zhongyangchengqu-2023").size(), "lvliang-zhongyang-chengqu-2023");
            ++renamed;
        }
    CHECK(renamed == 1);
    CHECK(rows == ratings_rows(source_dir() / "content", "jinminhan-2023-169"));
}

TEST_CASE("the particulars of 晋民发〔2023〕7号 are read as transcribed, its date as printed 印发", "[import]") {
    TempDir dir;
    const fs::path content = content_without(dir.path(), {"notices/jinminfa-2023-7.md"});
    diag::Diagnostics diags;
    const auto plan = importer::plan_import({seed_7(), content, ""}, diags);
    REQUIRE(plan);
    CHECK(plan->notice_id == "jinminfa-2023-7");
    CHECK(plan->entries == 0);
    CHECK(plan->uncertain == 1);  // a plan lists no ratings
    REQUIRE(plan->files.size() == 1);
    write_text(plan->files[0].path, plan->files[0].text);
    const model::Records imported = load::load_content(io::DiskFiles(), content, diags);
    const model::Records hand = load::load_content(io::DiskFiles(), source_dir() / "content", diags);
    const auto notice = [](const model::Records& r) {
        for (const auto& n : r.notices)
            if (n.id.value == "jinminfa-2023-7") return n;
        FAIL("no notice jinminfa-2023-7");
        return model::Document{};
    };
    const model::Document a = notice(imported), b = notice(hand);
    CHECK(a.doc_number == b.doc_number);
    CHECK(a.title == b.title);
    CHECK(a.issuer == b.issuer);
    CHECK(a.addressees == b.addressees);
    CHECK(a.kind == b.kind);
    CHECK(a.date == b.date);
    CHECK(a.date_kind == b.date_kind);
    CHECK(a.year == b.year);
    CHECK(a.disclosure == b.disclosure);
    CHECK(a.source_file == b.source_file);
}
