// A cache that cannot be trusted is ignored: the build is a full one, with the same output.
#include <catch2/catch.hpp>

#include "publish/incremental_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

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

TEST_CASE("the record summary a build keeps for its cache is on disk only while it runs — a stale one is replaced",
          "[incremental]") {
    Site s;
    s.build();
    const fs::path summary = s.dir.path() / "site.cache.summary";
    CHECK_FALSE(fs::exists(summary));
    write_text(summary, "left by a build that was stopped");  // as a killed build would leave it
    write_text(s.content / "projects/taiyuan/taiyuan-yingze-qiaodong-2023.yaml", new_project);
    CHECK_THAT(s.build(), Contains("1 projects added") && Contains("incremental"));
    CHECK_FALSE(fs::exists(summary));
    // The cache holds that build's summary: nothing changed is a no-op, and the next change is told against it.
    CHECK_THAT(s.build(), Contains("is up to date"));
    write_text(s.content / "ratings/jinminhan-2023-169.yaml",
               read_text(s.content / "ratings/jinminhan-2023-169.yaml") + new_rating_group);
    const std::string output = s.build();
    CHECK_THAT(output, Contains("0 projects added") && Contains("1 ratings added") && Contains("incremental"));
    CHECK(without_log(read_tree(s.out)) == without_log(s.clean_build()));
}
