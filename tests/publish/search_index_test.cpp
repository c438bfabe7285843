// The search step of a build: a missing or failing Pagefind never fails the build or leaves a partial index; a
// finished bundle is swapped in as pagefind/; unchanged pages are not re-indexed. Fake Pagefinds (small shell
// scripts named by GONGSHI_PAGEFIND) stand in for the real one, which the browser test exercises.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <cstdlib>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

// Sets GONGSHI_PAGEFIND for the life of the object (the gongshi processes the test starts inherit it).
struct PagefindOverride {
    explicit PagefindOverride(const std::string& path) { ::setenv("GONGSHI_PAGEFIND", path.c_str(), 1); }
    ~PagefindOverride() { ::unsetenv("GONGSHI_PAGEFIND"); }
};

struct SearchSite {
    TempDir dir;
    fs::path content = copy_fixture("good", dir.path());
    fs::path out = dir.path() / "site";
    fs::path runs = dir.path() / "pagefind-runs.log";

    int build(std::string& output, const std::string& extra = "") const {
        return run_gongshi(build_command(content, out, extra), output);
    }
    // A fake Pagefind: logs each run, then runs `body` with $4 = the --output-path it was given.
    fs::path fake_pagefind(const std::string& body) const {
        const fs::path script = dir.path() / "fake-pagefind";
        write_text(script, "#!/bin/sh\necho run >> '" + runs.string() + "'\n" + body);
        ::chmod(script.c_str(), 0755);
        return script;
    }
    int run_count() const {
        if (!fs::exists(runs)) return 0;
        const std::string log = read_text(runs);
        return static_cast<int>(std::count(log.begin(), log.end(), '\n'));
    }
    bool leftover_scratch() const {
        for (const auto& e : fs::directory_iterator(dir.path()))
            if (e.path().filename().string().rfind("site.search", 0) == 0) return true;
        return false;
    }
};

const char* const writes_bundle =
    "mkdir -p \"$4\" && echo 'export const v = 1;' > \"$4/pagefind.js\" && echo '{}' > \"$4/pagefind-entry.json\"\n";

}  // namespace

TEST_CASE("a build with Pagefind missing still publishes, with one warning that says to run scripts/setup", "[search]") {
    SearchSite site;
    PagefindOverride missing("/nonexistent/pagefind");
    std::string output;
    REQUIRE(site.build(output) == 0);
    CHECK_THAT(output, Contains("pagefind: warning: search index not built: Pagefind not found (looked at "
                                "$GONGSHI_PAGEFIND=/nonexistent/pagefind); the site is published without search — run "
                                "scripts/setup (it installs Pagefind with npm ci), or build with --no-search"));
    CHECK(fs::exists(site.out / "index.html"));
    CHECK(fs::exists(site.out / "search" / "index.html"));
    CHECK_FALSE(fs::exists(site.out / "pagefind"));
    CHECK_FALSE(site.leftover_scratch());
}

TEST_CASE("a build with --no-search publishes no pagefind/ folder and never runs Pagefind", "[search]") {
    SearchSite site;
    PagefindOverride fake(site.fake_pagefind(writes_bundle).string());
    std::string output;
    REQUIRE(site.build(output, "--no-search") == 0);
    CHECK_THAT(output, !Contains("search index"));
    CHECK(fs::exists(site.out / "index.html"));
    CHECK_FALSE(fs::exists(site.out / "pagefind"));
    CHECK(site.run_count() == 0);
}

TEST_CASE("a Pagefind that fails half-way leaves no index and no temporary folder, and the site publishes", "[search]") {
    SearchSite site;
    PagefindOverride fake(site.fake_pagefind("mkdir -p \"$4\" && echo half > \"$4/pagefind.js\"\n"
                                             "echo 'Error: disk full' >&2\nexit 3\n")
                              .string());
    std::string output;
    REQUIRE(site.build(output) == 0);
    CHECK_THAT(output, Contains("failed (exit status 3): Error: disk full"));
    CHECK(fs::exists(site.out / "index.html"));
    CHECK_FALSE(fs::exists(site.out / "pagefind"));
    CHECK_FALSE(site.leftover_scratch());
}

TEST_CASE("Pagefind is given the output folder and its bundle becomes pagefind/, and an unchanged rebuild does not "
          "re-index, a changed page does", "[search]") {
    SearchSite site;
    PagefindOverride fake(site.fake_pagefind(writes_bundle).string());
    std::string output;
    REQUIRE(site.build(output) == 0);
    INFO(output);
    CHECK_THAT(output, Contains("search index: 2 files"));
    CHECK(read_text(site.out / "pagefind" / "pagefind.js") == "export const v = 1;\n");
    CHECK(site.run_count() == 1);

    REQUIRE(site.build(output) == 0);
    CHECK(site.run_count() == 1);

    edit(site.content / "site.yaml", "title: ", "title: 新");
    REQUIRE(site.build(output) == 0);
    CHECK(site.run_count() == 2);
    CHECK(fs::exists(site.out / "pagefind" / "pagefind-entry.json"));
    CHECK_FALSE(site.leftover_scratch());
}

TEST_CASE("an index a previous build could not make is made by the next build, even with nothing changed", "[search]") {
    SearchSite site;
    std::string output;
    {
        PagefindOverride missing("/nonexistent/pagefind");
        REQUIRE(site.build(output) == 0);
    }
    REQUIRE_FALSE(fs::exists(site.out / "pagefind"));
    PagefindOverride fake(site.fake_pagefind(writes_bundle).string());
    REQUIRE(site.build(output) == 0);
    CHECK_THAT(output, Contains("up to date"));
    CHECK(fs::exists(site.out / "pagefind" / "pagefind.js"));
}
