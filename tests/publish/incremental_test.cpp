// Incremental builds: an unchanged page is neither re-rendered nor re-written (same inode, same modification
// time), a change re-writes exactly the files whose bytes change, and a cache that cannot be trusted is ignored.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <functional>
#include <optional>
#include <set>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

struct FileIdentity {
    ino_t inode = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileIdentity&) const = default;
};

// path → (inode, mtime): a file a build rewrote gets a new inode (it is renamed in from the staging folder).
std::map<std::string, FileIdentity> identities(const fs::path& root) {
    std::map<std::string, FileIdentity> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        struct stat st {};
        REQUIRE(::stat(e.path().c_str(), &st) == 0);
        out[e.path().lexically_relative(root).generic_string()] = {
            st.st_ino, static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
    }
    return out;
}

std::set<std::string> rewritten(const std::map<std::string, FileIdentity>& before,
                                const std::map<std::string, FileIdentity>& after) {
    std::set<std::string> out;
    for (const auto& [path, id] : after) {
        auto it = before.find(path);
        if (it == before.end() || !(it->second == id)) out.insert(path);
    }
    return out;
}

std::set<std::string> differing(const std::map<std::string, std::string>& before,
                                const std::map<std::string, std::string>& after) {
    std::set<std::string> out;
    for (const auto& [path, bytes] : after) {
        auto it = before.find(path);
        if (it == before.end() || it->second != bytes) out.insert(path);
    }
    return out;
}

struct Site : InputCopy {
    fs::path out = dir.path() / "site";

    std::string build(const fs::path& to) const {
        std::string output;
        const int status = run_gongshi(build_command(content, to, "--no-search", templates, assets), output);
        INFO(output);
        REQUIRE(status == 0);
        return output;
    }
    std::string build() const { return build(out); }
    // What a build from scratch of the same inputs writes (the reference an incremental build must equal).
    std::map<std::string, std::string> clean_build() const {
        const fs::path fresh = dir.path() / "fresh" / "site";
        fs::remove_all(fresh.parent_path());
        build(fresh);
        return read_tree(fresh);
    }
};

// Every file but the changes log, whose text says what the last build changed and so differs by design.
std::map<std::string, std::string> without_log(std::map<std::string, std::string> tree) {
    tree.erase("changes/index.html");
    return tree;
}

const char* const new_project = R"(id: taiyuan-yingze-qiaodong-2023
name: 太原市迎泽区桥东街道新建社区养老幸福工程
year: 2023
city: taiyuan
county: 迎泽区
town: 桥东街道
community: 新建社区
)";

const char* const new_rating_group = R"(  - year: 2023
    tier: excellent
    declared: 1
    heading: （三）优秀等次（共1家）
    entries:
      - rank: 1
        project: taiyuan-yingze-qiaodong-2023
        printed: 太原市迎泽区桥东街道新建社区养老幸福工程
)";

}  // namespace

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
    expected.insert("changes/index.html");
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

TEST_CASE("a corrupt, foreign or stale cache is ignored: a full build with the same output", "[incremental]") {
    Site s;
    s.build();
    const fs::path cache = s.dir.path() / "site.cache";
    REQUIRE(fs::exists(cache));
    const auto reference = without_log(read_tree(s.out));

    SECTION("one flipped byte") {
        std::string bytes = read_text(cache);
        bytes[bytes.size() / 2] ^= 0x20;
        write_text(cache, bytes);
    }
    SECTION("truncated") {
        const std::string bytes = read_text(cache);
        write_text(cache, bytes.substr(0, bytes.size() / 3));
    }
    SECTION("garbage") { write_text(cache, "not a cache\n"); }
    SECTION("a published file altered by hand") {
        write_text(s.out / "projects/datong-pingcheng-boxue-2023/index.html", "edited by hand");
    }
    SECTION("a published file deleted by hand") { fs::remove(s.out / "cities/datong/index.html"); }

    const std::string output = s.build();
    CHECK_THAT(output, Contains("(") && Contains("full)"));
    CHECK(without_log(read_tree(s.out)) == reference);
    // The next build trusts the cache it just wrote again.
    CHECK_THAT(s.build(), Contains("is up to date"));
}

namespace {

ino_t folder_inode(const fs::path& dir) {
    struct stat st {};
    REQUIRE(::stat(dir.c_str(), &st) == 0);
    return st.st_ino;
}

}  // namespace

