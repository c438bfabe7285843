// Bad input to `gongshi import notice`: every case exits 1 with errors at the source's line and column, and
// writes nothing even when --write is given.
#include <catch2/catch.hpp>

#include "import/import_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

// A made-up notice (示例) of two entries; `heading` and `second` vary per case.
std::string example_notice(const std::string& heading, const std::string& second) {
    return "山西省民政厅\n"                                                         // 1
           "\n"                                                                      // 2
           "晋民函〔2024〕12号\n"                                                    // 3
           "\n"                                                                      // 4
           "山西省民政厅关于2023年城镇社区幸福养老提速工程评价结果（示例）的通报\n"  // 5
           "\n"                                                                      // 6
           "各市民政局：\n"                                                          // 7
           "\n"                                                                      // 8
           "现将评价结果通报如下：\n"                                                // 9
           "\n"                                                                      // 10
           "一、2023年城镇社区幸福养老提速工程\n"                                    // 11
           "\n"                                                                      // 12
           + heading + "\n"                                                          // 13
           "\n"                                                                      // 14
           "1. 太原市迎泽区文庙街道文庙社区养老幸福工程\n"                           // 15
           "2. " + second + "\n"                                                     // 16
           "\n"
           "(依申请公开)\n";
}

struct Outcome {
    int status = 0;
    std::string output;
    bool content_unchanged = false;
};

// Runs `gongshi import notice FILE --write` on a copy of content/ and tells whether the copy changed.
Outcome import_with_write(const std::string& file_name, const std::string& bytes) {
    TempDir dir;
    const fs::path content = content_without(dir.path(), {});
    const auto before = read_tree(content);
    const fs::path file = dir.path() / file_name;
    write_text(file, bytes);
    Outcome o;
    o.status = run_gongshi("import notice " + file.string() + " --content " + content.string() + " --write", o.output,
                           dir.path());
    o.content_unchanged = read_tree(content) == before;
    // Messages name the file as given: show it as its name only.
    for (size_t at = o.output.find(file.string()); at != std::string::npos; at = o.output.find(file.string()))
        o.output.replace(at, file.string().size(), file_name);
    return o;
}

}  // namespace

TEST_CASE("an empty file is an error at its first line, and nothing is written", "[import]") {
    const Outcome o = import_with_write("notice.txt", "\n \n");
    CHECK(o.status == 1);
    CHECK_THAT(o.output, Contains("notice.txt:1:1: error: the file is empty: there is no notice to read — give the "
                                  "notice's file, or paste its text into a .txt file"));
    CHECK(o.content_unchanged);
}

TEST_CASE("a binary file is an error at its first byte that is not text, and nothing is written", "[import]") {
    const Outcome o = import_with_write("notice.txt", std::string("abc\ndef\0\x01\x02", 10));
    CHECK(o.status == 1);
    CHECK_THAT(o.output, Contains("notice.txt:2:4: error: the file is not UTF-8 text (byte 0x00, a binary file)"));
    CHECK(o.content_unchanged);
}

TEST_CASE("a notice without ratings lists is an error, and nothing is written", "[import]") {
    const Outcome o = import_with_write("notice.txt", "山西省民政厅\n\n晋民函〔2024〕12号\n\n山西省民政厅关于示例的通知\n\n"
                                                      "各市民政局：\n\n现将有关事项通知如下。\n");
    CHECK(o.status == 1);
    CHECK_THAT(o.output, Contains("notice.txt:1:1: error: found no ratings lists: no tier heading such as "
                                  "（一）优秀等次（共20家） followed by numbered names"));
    CHECK(o.content_unchanged);
}

TEST_CASE("a heading whose count is one more than its entries is an error at the count", "[import]") {
    const Outcome o = import_with_write(
        "notice.txt", example_notice("（一）优秀等次（共3家）", "大同市平城区示例街道示例社区养老幸福工程"));
    CHECK(o.status == 1);
    CHECK_THAT(o.output, Contains("notice.txt:13:10: error: the heading declares 3, but 2 entries follow — compare "
                                  "the list with the original: an entry may be missing, or the count misprinted"));
    CHECK_THAT(o.output, Contains("   13 | （一）优秀等次（共3家）\n      |" + std::string(19, ' ') + "^"));
    CHECK_THAT(o.output, Contains("nothing written: settle the uncertain spots above"));
    CHECK(o.content_unchanged);
}

