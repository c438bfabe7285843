// `gongshi new`: scaffolds that check cannot pass until filled, pass once filled, and never overwrite.
#include <catch2/catch.hpp>
#include <regex>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Fills every placeholder line of a scaffold as a person would: `key: 待填写` → `key: <value for that key>`.
void fill(const fs::path& file, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string text = read_text(file);
    for (const auto& [key, value] : values) {
        const std::regex line("(^|\\n)(\\s*-?\\s*" + key + ": )\"?待填写\"?");
        REQUIRE(std::regex_search(text, line));
        text = std::regex_replace(text, line, "$1$2" + value, std::regex_constants::format_first_only);
    }
    const std::string body_mark = "待填写：";
    if (const size_t at = text.find(body_mark); at != std::string::npos) text.replace(at, body_mark.size(), "正文：");
    REQUIRE(text.find("待填写") == std::string::npos);
    write_text(file, text);
}

}  // namespace

TEST_CASE("new notice, ratings and project scaffolds are rejected until filled, then pass check", "[new]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    const std::string c = " --content " + content.string();
    std::string out;
    REQUIRE(run_gongshi("new notice jinminhan-2024-12 --doc-number 晋民函〔2024〕12号 --date 2024-12-20" + c, out) == 0);
    CHECK_THAT(out, Contains("created ") && Contains("notices/jinminhan-2024-12.md"));
    REQUIRE(run_gongshi("new project taiyuan-qingxu-xinjian-2023 --city taiyuan --county 清徐县 --year 2023" + c, out) == 0);
    REQUIRE(run_gongshi("new ratings jinminhan-2024-12 --year 2023" + c, out) == 0);
    REQUIRE(run_gongshi("new reply changminhan-2024-7 --city taiyuan --date 2024-05-01 --doc-number 并民函〔2024〕7号" + c, out) == 0);

    const fs::path notice = content / "notices/jinminhan-2024-12.md";
    const fs::path project = content / "projects/taiyuan/taiyuan-qingxu-xinjian-2023.yaml";
    const fs::path ratings = content / "ratings/jinminhan-2024-12.yaml";
    const fs::path reply = content / "replies/changminhan-2024-7.md";
    // Every field is explained in both languages.
    for (const auto& f : {notice, project, ratings, reply}) {
        const std::string text = read_text(f);
        CHECK(count(text, "# ") >= 5);
        CHECK_THAT(text, Contains(" / "));
    }
    CHECK_THAT(read_text(notice), Contains("doc_number: 晋民函〔2024〕12号") && Contains("date: 2024-12-20") &&
                                      Contains("year: 2024"));

    // Unfilled: check fails, each placeholder located.
    CHECK(run_gongshi("check" + c, out) == 1);
    CHECK_THAT(out, Contains("notices/jinminhan-2024-12.md:5:8: error: field 'title' of notice still holds the placeholder"));
    CHECK_THAT(out, Contains("ratings/jinminhan-2024-12.yaml:17:18: error: field 'project' of rating entry still holds"));
    CHECK_THAT(out, Contains("the text still holds the placeholder"));
    CHECK(count(out, "placeholder 待填写") >= 12);

    // A build refuses too, and publishes nothing.
    CHECK(run_gongshi("build --no-search --out " + (dir.path() / "site").string() + c + " --templates " +
                      (source_dir() / "templates").string() + " --assets " + (source_dir() / "assets").string(),
                  out) == 1);
    CHECK_FALSE(fs::exists(dir.path() / "site"));

    fill(notice, {{"title", "山西省民政厅关于2024年测试工程的通报"}, {"disclosure", "主动公开"}, {"source_file", "test-2024.txt"},
                  {"summary", "测试摘要。"}});
    fill(project, {{"name", "太原市清徐县新建社区养老幸福工程"}, {"town", "清源镇"}, {"community", "新建社区"}});
    fill(ratings, {{"heading", "（一）优秀等次（共1家）"}, {"project", "taiyuan-qingxu-xinjian-2023"},
                   {"printed", "太原市清徐县新建社区养老幸福工程"}});
    fill(reply, {{"title", "关于测试建议的答复"}, {"issuer", "太原市民政局"}, {"addressee", "某代表"}, {"number", "\"123\""},
                 {"session", "市人大十六届三次会议"}, {"title", "关于测试的建议"}, {"proposer", "某代表"},
                 {"disclosure", "主动公开"}, {"name", "张三"}, {"contact", "联系电话：1234567"},
                 {"source_file", "reply.txt"}, {"summary", "答复摘要。"}});
    INFO(read_text(reply));
    const int status = run_gongshi("check" + c, out);
    INFO(out);
    CHECK(status == 0);
    CHECK_THAT(out, Contains("content OK") && Contains("documents: 3 notices, 2 replies") &&
                        Contains("2023: 优秀 1 良好 2"));
}

