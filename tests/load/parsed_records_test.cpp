// The parsed-record cache itself (load/parsed_records.h): records of the real content taken from the cache
// make the same site, byte for byte, as records parsed from their files; only a file whose stamp changed is
// parsed.
#include "load/parsed_records.h"

#include <catch2/catch.hpp>

#include "io/input_files.h"
#include "load/load.h"
#include "model/site.h"
#include "publish/assets.h"
#include "render/render.h"
#include "test_support.h"
#include "validate/validate.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

// Every file of the real content, stamped by its size (and a made-up time), by path as the loader shows it.
load::FileStamps stamps_of(const fs::path& content) {
    load::FileStamps out;
    for (const auto& e : fs::recursive_directory_iterator(content))
        if (e.is_regular_file()) out[e.path().lexically_normal().generic_string()] = {e.file_size(), 1};
    return out;
}

struct Loaded {
    model::Records records;
    std::string diagnostics;
};

Loaded load_with(load::ParsedRecords& parsed, const fs::path& content) {
    const io::DiskFiles disk;
    diag::Diagnostics diags;
    Loaded l{load::load_content(disk, content, diags, &parsed), {}};
    validate::validate(l.records, {false}, diags);
    l.diagnostics = diag::format_all(diags, disk);
    return l;
}

// The whole site the records make, in memory.
std::map<std::string, std::string> site_of(model::Records records) {
    const io::DiskFiles disk;
    diag::Diagnostics diags;
    const render::Templates templates = render::Templates::load(disk, source_dir() / "templates", diags);
    REQUIRE_FALSE(diags.has_errors());
    const model::Site site = model::build_model(std::move(records), false);
    render::MemorySink sink;
    const render::PublishedAssets assets = publish::publish_assets(disk, source_dir() / "assets", sink, {});
    render::render_site(site, templates, assets, sink, 2, {}, {});
    return sink.files();
}

}  // namespace

TEST_CASE("records of the real content from the cache make the same site as records parsed from their files",
          "[load][parse-cache]") {
    const fs::path content = source_dir() / "content";
    load::ParsedRecords first(stamps_of(content));
    const Loaded parsed = load_with(first, content);
    REQUIRE(parsed.records.files_parsed == parsed.records.files_read);
    REQUIRE(parsed.records.projects.size() > 100);
    const load::RecordsToWrite written = first.to_write(parsed.records);
    REQUIRE(written.how == load::RecordsToWrite::How::replace);  // there was no cache to add to

    load::ParsedRecords second(stamps_of(content));
    REQUIRE(second.decode(written.bytes));
    const Loaded cached = load_with(second, content);
    CHECK(cached.records.files_parsed == 0);
    CHECK(cached.records.files_read == parsed.records.files_read);
    CHECK(second.to_write(cached.records).how == load::RecordsToWrite::How::none);  // nothing to write back
    CHECK(cached.diagnostics == parsed.diagnostics);
    CHECK(cached.records.shared_source_hash == parsed.records.shared_source_hash);
    CHECK(site_of(cached.records) == site_of(parsed.records));
}

TEST_CASE("only a file whose stamp changed is parsed again, and only its record is added to the cache",
          "[load][parse-cache]") {
    const fs::path content = source_dir() / "content";
    load::ParsedRecords first(stamps_of(content));
    const std::string bytes = first.to_write(load_with(first, content).records).bytes;

    auto stamps = stamps_of(content);
    const std::string project = (content / "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml")
                                    .lexically_normal()
                                    .generic_string();
    REQUIRE(stamps.count(project) == 1);
    stamps[project].mtime_ns = 2;
    load::ParsedRecords second(stamps);
    REQUIRE(second.decode(bytes));
    const Loaded again = load_with(second, content);
    CHECK(again.records.files_parsed == 1);
    const load::RecordsToWrite added = second.to_write(again.records);
    CHECK(added.how == load::RecordsToWrite::How::append);
    CHECK(added.bytes.size() < bytes.size() / 50);  // one record, not all of them

    // The cache with the block added: the new record replaces the old one, and nothing is parsed.
    load::ParsedRecords third(stamps);
    REQUIRE(third.decode(bytes + added.bytes));
    CHECK(load_with(third, content).records.files_parsed == 0);
    // A file back at its old stamp is not taken for the old record: the newest record of a path is the one
    // used.
    load::ParsedRecords back(stamps_of(content));
    REQUIRE(back.decode(bytes + added.bytes));
    CHECK(load_with(back, content).records.files_parsed == 1);
}

TEST_CASE("bytes that are not a whole parsed-record cache are refused", "[load][parse-cache]") {
    const fs::path content = source_dir() / "content";
    load::ParsedRecords first(stamps_of(content));
    const std::string bytes = first.to_write(load_with(first, content).records).bytes;
    for (const std::string& bad :
         {std::string("not a cache"), bytes.substr(0, bytes.size() / 2), bytes + "x", std::string()}) {
        load::ParsedRecords p(stamps_of(content));
        CHECK_FALSE(p.decode(bad));
        CHECK(load_with(p, content).records.files_parsed > 100);
    }
}

TEST_CASE("the cache's bytes handed over in many pieces are one cache, and each record is encoded from the loaded one",
          "[load][parse-cache]") {
    const fs::path content = source_dir() / "content";
    load::ParsedRecords first(stamps_of(content));
    const Loaded parsed = load_with(first, content);
    const std::string whole = first.to_write(parsed.records).bytes;

    // In pieces of about 1 KB (a build's are 4 MB): many, each about that size, together the same bytes.
    std::vector<std::string> pieces;
    first.encode_to(load::RecordsToWrite::How::replace, parsed.records,
                    [&](std::string_view piece) { pieces.emplace_back(piece); }, 1024);
    REQUIRE(pieces.size() > 10);
    std::string joined;
    for (size_t i = 0; i < pieces.size(); ++i) {
        if (i + 1 < pieces.size()) CHECK(pieces[i].size() >= 1024);
        joined += pieces[i];
    }
    CHECK(joined == whole);

    // A record is encoded as the load holds it when the cache is written: a project changed in memory after it
    // was parsed is read back changed (taken at the parse, it would read back as parsed).
    model::Records changed = parsed.records;
    REQUIRE_FALSE(changed.projects.empty());
    changed.projects.front().name = "改过的名称";
    load::ParsedRecords second(stamps_of(content));
    REQUIRE(second.decode(first.to_write(changed).bytes));
    const Loaded cached = load_with(second, content);
    CHECK(cached.records.files_parsed == 0);
    CHECK(cached.records.projects.front().name == "改过的名称");
    CHECK(cached.records.projects.back().name == parsed.records.projects.back().name);
}
