// On the command line, every located error is followed by its source line and a caret under the column.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;

TEST_CASE("check prints each error with its source line and a caret under the column", "[cli]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / "ratings/jinminhan-2023-169.yaml", "declared: 2\n", "declared: 3\n");
    edit(content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml", "county: 清徐县", "county: 清徐");
    std::string output;
    REQUIRE(run_gongshi("check -q --content content", output, dir.path()) == 1);
    CHECK(output ==
          "content/projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml:5:9: error: county '清徐' is not a county of "
          "太原市 — did you mean '清徐县'? write the county as cities.yaml names it\n"
          "    5 | county: 清徐\n"
          "      |         ^\n"
          "content/ratings/jinminhan-2023-169.yaml:13:15: error: declared 3, listed 2 (2023 good) — the notice's "
          "count and its list must agree: check the entries against the document\n"
          "   13 |     declared: 3\n"
          "      |               ^\n"
          "2 errors, 0 warnings\n");
}
