// Damaged text never crashes the importer and never yields a message outside the text: the 169号 seed with lines
// dropped, swapped, cut and duplicated, bytes replaced (deterministic, so a failure reproduces).
#include <catch2/catch.hpp>

#include <random>

#include "import/import_notice.h"
#include "import/import_support.h"
#include "load/load.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// A character boundary of s at or before `at`.
size_t boundary(const std::string& s, size_t at) {
    while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return at;
}

std::string damaged(const std::vector<std::string>& lines, std::mt19937& random) {
    std::vector<std::string> out = lines;
    std::uniform_int_distribution<int> kind(0, 5);
    for (int edits = 0; edits < 6; ++edits) {
        if (out.empty()) break;
        const size_t at = std::uniform_int_distribution<size_t>(0, out.size() - 1)(random);
        switch (kind(random)) {
            case 0: out.erase(out.begin() + static_cast<long>(at)); break;
            case 1: std::swap(out[at], out[std::uniform_int_distribution<size_t>(0, out.size() - 1)(random)]); break;
            case 2:
                out[at] = out[at].substr(0, boundary(out[at], std::uniform_int_distribution<size_t>(0, out[at].size())(random)));
                break;
            case 3: out.insert(out.begin() + static_cast<long>(at), out[at]); break;
            case 4:
                if (!out[at].empty()) {
                    const size_t c = boundary(out[at], std::uniform_int_distribution<size_t>(0, out[at].size() - 1)(random));
                    size_t n = 1;
                    while (c + n < out[at].size() && (static_cast<unsigned char>(out[at][c + n]) & 0xC0) == 0x80) ++n;
                    out[at].replace(c, n, "(");
                }
                break;
            default: out.insert(out.begin() + static_cast<long>(at), "（二）良好等次（共 " + std::to_string(at % 7) + " 家）");
        }
    }
    std::string text;
    for (const auto& l : out) text += l + "\n";
    return text;
}

}  // namespace

TEST_CASE("damaged versions of 169号 are read without a crash, every message inside the text", "[import]") {
    diag::Diagnostics ignored;
    const model::Records records = load::load_content(io::DiskFiles(), source_dir() / "content", ignored);
    const auto lines = split_lines(read_text(seed_169()));
    std::mt19937 random(169);
    int planned = 0, with_errors = 0;
    for (int round = 0; round < 60; ++round) {
        const std::string text = damaged(lines, random);
        diag::Diagnostics diags;
        const auto source = importer::notice_text(text, "damaged.txt", importer::SourceText::Format::text, diags);
        if (!source) {
            CHECK(diags.has_errors());
            continue;
        }
        const auto plan = importer::propose_records(*source, records, {"damaged.txt", "/nonexistent", "damaged-1"}, diags);
        REQUIRE(plan);
        ++planned;
        with_errors += diags.has_errors();
        for (const auto& d : diags.all()) {
            if (d.pos.path.str() != "damaged.txt") continue;
            INFO(diag::format(d));
            CHECK(d.pos.line >= 0);
            CHECK(d.pos.line <= static_cast<int>(source->lines.size()));
        }
        // Entries never disappear silently: the ratings file lists every entry the plan counted.
        if (!plan->files.empty() && plan->entries > 0) {
            const std::string& ratings = plan->files[1].text;
            size_t listed = 0;
            for (size_t at = ratings.find("- rank:"); at != std::string::npos; at = ratings.find("- rank:", at + 1)) ++listed;
            CHECK(static_cast<int>(listed) == plan->entries);
        }
    }
    CHECK(planned == 60);
    CHECK(with_errors > 30);  // damage is noticed, not read past
}
