// The fuzzers' regression corpus (tests/fixtures/fuzz-regressions/<target>/): every input that once crashed,
// hung or tripped a sanitizer is replayed through the same harness on every test run, with the bad corpus's
// files beside them.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "trust/fuzz_harness.h"

using namespace gongshi::testing;

namespace {

std::vector<fs::path> files_under(const fs::path& dir, const std::string& ext = "") {
    std::vector<fs::path> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && (ext.empty() || e.path().extension() == ext) && e.path().filename() != "README.md")
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("every fuzz regression input runs through its harness without a crash", "[trust][fuzz]") {
    const fs::path corpus = fixture("fuzz-regressions");
    REQUIRE(fs::is_directory(corpus / "fuzz_record_loader"));
    REQUIRE(fs::is_directory(corpus / "fuzz_front_matter"));
    const auto records = files_under(corpus / "fuzz_record_loader");
    const auto documents = files_under(corpus / "fuzz_front_matter");
    CHECK_FALSE(records.empty());
    CHECK_FALSE(documents.empty());
    for (const auto& f : records) {
        INFO(f);
        gongshi::trust::run_record_input(read_text(f));
    }
    for (const auto& f : documents) {
        INFO(f);
        gongshi::trust::run_document_input(read_text(f));
    }
}

TEST_CASE("the bad corpus and the good fixture run through the fuzz harnesses without a crash", "[trust][fuzz]") {
    int inputs = 0;
    for (const char* dir : {"bad", "good"}) {
        for (const auto& f : files_under(fixture(dir), ".yaml")) {
            INFO(f);
            gongshi::trust::run_record_input(read_text(f));
            ++inputs;
        }
        for (const auto& f : files_under(fixture(dir), ".md")) {
            INFO(f);
            gongshi::trust::run_document_input(read_text(f));
            ++inputs;
        }
    }
    CHECK(inputs > 50);
}
