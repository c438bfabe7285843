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
