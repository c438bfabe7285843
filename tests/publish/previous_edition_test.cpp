// Incremental builds start from the edition the last build replaced (site.previous/) and publish exactly what a
// clean build publishes, whatever was done to that folder.
#include <catch2/catch.hpp>
#include <optional>

#include "publish/incremental_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

// Edits that add, change and remove pages (a project, its rating, its name, a template), ending with the project and
// its rating gone again. The lambdas hold references to the arguments.
std::vector<std::pair<const char*, std::function<void()>>> page_edits(const Site& s, const fs::path& project,
                                                                      const fs::path& ratings,
                                                                      const std::string& ratings_text) {
    return {
        {"a new project", [&] { write_text(project, new_project); }},
        {"its rating", [&] { write_text(ratings, ratings_text + new_rating_group); }},
        {"its name", [&] { edit(project, "新建社区养老幸福工程", "新建社区养老幸福工程（改）"); }},
        {"a template", [&] { write_text(s.templates / "city.mustache", read_text(s.templates / "city.mustache") + "\n"); }},
        {"project and rating removed", [&] { write_text(ratings, ratings_text); fs::remove(project); }},
    };
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
    const auto edits = page_edits(s, project, ratings, ratings_text);
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
    // At a page's own path: a symbolic link instead of the file, and a folder instead of the file.
    REQUIRE(fs::exists(previous / "cities/taiyuan/index.html"));
    fs::remove(previous / "cities/taiyuan/index.html");
    fs::create_symlink("/etc/passwd", previous / "cities/taiyuan/index.html");
    REQUIRE(fs::exists(previous / "projects/index.html"));
    fs::remove(previous / "projects/index.html");
    write_text(previous / "projects/index.html/page.html", "a folder where a page was");
    const fs::path project_folder = previous / "projects/taiyuan-qingxu-jinshatan-2023";
    REQUIRE(fs::is_directory(project_folder));
    fs::remove_all(project_folder);
    write_text(project_folder, "a file where a page's folder was");

    // The same at pages this build rewrites (the notice's, the 2023 excellent list): the edition is listed before the
    // build writes them (EditionListing), so the reconcile meets a listed file that the build's own write has since
    // put under a file (the folder at the notice's page), or a folder where it listed a file (the list's folder).
    const fs::path notice_page = previous / "notices/jinminhan-2023-169/index.html";
    REQUIRE(fs::is_regular_file(notice_page));
    fs::remove(notice_page);
    write_text(notice_page / "page.html", "a folder where a rewritten page was");
    const fs::path list_folder = previous / "ratings/2023/excellent";
    REQUIRE(fs::is_directory(list_folder));
    fs::remove_all(list_folder);
    write_text(list_folder, "a file where a rewritten page's folder was");

    write_text(s.content / "ratings/jinminhan-2023-169.yaml",
               read_text(s.content / "ratings/jinminhan-2023-169.yaml") + new_rating_group);
    CHECK_THAT(s.build(), Contains("incremental"));
    const auto after = read_tree(s.out);
    CHECK(without_log(after) == without_log(s.clean_build()));
    CHECK(after.at("cities/datong/index.html") == reference.at("cities/datong/index.html"));
    for (const char* page : {"notices/jinminhan-2023-169/index.html", "ratings/2023/excellent/index.html"})
        CHECK(after.at(page) != reference.at(page));  // rewritten by this build, as the plants above assume
    CHECK_FALSE(fs::exists(s.out / "extra.html"));
    CHECK_FALSE(fs::exists(s.out / "extra-folder"));
    CHECK_FALSE(fs::exists(fs::symlink_status(s.out / "etc-link")));
    CHECK(fs::is_regular_file(fs::symlink_status(s.out / "cities/taiyuan/index.html")));
    CHECK(fs::is_regular_file(fs::symlink_status(s.out / "projects/index.html")));
    CHECK(fs::is_regular_file(fs::symlink_status(s.out / "projects/taiyuan-qingxu-jinshatan-2023/index.html")));
    CHECK(fs::is_regular_file(fs::symlink_status(s.out / "notices/jinminhan-2023-169/index.html")));
    CHECK(fs::is_regular_file(fs::symlink_status(s.out / "ratings/2023/excellent/index.html")));
}

TEST_CASE("a rebuild lists the edition before from its record, and walks it once a folder changed by hand",
          "[incremental]") {
    Site s;
    const fs::path previous = fs::path(s.out.string() + ".previous");
    const fs::path project = s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml";
    const fs::path ratings = s.content / "ratings/jinminhan-2023-169.yaml";
    const std::string ratings_text = read_text(ratings);
    const std::string from_record = "previous edition: its files from its record";
    const std::string walked = "previous edition: its files walked";
    s.build();
    // The first rebuild makes a new tree; each later one adopts the edition two builds old, whose record the
    // build that made it wrote: in full (the cold build, the first rebuild), or keeping the stamps of the folders
    // it did not touch (every later one). A kept stamp that was wrong would show as a walk.
    auto edits = page_edits(s, project, ratings, ratings_text);
    edits.emplace_back("the project again", [&] { write_text(project, new_project); });
    for (size_t i = 0; i < edits.size(); ++i) {
        INFO(edits[i].first);
        edits[i].second();
        const std::string log = s.build_verbose();
        if (i == 0) CHECK_THAT(log, !Contains("previous edition:"));
        else CHECK_THAT(log, Contains(from_record));
        CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
    }

    // A page added by hand to a folder of the edition: that folder's ctime is not the recorded one, so the edition
    // is walked and the page removed. Trusting the record here would publish it.
    REQUIRE(fs::is_directory(previous / "cities/datong"));
    write_text(previous / "cities/datong/planted.html", "added by hand");
    edit(project, "新建社区养老幸福工程", "新建社区养老幸福工程（再改）");
    CHECK_THAT(s.build_verbose(), Contains(walked));
    CHECK_FALSE(fs::exists(s.out / "cities/datong/planted.html"));
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
    // The walked build's own record is whole again: two builds on, its edition is listed from it.
    for (const char* name : {"新建社区养老幸福工程（三改）", "新建社区养老幸福工程（四改）"}) {
        write_text(project, new_project);
        edit(project, "新建社区养老幸福工程", name);
        CHECK_THAT(s.build_verbose(), Contains(from_record));
        CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
    }
}
