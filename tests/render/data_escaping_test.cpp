// Open-data cells: a hostile name stays data in JSON (inert in HTML) and in CSV (no spreadsheet formula).
#include <catch2/catch.hpp>

#include "render/data_escaping.h"
#include "test_support.h"

using namespace gongshi::render;
using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {
std::string json_string(const std::string& s) {
    std::string out;
    append_json_string(out, s);
    return out;
}
std::string csv_cell(const std::string& s) {
    std::string out;
    append_csv_cell(out, s);
    return out;
}
}  // namespace

TEST_CASE("a JSON string writes < > & and the JavaScript line separators as \\u escapes", "[render]") {
    CHECK(json_string("</script><b>A&B</b>") == R"("\u003c/script\u003e\u003cb\u003eA\u0026B\u003c/b\u003e")");
    CHECK(json_string("a\xE2\x80\xA8" "b\xE2\x80\xA9") == R"("a\u2028b\u2029")");
    CHECK(json_string("say \"<hi>\"\n") == R"("say \"\u003chi\u003e\"\n")");
    CHECK(json_string("太原市") == "\"太原市\"");
}

TEST_CASE("a whole JSON text is made inert only inside its strings, which are the only place these can be",
          "[render]") {
    CHECK(make_json_inert(R"({"a": "<x>", "b": [1, 2]})") == R"({"a": "\u003cx\u003e", "b": [1, 2]})");
    CHECK(make_json_inert(R"({"a": 1})") == R"({"a": 1})");
}

TEST_CASE("a CSV cell starting with = + - @ tab or CR gets a leading quote mark and is quoted", "[render]") {
    CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_cell("+1+1") == "\"'+1+1\"");
    CHECK(csv_cell("-2+3") == "\"'-2+3\"");
    CHECK(csv_cell("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_cell("\tx") == "\"'\tx\"");
    CHECK(csv_cell("\rx") == "\"'\rx\"");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("太原市") == "太原市");
}

TEST_CASE("a CSV cell that is a plain negative number stays a number", "[render]") {
    CHECK(csv_cell("-12") == "-12");
    CHECK(csv_cell("-0.5") == "-0.5");
    CHECK(csv_cell("-") == "\"'-\"");
}

TEST_CASE("a project with a hostile operator name reaches the open-data files inert", "[render]") {
    InputCopy in;
    const fs::path project = in.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml";
    edit(project, "area_m2: 1800", "area_m2: 1800\noperator: \"=cmd|' /C calc'!A0</script><script>alert(1)</script>&\"");
    const fs::path out = in.dir.path() / "site";
    std::string output;
    REQUIRE(run_gongshi(build_command(in.content, out, "--no-search", in.templates, in.assets), output) == 0);
    const std::string json = read_text(out / "data/projects.json");
    CHECK_THAT(json, Contains(R"("=cmd|' /C calc'!A0\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u0026")"));
    CHECK_THAT(json, !Contains("</script>"));
    const std::string csv = read_text(out / "data/projects.csv");
    CHECK_THAT(csv, Contains(R"(,"'=cmd|' /C calc'!A0</script><script>alert(1)</script>&",)"));
}
