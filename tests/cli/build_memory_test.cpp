// How a build sets up its memory allocator (memory/allocator.h, pipeline.cpp), as `-v` reports it: a full build
// gives pages back as they are freed when the allocator can (tcmalloc, the release build: the 1 000 000 peak RSS),
// a rebuild keeps freed pages for reuse (its time is what counts). Which allocator a build has is pinned by the
// CTest memory.allocator; this checks the set-up that follows from it, in whichever build the tests run.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <sstream>

#include "test_support.h"

using namespace gongshi::testing;

namespace {

// The line `-v` starts with "memory: ", or "" if there is none.
std::string memory_line(const std::string& output) {
    std::istringstream in(output);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("memory: ", 0) == 0) return line;
    return "";
}

// "tcmalloc", "glibc malloc" …: what `gongshi --version` says it runs on.
std::string allocator_of_binary() {
    std::string version;
    REQUIRE(run_gongshi("--version", version) == 0);
    const auto from = version.find("(memory: ");
    const auto to = version.rfind(')');
    REQUIRE(from != std::string::npos);
    REQUIRE(to > from);
    return version.substr(from + 9, to - from - 9);
}

}  // namespace

TEST_CASE("a full build gives freed pages back at once where the allocator can — a rebuild keeps them", "[cli][memory]") {
    const std::string allocator = allocator_of_binary();
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    const fs::path out = dir.path() / "site";
    std::string output;

    REQUIRE(run_gongshi(build_command(content, out, "--no-search -v"), output) == 0);
    REQUIRE_THAT(output, Catch::Matchers::Contains("files written") && Catch::Matchers::Contains(", full)"));
    if (allocator == "tcmalloc")
        CHECK(memory_line(output) == "memory: tcmalloc, pages given back as they are freed (a full build)");
    else
        CHECK(memory_line(output) == "memory: " + allocator + ", freed pages kept for reuse");

    // A changed stamp makes the next build a rebuild from this one's output.
    const fs::path touched = content / "site.yaml";
    fs::last_write_time(touched, fs::last_write_time(touched) - std::chrono::hours(24));
    REQUIRE(run_gongshi(build_command(content, out, "--no-search -v"), output) == 0);
    REQUIRE_THAT(output, Catch::Matchers::Contains(", incremental)"));
    CHECK(memory_line(output) == "memory: " + allocator + ", freed pages kept for reuse");
}