TEST_CASE("a rebuild starts from the edition before and publishes what a clean build publishes", "[incremental]") {
    Site s;
    const fs::path previous = fs::path(s.out.string() + ".previous");
    const fs::path project = s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml";
    const fs::path ratings = s.content / "ratings/jinminhan-2023-169.yaml";
    const std::string ratings_text = read_text(ratings);
    s.build();
    CHECK_FALSE(fs::exists(previous));  // a full build keeps nothing

    // Each edit adds, changes or removes pages; from the second rebuild on, the build takes the edition the one
    // before swapped out (the site is then that very folder) and must still equal a build from scratch.
    const std::vector<std::pair<const char*, std::function<void()>>> edits{
        {"a new project", [&] { write_text(project, new_project); }},
        {"its rating", [&] { write_text(ratings, ratings_text + new_rating_group); }},
        {"its name", [&] { edit(project, "新建社区养老幸福工程", "新建社区养老幸福工程（改）"); }},
        {"a template", [&] { write_text(s.templates / "city.mustache", read_text(s.templates / "city.mustache") + "\n"); }},
        {"project and rating removed", [&] { write_text(ratings, ratings_text); fs::remove(project); }},
    };
    auto edition = read_tree(s.out);
    std::optional<ino_t> kept;  // the folder the last rebuild kept as the previous edition
    for (const auto& [what, apply] : edits) {
        INFO(what);
        const auto ids = identities(s.out);
        apply();
        CHECK_THAT(s.build(), Contains("incremental"));
        CHECK(rewritten(ids, identities(s.out)) == differing(edition, read_tree(s.out)));  // only what differs
        if (kept) CHECK(folder_inode(s.out) == *kept);  // adopted: no new tree was made
        REQUIRE(fs::exists(previous));
        CHECK(read_tree(previous) == edition);  // the edition swapped out, exactly
        kept = folder_inode(previous);
        edition = read_tree(s.out);
        CHECK(without_log(edition) == without_log(s.clean_build()));
    }
}

TEST_CASE("a previous edition altered by hand is reconciled, not published as it is", "[incremental]") {
    Site s;
    const fs::path previous = fs::path(s.out.string() + ".previous");
    s.build();
    write_text(s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml", new_project);
    s.build();
    REQUIRE(fs::exists(previous));
    const auto reference = read_tree(s.out);

    // A page replaced (a new inode), a file, a folder and a symbolic link added: none may reach the next edition.
    fs::remove(previous / "cities/datong/index.html");
    write_text(previous / "cities/datong/index.html", "replaced by hand");
    write_text(previous / "extra.html", "added by hand");
    fs::create_directories(previous / "extra-folder");
    write_text(previous / "extra-folder/page.html", "added by hand");
    fs::create_symlink("/etc", previous / "etc-link");

    write_text(s.content / "ratings/jinminhan-2023-169.yaml",
               read_text(s.content / "ratings/jinminhan-2023-169.yaml") + new_rating_group);
    CHECK_THAT(s.build(), Contains("incremental"));
    const auto after = read_tree(s.out);
    CHECK(without_log(after) == without_log(s.clean_build()));
    CHECK(after.at("cities/datong/index.html") == reference.at("cities/datong/index.html"));
    CHECK_FALSE(fs::exists(s.out / "extra.html"));
    CHECK_FALSE(fs::exists(s.out / "extra-folder"));
    CHECK_FALSE(fs::exists(fs::symlink_status(s.out / "etc-link")));
}

namespace {

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = read_text(file);
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_text(file, text);
}

}  // namespace

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
        {"a project's own file", [&] { replace_in(project, "town: 郝庄镇", "town: 郝庄镇（测试）"); }},
        {"a new project in its county (a neighbour)", [&] { write_text(neighbour, new_project); }},
        {"the neighbour's name", [&] { replace_in(neighbour, "新建社区养老幸福工程", "新建社区养老幸福工程（更名）"); }},
        {"the neighbour moves to another county", [&] { replace_in(neighbour, "county: 迎泽区", "county: 清徐县"); }},
        {"the number of the notice rating it", [&] {
             replace_in(s.content / "notices/jinminhan-2023-169.md", "晋民函〔2023〕169号", "晋民函〔2023〕1690号");
         }},
        {"the date of the notice rating it", [&] {
             replace_in(s.content / "notices/jinminhan-2023-169.md", "year: 2023", "date: 2023-11-30\nyear: 2023");
         }},
        {"its rating's printed name", [&] {
             replace_in(s.content / "ratings/jinminhan-2023-169.yaml", "太原市迎泽区郝庄镇龙城新苑社区养老幸福工程",
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
             replace_in(s.content / "notices/jinminfa-2023-7.md", "晋民发〔2023〕7号", "晋民发〔2023〕77号");
         }},
        {"its city's name in cities.yaml", [&] { replace_in(s.content / "cities.yaml", "name: 太原市", "name: 太原市（测试）"); }},
        {"a program's name in site.yaml", [&] {
             replace_in(s.content / "site.yaml", "name: 城镇社区养老幸福工程", "name: 城镇社区养老幸福工程（测试）");
         }},
        {"an unrelated project", [&] { replace_in(other, "town: 东湖街道", "town: 东湖街道（测试）"); }},
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
    replace_in(other, "town: 东湖街道", "town: 东湖街道（测试）");
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
