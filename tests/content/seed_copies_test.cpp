// tests/fixtures/seeds/ holds copies of two source documents so the tests run from a clean clone (CI has only the
// repository). Where the originals are present (../shared/seeds/, on the development machines), the copies must
// equal them byte for byte: a test must never read an edited document.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;

TEST_CASE("the test copies of the source documents equal ../shared/seeds/ where it is present", "[content]") {
    const fs::path originals = source_dir().parent_path() / "shared/seeds";
    for (const char* name : {"000_000a35ee371ff37c.txt", "001_e55b586ccff1a522.txt"}) {
        INFO(name);
        const std::string copy = read_text(fixture(std::string("seeds/") + name));
        REQUIRE(copy.size() > 1000);  // a real document, not an empty or truncated file
        if (fs::exists(originals / name)) {
            CHECK(copy == read_text(originals / name));
        } else {
            WARN("../shared/seeds/" << name << " is not beside the repository: the copy is used as it is");
        }
    }
}