TEST_CASE("new refuses to overwrite an existing record and leaves it untouched", "[new]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    const std::string c = " --content " + content.string();
    const fs::path existing = content / "notices/jinminhan-2023-169.md";
    const std::string before = read_text(existing);
    std::string out;
    CHECK(run_gongshi("new notice jinminhan-2023-169" + c, out) == 1);
    CHECK_THAT(out, Contains("jinminhan-2023-169.md: error: a record already exists here; nothing was written"));
    CHECK(read_text(existing) == before);

    const fs::path project = content / "projects/datong/datong-pingcheng-boxue-2023.yaml";
    const std::string project_before = read_text(project);
    CHECK(run_gongshi("new project datong-pingcheng-boxue-2023 --city datong --county 平城区 --year 2023" + c, out) == 1);
    CHECK_THAT(out, Contains("datong/datong-pingcheng-boxue-2023.yaml: error: a project with id "
                             "'datong-pingcheng-boxue-2023' already exists; nothing was written"));
    // The same id in another city's folder: a different file, but ids are unique across the site.
    CHECK(run_gongshi("new project datong-pingcheng-boxue-2023 --city taiyuan --year 2023" + c, out) == 1);
    CHECK_THAT(out, Contains("datong/datong-pingcheng-boxue-2023.yaml: error: a project with id "
                             "'datong-pingcheng-boxue-2023' already exists; nothing was written"));
    CHECK_FALSE(fs::exists(content / "projects/taiyuan/datong-pingcheng-boxue-2023.yaml"));
    CHECK(read_text(project) == project_before);
}

TEST_CASE("new rejects a bad id, an unknown city or county and a year without a program, with a suggestion", "[new]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    const std::string c = " --content " + content.string();
    std::string out;
    CHECK(run_gongshi("new notice ../../etc" + c, out) == 1);
    CHECK_THAT(out, Contains("is not lowercase ASCII"));
    CHECK(run_gongshi("new notice jinminhan-2024-1 --date 2024-02-30" + c, out) == 1);
    CHECK_THAT(out, Contains("not a real date"));
    CHECK(run_gongshi("new project taiyuan-x-2023 --city taiyaun --year 2023" + c, out) == 1);
    CHECK_THAT(out, Contains("did you mean 'taiyuan'?"));
    CHECK(run_gongshi("new project taiyuan-x-2023 --city taiyuan --county 迎泽 --year 2023" + c, out) == 1);
    CHECK_THAT(out, Contains("did you mean '迎泽区'?"));
    CHECK(run_gongshi("new project taiyuan-x-2024 --city taiyuan --county 迎泽区 --year 2024" + c, out) == 1);
    CHECK_THAT(out, Contains("program year 2024 is not in site.yaml's programs"));
    CHECK_FALSE(fs::exists(content / "projects/taiyuan/taiyuan-x-2023.yaml"));
    CHECK_FALSE(fs::exists(content / "projects/taiyuan/taiyuan-x-2024.yaml"));
}
