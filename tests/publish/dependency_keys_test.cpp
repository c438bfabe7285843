// Pages left unbuilt by their dependency keys (render/page_keys.h) equal a clean build after every kind of edit.
#include <catch2/catch.hpp>

#include "publish/incremental_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

// A project page unchanged in its dependency key is left alone without its view being built (render/page_keys.h).
// A key missing one input would publish a stale page: after each kind of edit a project page can see — its own
// file, a neighbour in its county, its ratings' list and notice, its facts' document, the site-wide files — the
// incremental build must equal a clean build of the same inputs.
TEST_CASE("pages left unbuilt by their dependency keys: after every kind of edit, equal to a clean build",
          "[incremental]") {
    Site s;
    const fs::path project = s.content / "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml";
    const fs::path neighbour = s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml";
    const fs::path other = s.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml";
    const std::string page = "projects/taiyuan-yingze-longchengxinyuan-2022/index.html";
    s.build();

    const std::vector<std::pair<const char*, std::function<void()>>> edits = {
        {"a project's own file", [&] { edit(project, "town: 郝庄镇", "town: 郝庄镇（测试）"); }},
        {"a new project in its county (a neighbour)", [&] { write_text(neighbour, new_project); }},
        {"the neighbour's name", [&] { edit(neighbour, "新建社区养老幸福工程", "新建社区养老幸福工程（更名）"); }},
        {"the neighbour moves to another county", [&] { edit(neighbour, "county: 迎泽区", "county: 清徐县"); }},
        {"the number of the notice rating it", [&] {
             edit(s.content / "notices/jinminhan-2023-169.md", "晋民函〔2023〕169号", "晋民函〔2023〕1690号");
         }},
        {"the date of the notice rating it", [&] {
             edit(s.content / "notices/jinminhan-2023-169.md", "year: 2023", "date: 2023-11-30\nyear: 2023");
         }},
        {"its rating's printed name", [&] {
             edit(s.content / "ratings/jinminhan-2023-169.yaml", "太原市迎泽区郝庄镇龙城新苑社区养老幸福工程",
                        "太原市迎泽区郝庄镇龙城新苑社区养老幸福工程（印）");
         }},
        {"a rating added to its neighbour", [&] {
             write_text(neighbour, new_project);
             const fs::path list = s.content / "ratings/jinminhan-2023-169.yaml";
             write_text(list, read_text(list) + new_rating_group);
         }},
        {"facts from a document", [&] {
             write_text(project, read_text(project) + "area_m2: 800\nfacts_source: jinminfa-2023-7\n");
         }},
        {"that document's number", [&] {
             edit(s.content / "notices/jinminfa-2023-7.md", "晋民发〔2023〕7号", "晋民发〔2023〕77号");
         }},
        {"its city's name in cities.yaml", [&] { edit(s.content / "cities.yaml", "name: 太原市", "name: 太原市（测试）"); }},
        {"a program's name in site.yaml", [&] {
             edit(s.content / "site.yaml", "name: 城镇社区养老幸福工程", "name: 城镇社区养老幸福工程（测试）");
         }},
        {"an unrelated project", [&] { edit(other, "town: 东湖街道", "town: 东湖街道（测试）"); }},
    };
    for (const auto& [what, edit] : edits) {
        INFO("edit: " << what);
        const auto before = read_tree(s.out);
        edit();
        std::string output;
        REQUIRE(run_gongshi(build_command(s.content, s.out, "--no-search -v", s.templates, s.assets), output) == 0);
        INFO(output);
        const auto after = read_tree(s.out);
        CHECK(without_log(after) == without_log(s.clean_build()));
        if (std::string(what) == "an unrelated project") {
            // Its own page is rebuilt and rewritten; this one is neither built nor touched.
            CHECK(differing(before, after).count(page) == 0);
            CHECK(differing(before, after).count("projects/taiyuan-qingxu-jinshatan-2023/index.html") == 1);
        } else {
            CHECK(differing(before, after).count(page) == 1);  // each edit shows on the page: the test has teeth
        }
    }
}

TEST_CASE("a verbose build counts the views built: an edit to one project leaves the other project pages unbuilt", "[incremental]") {
    Site s;
    s.build();
    const fs::path other = s.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml";
    edit(other, "town: 东湖街道", "town: 东湖街道（测试）");
    std::string all, one;
    REQUIRE(run_gongshi(build_command(s.content, s.out, "--no-search -v", s.templates, s.assets), one) == 0);
    // A clean build of the same inputs builds every view.
    REQUIRE(run_gongshi(build_command(s.content, s.dir.path() / "fresh", "--no-search -v", s.templates, s.assets), all) == 0);
    auto views = [](const std::string& out) {
        const size_t at = out.find("views built: ");
        REQUIRE(at != std::string::npos);
        return std::stoll(out.substr(at + 13));
    };
    INFO(one << all);
    // The other two projects' pages (in other counties: not its neighbours) are not built.
    CHECK(views(one) <= views(all) - 2);
}
