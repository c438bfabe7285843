// A notice with the noise real extractions carry: full-width digits, spaces in headings, every numbering style,
// page numbers and blank lines from page breaks, a name split over two lines (once across a page break).
#include <catch2/catch.hpp>

#include "import/import_notice.h"
#include "import/import_support.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

// An example notice (示例) naming two existing 2023 projects and three made-up ones.
const char* const noisy_notice =
    "山西省民政厅文件\n"
    "晋民函〔2024〕７号\n"
    "山西省民政厅关于 2023 年城镇社区幸福养老\n"
    "提速工程评价结果（示例）的通知\n"
    "各市民政局：\n"
    "现将评价结果通知如下：\n"
    "一、2023 年城镇社区幸福养老提速工程\n"
    "（ 一 ） 优秀 等次 （ 共 ３ 家 ）\n"
    "１．太原市迎泽区文庙街道文庙社区幸福养老工程\n"
    "2、太原市杏花岭区巨轮街道程家村东社区\n"
    "养老幸福工程\n"
    "（3）大同市平城区示例街道示例\n"
    "\n"
    "- 2 -\n"
    "\f"
    "家园社区幸福养老工程\n"
    "(二)良好等次(共 2 家)\n"
    "- 1.晋城市城区南街办事处西巷社区 幸福养老工程\n"
    "\n"
    "2) 晋城市泽州县示例镇示例社区养老幸福工程\n"
    "\n"
    "二、工作要求\n"
    "请各市抓好落实。\n"
    "\n"
    "2024年1月5日\n";

}  // namespace

TEST_CASE("a noisy notice imports to clean groups, ranks, names and projects", "[import]") {
    TempDir dir;
    const fs::path content = content_without(dir.path(), {});
    const fs::path file = dir.path() / "notice.txt";
    write_text(file, noisy_notice);
    diag::Diagnostics diags;
    const auto plan = importer::plan_import({file, content, ""}, diags);
    REQUIRE(plan);
    INFO(diag::format_all(diags, plan->source_lines));
    CHECK(diags.error_count() == 0);
    CHECK(plan->notice_id == "jinminhan-2024-7");
    CHECK(plan->entries == 5);
    CHECK(plan->matched == 3);  // 文庙 (幸福养老 for 养老幸福), 程家村东 (split over two lines), 西巷 (a space in it)
    CHECK(diags.warning_count() == 2);  // the variant matched, and the disclosure not found
    CHECK(plan->new_projects == 2);
    REQUIRE(importer::write_plan(*plan, diags));

    const std::vector<std::string> rows = ratings_rows(content, "jinminhan-2024-7");
    const std::vector<std::string> expected{
        "2023 excellent 3 （一）优秀等次（共３家） | 1 taiyuan-yingze-wenmiao-2023 太原市迎泽区文庙街道文庙社区幸福养老工程",
        "2023 excellent 3 （一）优秀等次（共３家） | 2 taiyuan-xinghualing-chengjiacundong-2023 "
        "太原市杏花岭区巨轮街道程家村东社区养老幸福工程",
        "2023 excellent 3 （一）优秀等次（共３家） | 3 datong-pingcheng-shilijiayuan-2023 "
        "大同市平城区示例街道示例家园社区幸福养老工程",
        "2023 good 2 (二)良好等次(共2家) | 1 jincheng-chengqu-xixiang-2023 晋城市城区南街办事处西巷社区幸福养老工程",
        "2023 good 2 (二)良好等次(共2家) | 2 jincheng-zezhou-shili-2023 晋城市泽州县示例镇示例社区养老幸福工程",
    };
    CHECK(rows == expected);

    const std::string project = read_text(content / "projects/datong/datong-pingcheng-shilijiayuan-2023.yaml");
    CHECK(project.find("name: 大同市平城区示例街道示例家园社区幸福养老工程\n") != std::string::npos);
    CHECK(project.find("county: 平城区\n") != std::string::npos);
    CHECK(project.find("town: 示例街道\n") != std::string::npos);
    CHECK(project.find("community: 示例家园社区\n") != std::string::npos);

    const std::string notice = read_text(content / "notices/jinminhan-2024-7.md");
    CHECK(notice.find("doc_number: 晋民函〔2024〕７号\n") != std::string::npos);
    CHECK(notice.find("title: 山西省民政厅关于2023年城镇社区幸福养老提速工程评价结果（示例）的通知\n") != std::string::npos);
    CHECK(notice.find("issuer: 山西省民政厅\n") != std::string::npos);
    CHECK(notice.find("kind: 通知\n") != std::string::npos);
    CHECK(notice.find("date: 2024-01-05\n") != std::string::npos);
    CHECK(notice.find("disclosure: 待填写") != std::string::npos);  // not printed: never guessed
    CHECK(notice.find("---\n各市民政局：\n\n现将评价结果通知如下：\n\n<!-- gongshi:ratings -->\n\n## 二、工作要求\n\n"
                      "请各市抓好落实。\n\n2024年1月5日\n") != std::string::npos);
}
