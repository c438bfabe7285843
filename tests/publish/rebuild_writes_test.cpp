// Incremental builds: an unchanged page is neither re-rendered nor re-written (same inode, same modification
// time), and a change re-writes exactly the files whose bytes change.
#include <catch2/catch.hpp>

#include <regex>

#include "publish/incremental_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

TEST_CASE("a rebuild with nothing changed writes no file", "[incremental]") {
    Site s;
    CHECK_THAT(s.build(), Contains("full"));
    const auto ids = identities(s.out);
    const auto bytes = read_tree(s.out);
    CHECK_THAT(s.build(), Contains("is up to date") && Contains("0 files written"));
    CHECK(identities(s.out) == ids);

    // Touching every input (new modification times, same bytes) goes through the whole render, still writing nothing:
    // not even the changes log, which keeps describing the last build that changed something.
    for (const auto& e : fs::recursive_directory_iterator(s.content))
        if (e.is_regular_file()) fs::last_write_time(e.path(), fs::file_time_type::clock::now());
    CHECK_THAT(s.build(), Contains("0 files written") && Contains("incremental") && Contains("changes: none"));
    CHECK(identities(s.out) == ids);
    CHECK(read_tree(s.out) == bytes);
}

TEST_CASE("adding one rating rewrites exactly the files it changes, and equals a clean build", "[incremental]") {
    Site s;
    write_text(s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml", new_project);
    s.build();
    const auto ids = identities(s.out);
    const auto bytes = read_tree(s.out);

    write_text(s.content / "ratings/jinminhan-2023-169.yaml",
               read_text(s.content / "ratings/jinminhan-2023-169.yaml") + new_rating_group);
    const std::string output = s.build();
    CHECK_THAT(output, Contains("incremental") && Contains("1 ratings added"));
    const auto after = read_tree(s.out);

    // No page left stale, no page written for nothing.
    CHECK(without_log(after) == without_log(s.clean_build()));
    std::set<std::string> expected = differing(bytes, after);
    CHECK(rewritten(ids, identities(s.out)) == expected);

    // The pages a rating belongs on are among them; pages it has nothing to do with are not.
    for (const char* page : {"projects/taiyuan-yingze-qiaodong-2023/index.html", "notices/jinminhan-2023-169/index.html",
                             "cities/taiyuan/index.html", "tasks/2023/index.html", "ratings/2023/excellent/index.html",
                             "index.html", "data/ratings.csv", "data/ratings.json", "changes/index.html"})
        CHECK(expected.count(page) == 1);
    for (const char* page : {"projects/datong-pingcheng-boxue-2023/index.html", "cities/datong/index.html",
                             "notices/jinminfa-2023-7/index.html", "replies/changminhan-2023-94/index.html",
                             "404.html", "robots.txt", "sitemap.xml"})
        CHECK(expected.count(page) == 0);
    CHECK_THAT(after.at("changes/index.html"), Contains("新增评价") && Contains("taiyuan-yingze-qiaodong-2023"));
}

TEST_CASE("a new, later notice dates only the pages it touches: no site-wide date in every footer", "[incremental]") {
    Site s;
    s.build();
    const auto ids = identities(s.out);
    const auto bytes = read_tree(s.out);
    CHECK_THAT(bytes.at("projects/taiyuan-yingze-longchengxinyuan-2022/index.html"), Contains("本页数据更新至 2023年。"));

    write_text(s.content / "notices/jinminhan-2024-88.md",
               "---\ndoc_number: 晋民函〔2024〕88号\ntitle: 第二份测试通报\nissuer: 山西省民政厅\naddressees: [各市民政局]\n"
               "kind: 通报\ndate: 2024-05-06\nyear: 2024\ndisclosure: 主动公开\nsource_file: test2.txt\n"
               "summary: 第二份测试通报摘要。\n---\n正文。\n\n<!-- gongshi:ratings -->\n");
    write_text(s.content / "ratings/jinminhan-2024-88.yaml",
               "notice: jinminhan-2024-88\ngroups:\n  - year: 2022\n    tier: good\n    declared: 1\n"
               "    heading: （一）良好等次（共1家）\n    entries:\n      - rank: 1\n"
               "        project: taiyuan-yingze-longchengxinyuan-2022\n"
               "        printed: 太原市迎泽区郝庄镇龙城新苑社区养老幸福工程\n");
    s.build();
    const auto after = read_tree(s.out);
    CHECK(without_log(after) == without_log(s.clean_build()));
    const std::set<std::string> changed = differing(bytes, after);
    CHECK(rewritten(ids, identities(s.out)) == changed);

    // The rated project, its city and the site-wide pages take the new notice's date ...
    CHECK_THAT(after.at("projects/taiyuan-yingze-longchengxinyuan-2022/index.html"),
               Contains("本页数据更新至 2024-05-06。") && Contains("来源：晋民函〔2024〕88号，2024-05-06。"));
    CHECK_THAT(after.at("cities/taiyuan/index.html"), Contains("本页数据更新至 2024-05-06。"));
    CHECK_THAT(after.at("index.html"), Contains("本页数据更新至 2024-05-06。"));
    CHECK_THAT(after.at("notices/jinminhan-2024-88/index.html"), Contains("本页数据更新至 2024-05-06。"));
    // ... and pages the notice has nothing to do with are not rewritten (their footers keep their own dates).
    for (const char* page : {"projects/datong-pingcheng-boxue-2023/index.html",
                             "projects/taiyuan-qingxu-jinshatan-2023/index.html", "cities/datong/index.html",
                             "notices/jinminfa-2023-7/index.html", "notices/jinminhan-2023-169/index.html",
                             "replies/changminhan-2023-94/index.html", "replies/index.html",
                             "tasks/2023/index.html", "404.html"}) {
        INFO(page);
        CHECK(changed.count(page) == 0);
    }
    CHECK_THAT(after.at("replies/changminhan-2023-94/index.html"), Contains("本页数据更新至 2023-12-27。"));
}

TEST_CASE("a changed template re-renders the pages that use it, and only those", "[incremental]") {
    Site s;
    s.build();
    const auto ids = identities(s.out);
    const auto bytes = read_tree(s.out);
    const std::string text = read_text(s.templates / "project.mustache");
    write_text(s.templates / "project.mustache", text + "<p>模板已修改</p>\n");
    s.build();
    const auto changed = rewritten(ids, identities(s.out));
    std::set<std::string> projects;
    for (const auto& [path, page] : bytes)  // project pages (the old URLs of aliases are redirects, not project pages)
        if (path.rfind("projects/", 0) == 0 && path != "projects/index.html" &&
            page.find("http-equiv=\"refresh\"") == std::string::npos)
            projects.insert(path);
    std::set<std::string> expected = projects;
    expected.insert({"changes/index.html", "SHA256SUMS", "manifest.json"});
    CHECK(projects.size() == 3);
    CHECK(changed == expected);
    for (const auto& p : projects) CHECK_THAT(read_text(s.out / p), Contains("模板已修改"));
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
}

TEST_CASE("a changed asset gets a new fingerprinted name and every page that links it is rewritten", "[incremental]") {
    Site s;
    s.build();
    const auto before = read_tree(s.out);
    write_text(s.assets / "style.css", read_text(s.assets / "style.css") + "\n/* changed */\n");
    s.build();
    const auto after = read_tree(s.out);
    CHECK(without_log(after) == without_log(s.clean_build()));
    int old_css = 0, new_css = 0;
    for (const auto& [path, _] : before) old_css += path.rfind("assets/style.", 0) == 0;
    for (const auto& [path, _] : after) new_css += path.rfind("assets/style.", 0) == 0;
    CHECK(old_css == 1);
    CHECK(new_css == 1);  // the old stylesheet is removed, not left behind
    for (const auto& [path, bytes] : after)
        if (path.size() > 5 && path.ends_with(".html") && bytes.find("stylesheet") != std::string::npos)
            CHECK(before.at(path) != bytes);
}

TEST_CASE("the changes log counts every file a build wrote and lists them up to its length", "[incremental]") {
    const auto number_after = [](const std::string& text, const std::string& before) {
        std::smatch m;
        REQUIRE(std::regex_search(text, m, std::regex(before + R"((\d+))")));
        return std::stoul(m[1].str());
    };
    Site s;
    s.build();
    // A first build wrote every file but the log itself and the manifest's two (written after it).
    const std::string first = read_text(s.out / "changes/index.html");
    CHECK(number_after(first, "共生成 ") == read_tree(s.out).size() - 3);
    write_text(s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml", new_project);
    write_text(s.content / "ratings/jinminhan-2023-169.yaml",
               read_text(s.content / "ratings/jinminhan-2023-169.yaml") + new_rating_group);
    s.build();
    const std::string log = read_text(s.out / "changes/index.html");
    const unsigned long count = number_after(log, "内容有变化的页面（");
    const size_t from = log.find("内容有变化的页面（");
    const std::string list = log.substr(from, log.find("</ul>", from) - from);  // that section's list
    std::size_t listed = 0;
    for (size_t at = list.find("<li><a href="); at != std::string::npos; at = list.find("<li><a href=", at + 1)) ++listed;
    CHECK(count > 1);
    CHECK(count == listed);  // fewer than a page's length: every one is listed
}
