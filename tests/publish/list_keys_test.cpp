// Dependency keys of the split lists' pages (render/list_page_keys.h). A page whose key is unchanged is left as the
// last build wrote it, so a key must change whenever the page's bytes do: after every kind of edit, on the example
// site whose lists run to several pages. And each input of the key is needed: without any one of them, one of these
// edits leaves a page stale — the differential test catches a dropped edge.
#include <catch2/catch.hpp>

#include <functional>

#include "large_content.h"
#include "model/permalinks.h"
#include "publish/incremental_support.h"
#include "render/list_page_keys.h"
#include "render/pagination.h"

using namespace gongshi;
using namespace gongshi::testing;
namespace in = render::list_key_input;

namespace {

struct Edit {
    const char* what;
    std::function<void(const fs::path& content)> apply;
};

const std::string entry_0100 = "project: example-0100\n        printed: " + example_name("example-0100") + "\n";

// One of each kind of edit a list page can see, each seen by the input named.
const std::vector<Edit> edits = {
    {"a tier's name in site.yaml (site_files)", [](const fs::path& c) { edit(c / "site.yaml", "name: 良好", "name: 良好（测试）"); }},
    {"a project added at the end of Taiyuan's 2023 projects (part_shape)",
     [](const fs::path& c) { write_text(c / "projects/taiyuan/example-9999.yaml", example_project("example-9999", 2023)); }},
    {"a listed project's county (row_records)",
     [](const fs::path& c) { edit(c / "projects/taiyuan/example-0100.yaml", "county: 迎泽区", "county: 清徐县"); }},
    {"a correction to a listed project's name in its rating list (row_ratings)",
     [](const fs::path& c) {
         edit(c / "ratings/example-notice-a.yaml", entry_0100, entry_0100 + "        correction: 示例更正。\n");
     }},
    {"the date of the newest notice on a page (row_ratings)",
     [](const fs::path& c) { edit(c / "notices/example-notice-b.md", "date: 2023-12-01", "date: 2023-12-02"); }},
    {"a project of another year in the same city (siblings)",
     [](const fs::path& c) { write_text(c / "projects/taiyuan/example-2022.yaml", example_project("example-2022", 2022)); }},
};

struct ListPage {
    std::string bytes;
    std::uint64_t key = 0;
};

// Every page of the split lists: its path, bytes (a clean render) and key (with the inputs given).
std::map<std::string, ListPage> list_pages(const model::Site& site, const std::map<std::string, std::string>& files,
                                           unsigned inputs) {
    const render::ListPartitions lists(site);
    const render::ListPageKeys keys(site, render::Assets{"/a.css", "/a.js", "/s.js"}, lists, inputs);
    std::map<std::string, ListPage> out;
    for (const render::ListPart& part : lists.parts())
        for (int page = 1; page <= part.pages(); ++page) {
            const std::string path = model::file_of_url(render::page_url(part.url, page));
            REQUIRE(files.count(path) == 1);
            out[path] = {files.at(path), keys(part, page)};
        }
    return out;
}

// Pages whose bytes changed while their key did not: what an incremental build would leave stale.
std::set<std::string> stale(const std::map<std::string, ListPage>& before, const std::map<std::string, ListPage>& after) {
    std::set<std::string> out;
    for (const auto& [path, page] : after) {
        auto it = before.find(path);
        if (it != before.end() && it->second.key == page.key && it->second.bytes != page.bytes) out.insert(path);
    }
    return out;
}

std::set<std::string> changed(const std::map<std::string, ListPage>& before, const std::map<std::string, ListPage>& after) {
    std::set<std::string> out;
    for (const auto& [path, page] : after)
        if (auto it = before.find(path); it != before.end() && it->second.bytes != page.bytes) out.insert(path);
    return out;
}

// The example site, and the site after one edit, both read from the same folder: a source file's key includes its
// path, as a build sees it.
struct Versions {
    TempDir dir;
    fs::path pristine = dir.path() / "pristine" / "content";
    fs::path work = dir.path() / "work" / "content";
    model::Site site = [&] {
        fs::create_directories(pristine.parent_path());
        copy_fixture("good", pristine.parent_path());
        add_large_content(pristine);
        return site_of(fresh_copy());
    }();
    std::map<std::string, std::string> files = render_in_memory(site);

