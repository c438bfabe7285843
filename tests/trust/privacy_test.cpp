// Privacy: what is in a `private` field never reaches any output, and a draft of any kind reaches the output
// only with --drafts. Every file under site/ is searched, the search index decompressed.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "trust/trust_support.h"

using namespace gongshi::testing;
using gongshi::trust::build_args;
using gongshi::trust::files_containing;
using gongshi::trust::has_crash_report;
using gongshi::trust::run_in;

namespace {

const std::string private_canary = "PRIVATE-CANARY-7f3a";
const std::vector<std::string> draft_canaries = {"DRAFT-CANARY-PROJECT", "DRAFT-CANARY-NOTICE", "DRAFT-CANARY-RATINGS",
                                                 "DRAFT-CANARY-REPLY", "DRAFT-CANARY-TASKS"};

// The good fixture with the canary in every private field (nested too) and one draft of every record kind.
fs::path write_content(const fs::path& dir) {
    const fs::path c = copy_fixture("good", dir);
    const std::string private_block = "private:\n  contact: 张三 " + private_canary + "\n  phones: [\"0351-" +
                                      private_canary + "\"]\n  notes:\n    visit: " + private_canary + "\n";
    for (const char* p : {"projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml",
                          "projects/datong/datong-pingcheng-boxue-2023.yaml"})
        write_text(c / p, read_text(c / p) + private_block);
    edit(c / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml", "  contact: PRIVATE-CANARY-0001\n",
         "  contact: " + private_canary + "\n");
    write_text(c / "projects/taiyuan/taiyuan-yingze-draft-2023.yaml",
               "id: taiyuan-yingze-draft-2023\nname: 太原市迎泽区DRAFT-CANARY-PROJECT社区养老幸福工程\nyear: 2023\n"
               "city: taiyuan\ncounty: 迎泽区\naliases: [taiyuan-yingze-draft-old-2023]\n" +
                   private_block + "draft: true\n");
    write_text(c / "notices/jinminhan-2024-1.md",
               "---\ndoc_number: 晋民函〔2024〕1号\ntitle: DRAFT-CANARY-NOTICE 通报\nissuer: 山西省民政厅\nkind: 通报\n"
               "year: 2024\ndisclosure: 主动公开\nsource_file: draft.txt\nsummary: DRAFT-CANARY-NOTICE 摘要。\n"
               "draft: true\n---\nDRAFT-CANARY-NOTICE 正文。\n\n<!-- gongshi:ratings -->\n");
    write_text(c / "ratings/jinminhan-2024-1.yaml",
               "notice: jinminhan-2024-1\ngroups:\n  - year: 2023\n    tier: excellent\n    declared: 1\n"
               "    heading: DRAFT-CANARY-RATINGS（共1家）\n    entries:\n      - rank: 1\n"
               "        project: taiyuan-yingze-draft-2023\n        printed: DRAFT-CANARY-RATINGS 项目\ndraft: true\n");
    write_text(c / "replies/changminhan-2024-2.md",
               "---\ndoc_number: 长民函〔2024〕2号\ntitle: DRAFT-CANARY-REPLY 答复\nissuer: 长治市民政局\ncity: datong\n"
               "addressee: 代表\nmotion:\n  kind: 建议\n  number: \"2\"\n  title: 建议\n  proposer: 代表\nyear: 2024\n"
               "disclosure: 主动公开\nsource_file: draft.txt\nsummary: DRAFT-CANARY-REPLY 摘要。\ndraft: true\n---\n"
               "DRAFT-CANARY-REPLY 正文。\n");
    write_text(c / "tasks/2022.yaml",
               "year: 2022\nsource: jinminfa-2023-7\ntitle: DRAFT-CANARY-TASKS 任务表\ndeclared_total: 1\nrows:\n"
               "  - city: taiyuan\n    tasks: 1\n    uncovered: []\ndraft: true\n");
    return c;
}

}  // namespace

TEST_CASE("private fields never reach the site, and drafts reach it only with --drafts", "[trust][privacy]") {
    TempDir work;
    write_content(work.path());

    const auto published = run_in(work.path(), build_args("content", "site"));
    INFO(published.output);
    REQUIRE(published.status == 0);
    CHECK_FALSE(has_crash_report(published.output));
    const fs::path site = work.path() / "site";
    REQUIRE(read_tree(site).size() > 20);
    CHECK(files_containing(site, private_canary) == std::vector<std::string>{});
    for (const auto& canary : draft_canaries) {
        INFO(canary);
        CHECK(files_containing(site, canary) == std::vector<std::string>{});
    }
    // No trace of the draft's ids either (pages, redirects, sitemap, data, search index).
    CHECK(files_containing(site, "taiyuan-yingze-draft") == std::vector<std::string>{});
    CHECK(files_containing(site, "jinminhan-2024-1") == std::vector<std::string>{});
    CHECK(files_containing(site, "changminhan-2024-2") == std::vector<std::string>{});
    CHECK_FALSE(fs::exists(site / "tasks/2022"));
    // Beside the site, the build cache holds nothing private either.
    CHECK(read_text(work.path() / "site.cache").find(private_canary) == std::string::npos);

    // The same search finds each draft once drafts are asked for: the checks above can fail.
    const auto with_drafts = run_in(work.path(), build_args("content", "drafts", {"--drafts"}));
    INFO(with_drafts.output);
    REQUIRE(with_drafts.status == 0);
    const fs::path drafts = work.path() / "drafts";
    for (const auto& canary : draft_canaries) {
        INFO(canary);
        CHECK_FALSE(files_containing(drafts, canary).empty());
    }
    CHECK(files_containing(drafts, "DRAFT-CANARY-PROJECT").size() >= 3);  // its page, lists, data
    CHECK(read_tree(drafts).count("projects/taiyuan-yingze-draft-2023/index.html") == 1);
    CHECK(read_tree(drafts).count("projects/taiyuan-yingze-draft-old-2023/index.html") == 1);
    CHECK(read_tree(drafts).count("tasks/2022/index.html") == 1);
    // …and private fields stay out even then.
    CHECK(files_containing(drafts, private_canary) == std::vector<std::string>{});
}

TEST_CASE("a published record cannot cite a draft document", "[trust][privacy][validate]") {
    TempDir work;
    const fs::path c = write_content(work.path());
    edit(c / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml", "facts_source: jinminfa-2023-7",
         "facts_source: jinminhan-2024-1");
    CHECK(check_errors(c) ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml:9:15: error: project "
                                   "facts_source names document 'jinminhan-2024-1', which is a draft — publish the "
                                   "document (remove 'draft: true') or build with --drafts"});
    CHECK(check_errors(c, true).empty());
}