TEST_CASE("a name whose county belongs to another city is an error at the county, with the nearest spellings",
          "[import]") {
    const Outcome o = import_with_write(
        "notice.txt", example_notice("（一）优秀等次（共2家）", "太原市平城区示例街道示例社区养老幸福工程"));
    CHECK(o.status == 1);
    CHECK_THAT(o.output, Contains("notice.txt:16:7: error: '平城区' is not a county or zone of 太原市 (it is a county "
                                  "of 大同市) — write the county as cities.yaml names it (e.g. 迎泽区), or add a "
                                  "development zone there; with --accept-uncertain the county is left 待填写 for you"));
    CHECK(o.content_unchanged);
}

TEST_CASE("a misspelt county is an error with the nearest spelling of its city", "[import]") {
    const Outcome o = import_with_write(
        "notice.txt", example_notice("（一）优秀等次（共2家）", "大同市平成区示例街道示例社区养老幸福工程"));
    CHECK(o.status == 1);
    CHECK_THAT(o.output, Contains("notice.txt:16:7: error: '平成区' is not a county or zone of 大同市 (cities.yaml does "
                                  "not list it) — did you mean '平城区'?"));
    CHECK(o.content_unchanged);
}

TEST_CASE("a PDF without pdftotext installed is an error naming Debian's package", "[import]") {
    TempDir dir;
    const fs::path pdf = dir.path() / "notice.pdf";
    write_text(pdf, "%PDF-1.4\n");
    std::string out;
    const int rc = run_command("PATH=/nonexistent " + std::string(GONGSHI_BINARY) + " import notice " + pdf.string() +
                                   " --content " + (source_dir() / "content").string(),
                               out);
    CHECK(rc == 1);
    CHECK_THAT(out, Contains("error: reading this file needs the program 'pdftotext', which is not installed — install "
                             "Debian's package poppler-utils (sudo apt-get install poppler-utils)"));
}

TEST_CASE("with --write --accept-uncertain the records are written with each uncertain spot marked", "[import]") {
    TempDir dir;
    const fs::path content = content_without(dir.path(), {});
    const fs::path file = dir.path() / "notice.txt";
    write_text(file, example_notice("（一）优秀等次（共3家）", "太原市平城区示例街道示例社区养老幸福工程"));
    std::string out;
    CHECK(run_gongshi("import notice " + file.string() + " --content " + content.string() + " --write --accept-uncertain",
                      out) == 0);
    INFO(out);
    const std::string ratings = read_text(content / "ratings/jinminhan-2024-12.yaml");
    CHECK_THAT(ratings, Contains("  # 待核对 / to check (line 13:10): the heading declares 3, but 2 entries follow\n"
                                 "  - year: 2023\n    tier: excellent\n    declared: 3\n"));
    CHECK_THAT(ratings, Contains("        project: taiyuan-shili-2023\n"
                                 "        printed: 太原市平城区示例街道示例社区养老幸福工程\n"));
    const std::string project = read_text(content / "projects/taiyuan/taiyuan-shili-2023.yaml");
    CHECK_THAT(project, Contains("# 待核对 / to check (line 16:7): '平城区' is not a county or zone of 太原市"));
    CHECK_THAT(project, Contains("county: 待填写\n"));
    // `check` refuses the marked records until they are finished.
    CHECK(run_gongshi("check --content " + content.string(), out) == 1);
    CHECK_THAT(out, Contains("still holds the placeholder 待填写"));
}

TEST_CASE("an entry naming two projects is an error listing both candidates", "[import]") {
    TempDir dir;
    const fs::path content = content_without(dir.path(), {});
    const std::string twin = read_text(content / "projects/taiyuan/taiyuan-yingze-wenmiao-2023.yaml");
    write_text(content / "projects/taiyuan/taiyuan-yingze-wenmiaoer-2023.yaml",
               "id: taiyuan-yingze-wenmiaoer-2023" + twin.substr(twin.find('\n')));
    const auto before = read_tree(content);
    const fs::path file = dir.path() / "notice.txt";
    write_text(file, example_notice("（一）优秀等次（共2家）", "大同市平城区示例街道示例社区养老幸福工程"));
    std::string out;
    CHECK(run_gongshi("import notice " + file.string() + " --content " + content.string() + " --write", out) == 1);
    CHECK_THAT(out, Contains(file.string() + ":15:4: error: the name matches 2 projects: taiyuan-yingze-wenmiao-2023 (") &&
                        Contains("), taiyuan-yingze-wenmiaoer-2023 (") &&
                        Contains("write the right project id in the ratings file"));
    CHECK(read_tree(content) == before);
}
