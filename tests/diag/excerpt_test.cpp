// A diagnostic's source line with a caret under its column: the same excerpt on the command line and in the
// preview's error page.
#include <catch2/catch.hpp>

#include "diag/excerpt.h"
#include "io/input_files.h"

using namespace gongshi;

namespace {

io::MemoryFiles one_file() {
    io::MemoryFiles files;
    files.add("content/ratings/x.yaml", "notice: x\ngroups:\n  - heading: （一）优秀等次（共20家）\n    declared: 20\n");
    return files;
}

diag::Diagnostic at(int line, int col) {
    return {diag::Severity::error, {"content/ratings/x.yaml", line, col}, "declared 20, listed 19", "fix it"};
}

}  // namespace

TEST_CASE("an excerpt is the line, numbered, with a caret under the column", "[diag]") {
    const auto e = diag::excerpt(at(4, 15), one_file());
    REQUIRE(e);
    CHECK(diag::format_excerpt(*e) ==
          "    4 |     declared: 20\n"
          "      |               ^\n");
}

TEST_CASE("a caret after Chinese text stands two cells per character, as a terminal draws them", "[diag]") {
    // Column 14 is the first "（": 13 ASCII characters before it.
    const auto e = diag::excerpt(at(3, 14), one_file());
    REQUIRE(e);
    CHECK(diag::format_excerpt(*e) ==
          "    3 |   - heading: （一）优秀等次（共20家）\n"
          "      |              ^\n");
    // Column 16 is the "）" after 一: two wide characters more, four cells.
    const auto wide = diag::excerpt(at(3, 16), one_file());
    REQUIRE(wide);
    CHECK(wide->caret_pad == std::string(13 + 4, ' '));
    CHECK(wide->text.substr(wide->mark_begin, wide->mark_end - wide->mark_begin) == "）");
}

TEST_CASE("no excerpt for a whole-file diagnostic or a line the file does not have", "[diag]") {
    CHECK_FALSE(diag::excerpt(at(0, 0), one_file()));
    CHECK_FALSE(diag::excerpt(at(9, 1), one_file()));
    CHECK_FALSE(diag::excerpt({diag::Severity::error, {"content/none.yaml", 1, 1}, "m", "h"}, one_file()));
}

TEST_CASE("every printed error carries its excerpt, then the count", "[diag]") {
    diag::Diagnostics diags;
    diags.error({"content/ratings/x.yaml", 4, 15}, "declared 20, listed 19", "list every entry");
    diags.error({"content/ratings/x.yaml", 0, 0}, "file is empty", "fill it in");
    CHECK(diag::format_all(diags, one_file()) ==
          "content/ratings/x.yaml: error: file is empty — fill it in\n"
          "content/ratings/x.yaml:4:15: error: declared 20, listed 19 — list every entry\n"
          "    4 |     declared: 20\n"
          "      |               ^\n"
          "2 errors, 0 warnings\n");
}