    const fs::path& fresh_copy() const {
        fs::remove_all(work.parent_path());
        fs::create_directories(work.parent_path());
        fs::copy(pristine, work, fs::copy_options::recursive);
        return work;
    }
    std::pair<model::Site, std::map<std::string, std::string>> after(const Edit& e) const {
        e.apply(fresh_copy());
        model::Site edited = site_of(work);
        auto rendered = render_in_memory(edited);
        return {std::move(edited), std::move(rendered)};
    }
};

}  // namespace

TEST_CASE("split lists: after every kind of edit, a page whose bytes change has a new key — each input is needed",
          "[incremental][pages]") {
    const Versions v;
    const std::vector<std::pair<const char*, unsigned>> dropped = {
        {"site_files", in::site_files}, {"part_shape", in::part_shape}, {"row_records", in::row_records},
        {"row_ratings", in::row_ratings}, {"siblings", in::siblings}};
    std::map<unsigned, int> caught;  // an input left out → how many edits then leave a page stale
    for (const Edit& e : edits) {
        INFO("edit: " << e.what);
        const auto [site, files] = v.after(e);
        const auto before = list_pages(v.site, v.files, in::all), after = list_pages(site, files, in::all);
        CHECK_FALSE(changed(before, after).empty());  // the edit shows on some page of a split list
        CHECK(stale(before, after).empty());
        for (const auto& [name, input] : dropped) {
            const unsigned inputs = in::all & ~input;
            const auto st = stale(list_pages(v.site, v.files, inputs), list_pages(site, files, inputs));
            caught[input] += !st.empty();
        }
    }
    for (const auto& [name, input] : dropped) {
        INFO("the key without " << name);
        CHECK(caught[input] > 0);
    }
}

TEST_CASE("split lists: an incremental build after each kind of edit equals a clean build", "[incremental][pages]") {
    gongshi::testing::Site s;
    add_large_content(s.content);
    s.build();
    for (const Edit& e : edits) {
        INFO("edit: " << e.what);
        e.apply(s.content);
        std::string output;
        REQUIRE(run_gongshi(build_command(s.content, s.out, "--no-search", s.templates, s.assets), output) == 0);
        INFO(output);
        CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
    }
}

TEST_CASE("a new notice re-renders only the pages of the lists it adds to", "[incremental][pages]") {
    gongshi::testing::Site s;
    add_large_content(s.content);
    s.build();
    const auto before = identities(s.out);
    // It rates example-0450 (Taiyuan, 2023, already 良好 on the last page of 2023 良好) 优秀 for 2023.
    write_text(s.content / "notices/example-notice-c.md", example_notice("c", "2023-12-20"));
    write_text(s.content / "ratings/example-notice-c.yaml",
               "notice: example-notice-c\ngroups:\n  - year: 2023\n    tier: excellent\n    declared: 1\n"
               "    heading: （一）优秀等次（共1家）\n    entries:\n      - rank: 1\n        project: example-0450\n"
               "        printed: " + example_name("example-0450") + "\n");
    std::string output;
    REQUIRE(run_gongshi(build_command(s.content, s.out, "--no-search", s.templates, s.assets), output) == 0);
    INFO(output);
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
    const auto files = rewritten(before, identities(s.out));
    // The list it adds to, and the project's page.
    CHECK(files.count("ratings/2023/excellent/index.html") == 1);
    CHECK(files.count("projects/example-0450/index.html") == 1);
    // 2023 良好 is unchanged: its first pages are not even built, and its last, built for the project it shows,
    // has the same view (a rating's row does not show the project's other ratings).
    for (const char* page : {"ratings/2023/good/index.html", "ratings/2023/good/page/2/index.html",
                             "ratings/2023/good/page/3/index.html", "ratings/2023/good/taiyuan/index.html"})
        CHECK(files.count(page) == 0);
    // Taiyuan's 2023 projects: only the page showing example-0450 (its tiers, and the date it is as of).
    CHECK(files.count("cities/taiyuan/2023/index.html") == 0);
    CHECK(files.count("cities/taiyuan/2023/page/2/index.html") == 0);
    CHECK(files.count("cities/taiyuan/2023/page/3/index.html") == 1);
}
