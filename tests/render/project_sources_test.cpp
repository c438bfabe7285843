// A project page names and links the document each fact comes from.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

TEST_CASE("a project whose facts come from a reply letter links that letter as their source", "[render]") {
    InputCopy in;
    edit(in.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml", "facts_source: jinminfa-2023-7",
         "facts_source: changminhan-2023-94");
    const fs::path out = in.dir.path() / "site";
    std::string output;
    REQUIRE(run_gongshi(build_command(in.content, out, "--no-search", in.templates, in.assets), output) == 0);
    const std::string page = read_text(out / "projects/taiyuan-qingxu-jinshatan-2023/index.html");
    CHECK_THAT(page, Contains("href=\"/replies/changminhan-2023-94/\""));
    CHECK_THAT(page, !Contains("href=\"/notices/changminhan-2023-94/\""));
}
