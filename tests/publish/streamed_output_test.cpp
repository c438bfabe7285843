// Files written in pieces (the whole-dataset downloads) and the cache's CBOR, written without a whole copy in
// memory, give the same bytes as the whole-copy ways they replace.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "hash/fingerprint.h"
#include "hash/sha256.h"
#include "publish/cbor_writer.h"
#include "publish/staging.h"
#include "render/output_sink.h"
#include "test_support.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

std::string pieces_file_text() {
    std::string text = "\xEF\xBB\xBFid,name\r\n";
    for (int i = 0; i < 5000; ++i) text += std::to_string(i) + ",太原市第" + std::to_string(i) + "社区\r\n";
    return text;
}

// Appends `text` to `file` in pieces of growing size (1, 2, 3 … bytes), then closes it.
render::ClosedFile write_in_pieces(render::OutputFile& file, std::string_view text) {
    size_t at = 0;
    for (size_t n = 1; at < text.size(); ++n) {
        file.append(text.substr(at, n));
        at += std::min(n, text.size() - at);
    }
    return file.close();
}

}  // namespace

TEST_CASE("a file written to the staging folder in pieces holds them all, recorded with its SHA-256", "[publish]") {
    TempDir dir;
    const std::string text = pieces_file_text();
    publish::Staging staging(dir.path() / "site");
    const render::ClosedFile closed = write_in_pieces(*staging.open("data/projects.csv"), text);
    staging.write("data/2023/projects.csv", "a year");
    CHECK(read_text(staging.dir() / "data/projects.csv") == text);
    CHECK(closed.size == text.size());
    CHECK(closed.sha256 == hash::sha256_hex(text));
    const auto contents = staging.contents();
    REQUIRE(contents.size() == 2);
    CHECK(contents[1].first == "data/projects.csv");
    CHECK(contents[1].second->size == text.size());
    CHECK(contents[1].second->sha256_hex() == hash::sha256_hex(text));
    CHECK(staging.files_written() == 2);
    CHECK(staging.bytes_written() == static_cast<long long>(text.size() + 6));
    CHECK_THROWS(staging.open("../outside.csv"));

    // Bytes the output already holds at the path are dropped (the output's file is kept, linked like a page left
    // alone); different bytes are written.
    auto same = staging.open("data/ratings.csv");
    same->append(text);
    const render::ClosedFile dropped = same->close(&closed);
    CHECK_FALSE(dropped.written);
    CHECK(dropped.sha256 == closed.sha256);
    CHECK_FALSE(fs::exists(staging.dir() / "data/ratings.csv"));
    auto other = staging.open("data/tasks.csv");
    other->append(text + "1,2\r\n");
    CHECK(other->close(&closed).written);
    CHECK(fs::exists(staging.dir() / "data/tasks.csv"));
    CHECK(staging.contents().size() == 3);
}

TEST_CASE("a sink without its own streaming gathers the pieces and writes them as one file", "[render]") {
    render::MemorySink sink;
    const std::string text = pieces_file_text();
    const render::ClosedFile closed = write_in_pieces(*sink.open("data/ratings.csv"), text);
    REQUIRE(sink.files().count("data/ratings.csv") == 1);
    CHECK(sink.files().at("data/ratings.csv") == text);
    CHECK(closed.size == text.size());
    CHECK(closed.sha256 == hash::sha256_hex(text));
    auto same = sink.open("data/tasks.csv");
    same->append(text);
    CHECK_FALSE(same->close(&closed).written);
    CHECK(sink.files().count("data/tasks.csv") == 0);
}

TEST_CASE("CborWriter writes what nlohmann::json's CBOR encoder writes for the same document", "[publish]") {
    // Every length class of a head: immediate, 1, 2, 4 and 8 bytes, at both ends.
    const std::uint64_t numbers[] = {0,     1,          23,         24,         255,        256,
                                     65535, 65536,      4294967295, 4294967296, UINT64_MAX};
    const std::string texts[] = {"", "a", std::string(23, 'x'), std::string(24, 'y'), "晋民函〔2023〕169号",
                                 std::string(300, 'z'), std::string(70000, 'w')};
    std::string mine;
    publish::CborWriter cbor(mine);
    nlohmann::json theirs = nlohmann::json::object();
    cbor.map(3);
    cbor.text("numbers").array(std::size(numbers));
    for (const auto n : numbers) cbor.number(n);
    theirs["numbers"] = numbers;
    cbor.text("outputs").map(std::size(texts));
    nlohmann::json outputs = nlohmann::json::object();
    std::vector<std::string> sorted(std::begin(texts), std::end(texts));
    std::sort(sorted.begin(), sorted.end());  // nlohmann's object is a std::map: its keys come sorted
    for (size_t i = 0; i < sorted.size(); ++i) {
        cbor.text(sorted[i]).array(3).number(i).number(i * 1000).number(i * 100000000);
        outputs[sorted[i]] = {i, i * 1000, i * 100000000};
    }
    theirs["outputs"] = outputs;
    cbor.text("texts").array(std::size(texts));
    for (const auto& t : texts) cbor.text(t);
    theirs["texts"] = texts;
    const std::vector<std::uint8_t> expected = nlohmann::json::to_cbor(theirs);
    CHECK(mine == std::string(expected.begin(), expected.end()));
    CHECK(nlohmann::json::from_cbor(mine) == theirs);
}

TEST_CASE("a fingerprint of one piece equals that of its length and its parts added unframed", "[publish]") {
    const std::string whole = pieces_file_text() + std::string(20000, 'q');  // past the fingerprint's 8 KB buffer
    const std::uint64_t once = hash::Fingerprint().add(whole).value();
    hash::Fingerprint parts;
    parts.add(static_cast<std::uint64_t>(whole.size()));
    for (size_t at = 0; at < whole.size(); at += 3001) parts.add_unframed(std::string_view(whole).substr(at, 3001));
    CHECK(parts.value() == once);
    CHECK(hash::Fingerprint().add(whole.substr(1)).value() != once);
}
