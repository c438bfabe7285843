// The search index (issue 20): tokens, shard files, determinism, and a rebuild after one notice that writes only
// the index files whose bytes change and ends byte-identical to a full build of the same content.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <set>

#include "search/index_files.h"
#include "search/normalize.h"
#include "search/records.h"
#include "large_content.h"
#include "test_support.h"

using namespace gongshi::testing;
namespace search = gongshi::search;

namespace {

std::vector<std::string> T(std::vector<std::string> v) { return v; }

std::map<std::string, std::string> index_files(const fs::path& site) {
    std::map<std::string, std::string> out;
    for (auto& [path, bytes] : read_tree(site))
        if (path.starts_with("search-index/")) out.emplace(path, std::move(bytes));
    return out;
}

// The tokens of one posting file, in order.
std::vector<std::string> posting_tokens(const std::string& bytes) {
    std::vector<std::string> out;
    size_t i = 0;
    auto varint = [&] {
        std::uint64_t v = 0;
        for (int shift = 0;; shift += 7) {
            const auto b = static_cast<unsigned char>(bytes.at(i++));
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
    };
    while (i < bytes.size()) {
        const auto len = varint();
        out.push_back(bytes.substr(i, len));
        i += len;
        const auto n = varint();
        for (std::uint64_t k = 0; k < n; ++k) varint(), ++i;
    }
    return out;
}

}  // namespace

TEST_CASE("folding keeps only CJK characters, small letters and digits", "[search]") {
    CHECK(search::normalize("晋民函〔2023〕169号") == "晋民函2023169号");
    CHECK(search::normalize("晋民函2023 169") == "晋民函2023169");
    CHECK(search::normalize("ＡＢｃ　１２３・龙城") == "abc123龙城");
    CHECK(search::normalize("  ") == "");
}

TEST_CASE("tokens are overlapping CJK bigrams across punctuation, ASCII words and digit runs", "[search]") {
    CHECK(search::tokens("龙城新苑") == T({"龙城", "城新", "新苑"}));
    CHECK(search::tokens("龙城 新苑") == T({"龙城", "城新", "新苑"}));
    CHECK(search::tokens("晋民函〔2023〕169号") == T({"晋民", "民函", "2023", "169"}));
    CHECK(search::tokens("晋民函2023 169") == T({"晋民", "民函", "2023", "169"}));
    CHECK(search::tokens("169号") == T({"169"}));
    CHECK(search::tokens("代县") == T({"代县"}));
    CHECK(search::tokens("ＧＢ/T 2260") == T({"gb", "t", "2260"}));
    CHECK(search::tokens("县").empty());
}

TEST_CASE("markdown becomes plain text for searching: marks and link targets dropped", "[search]") {
    CHECK(search::plain_text("## 一、结果\n\n共**152个**，见[附件](https://x.example/a.pdf)。\n| 1 | 太原市 |") ==
          "一、结果 共 152个 ，见附件。  1  太原市");
}

TEST_CASE("a token goes to the shard its hash names, or to a file of its own when it is common", "[search]") {
    std::vector<search::SearchRecord> records(1100);
    for (size_t i = 0; i < records.size(); ++i) {
        records[i].part = "p2023";
        records[i].url = "/projects/p" + std::to_string(i) + "/";
        records[i].title = records[i].url;
        records[i].names = {"太原市养老幸福工程" + std::to_string(i)};
        records[i].place = {"太原市", i % 2 ? "代县" : "沁县"};
    }
    std::vector<const search::SearchRecord*> part;
    for (const auto& r : records) part.push_back(&r);
    search::PartitionShape shape;
    const auto files = search::partition_files("p2023", part, shape);
    CHECK(shape.records == 1100);
    CHECK(shape.block == 32);
    // "太原" is in every record: common; "代县" in 550, below the limit: in its shard.
    CHECK(std::find(shape.common.begin(), shape.common.end(), "太原") != shape.common.end());
    CHECK(std::find(shape.common.begin(), shape.common.end(), "代县") == shape.common.end());
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", search::token_hash("太原"));
    CHECK(posting_tokens(files.at("search-index/p2023/c/" + std::string(hex) + ".bin")) == T({"太原"}));
    const std::string shard = "search-index/p2023/t/" + std::to_string(search::token_hash("代县") & (shape.shards - 1)) + ".bin";
    const auto in_shard = posting_tokens(files.at(shard));
    CHECK(std::find(in_shard.begin(), in_shard.end(), "代县") != in_shard.end());
    CHECK(std::is_sorted(in_shard.begin(), in_shard.end()));
    // Every path partition_paths names is written, and nothing else (filters are separate files).
    std::vector<std::string> written;
    for (const auto& [path, bytes] : files) written.push_back(path);
    auto named = search::partition_paths("p2023", shape);
    std::sort(named.begin(), named.end());
    CHECK(written == named);
    // The shape read back is the shape written.
    search::PartitionShape back;
    REQUIRE(search::parse_part_json(files.at("search-index/p2023/shape.txt"), back));
    CHECK(back.records == shape.records);
    CHECK(back.shards == shape.shards);
    CHECK(back.common == shape.common);
    CHECK_FALSE(search::parse_part_json("records 3\nshards x\nblock 4\n", back));
}

TEST_CASE("the manifest says which partitions hold projects, so the client ranks without reading filters", "[search]") {
    search::Facets facets;
    facets.kinds = {"项目", "通知"};
    search::PartitionShape shape;
    shape.records = 3;
    const std::string m = search::manifest(facets, {{"d2023", shape}, {"p2023", shape}});
    CHECK(m.find("{\"id\":\"d2023\",\"projects\":false,") != std::string::npos);
    CHECK(m.find("{\"id\":\"p2023\",\"projects\":true,") != std::string::npos);
    CHECK(search::part_holds_projects("p2025"));
    CHECK_FALSE(search::part_holds_projects("d2025"));
}

TEST_CASE("the FNV-1a token hash is the one search.js computes", "[search]") {
    CHECK(search::token_hash("") == 2166136261u);
    CHECK(search::token_hash("a") == 0xe40c292cu);
    CHECK(search::token_hash("代县") == 0xb562c5dbu);  // as search.js computes it (node: tokenHash("代县"))
}

TEST_CASE("two builds of the same content make byte-identical indexes", "[search]") {
    InputCopy in;
    std::string output;
    REQUIRE(run_gongshi(build_command(in.content, in.dir.path() / "a"), output) == 0);
    REQUIRE(run_gongshi(build_command(in.content, in.dir.path() / "b"), output) == 0);
    const auto a = index_files(in.dir.path() / "a");
    REQUIRE(a.size() > 5);
    CHECK(a.count("search-index/index.json") == 1);
    CHECK(a == index_files(in.dir.path() / "b"));
}

TEST_CASE("after one new notice the index equals a full build's, and only changed index files are written", "[search]") {
    InputCopy in;
    std::string output;
    const fs::path site = in.dir.path() / "site";
    REQUIRE(run_gongshi(build_command(in.content, site), output) == 0);
    const auto before = index_files(site);
    // A new notice: its year's partition of documents changes; no project's text changes.
    write_text(in.content / "notices" / "search-test-2023.md",
               "---\ndoc_number: 晋民函〔2023〕777号\ntitle: 关于示例事项的通知（示例）\nissuer: 山西省民政厅\nkind: 通知\n"
               "date: 2023-12-05\nyear: 2023\ndisclosure: 主动公开\nsource_file: test.txt\nsummary: 示例摘要。\n---\n示例正文：回访龙城新苑。\n");
    const int status = run_gongshi(build_command(in.content, site), output);
    INFO(output);
    REQUIRE(status == 0);
    // One partition of documents made again; the others kept without being made.
    CHECK_THAT(output, Catch::Matchers::Contains(", 1 of 3 parts made"));
    const auto after = index_files(site);
    REQUIRE(run_gongshi(build_command(in.content, in.dir.path() / "full"), output) == 0);
    CHECK(after == index_files(in.dir.path() / "full"));
    std::set<std::string> changed;
    for (const auto& [path, bytes] : after) {
        auto it = before.find(path);
        if (it == before.end() || it->second != bytes) changed.insert(path);
    }
    // The manifest and the new partition; every project partition is as it was.
    CHECK(changed.count("search-index/index.json") == 1);
    for (const auto& path : changed)
        CHECK((path == "search-index/index.json" || path.starts_with("search-index/d2023/")));
}

namespace {

// Builds the fixture, applies `change` to its content, builds again over the first build, and checks the index the
// second build left against a clean build of the changed content: byte for byte the same, different from the
// first (so the change reaches the index — were one of the index's inputs dropped from its keys, the build over
// the first would keep files a clean build makes otherwise), with `parts_made` of the 3 partitions made again.
void check_rebuild_after(const std::function<void(const fs::path& content)>& change, int parts_made) {
    InputCopy in;
    std::string output;
    const fs::path site = in.dir.path() / "site";
    REQUIRE(run_gongshi(build_command(in.content, site), output) == 0);
    const auto before = index_files(site);
    change(in.content);
    const int status = run_gongshi(build_command(in.content, site), output);
    INFO(output);
    REQUIRE(status == 0);
    CHECK_THAT(output, Catch::Matchers::Contains(", " + std::to_string(parts_made) + " of 3 parts made"));
    const auto after = index_files(site);
    REQUIRE(run_gongshi(build_command(in.content, in.dir.path() / "clean"), output) == 0);
    const auto clean = index_files(in.dir.path() / "clean");
    CHECK(after != before);
    CHECK(after.size() == clean.size());
    for (const auto& [path, bytes] : clean) {
        INFO(path);
        CHECK(after.count(path) == 1);
        CHECK((after.count(path) && after.at(path) == bytes));
    }
}

}  // namespace

TEST_CASE("after a rating's tier changes the index equals a clean build's, its text kept", "[search]") {
    // The filters of the rated project and of the notice change; no record's text does.
    check_rebuild_after(
        [](const fs::path& content) {
            edit(content / "ratings" / "jinminhan-2023-169.yaml", "    tier: good\n", "    tier: qualified\n");
        },
        0);
}

TEST_CASE("after a project's name changes the index equals a clean build's", "[search]") {
    check_rebuild_after(
        [](const fs::path& content) {
            edit(content / "projects" / "datong" / "datong-pingcheng-boxue-2023.yaml",
                 "name: 大同市平城区马军营街道博学社区养老幸福工程\n",
                 "name: 大同市平城区马军营街道博学新村社区养老幸福工程\n");
        },
        1);
}

TEST_CASE("after a notice's title changes the index equals a clean build's", "[search]") {
    check_rebuild_after(
        [](const fs::path& content) {
            edit(content / "notices" / "jinminhan-2023-169.md", "title: 测试通报\n", "title: 测试评定通报\n");
        },
        1);
}

TEST_CASE("after a reply's text changes the index equals a clean build's", "[search]") {
    check_rebuild_after(
        [](const fs::path& content) { edit(content / "replies" / "changminhan-2023-94.md", "答复正文。", "答复正文：已办结。"); },
        1);
}

TEST_CASE("after a city is renamed in cities.yaml every partition is made again, as in a clean build", "[search]") {
    check_rebuild_after(
        [](const fs::path& content) { edit(content / "cities.yaml", "name: 大同市\n", "name: 大同市（测试）\n"); },
        3);
}

TEST_CASE("after site.yaml changes every partition is made again, as in a clean build", "[search]") {
    check_rebuild_after(
        [](const fs::path& content) { edit(content / "site.yaml", "    name: 达标\n", "    name: 合格\n"); },
        3);
}

TEST_CASE("after a new rating list the rated records' filters equal a clean build's, their text kept", "[search]") {
    // A second list for the plan notice: a new tier for a 2022 project; no record's text changes.
    check_rebuild_after(
        [](const fs::path& content) {
            write_text(content / "ratings" / "jinminfa-2023-7.yaml",
                       "notice: jinminfa-2023-7\ngroups:\n  - year: 2023\n    tier: qualified\n    declared: 1\n"
                       "    heading: （一）达标（共1家）（示例）\n    entries:\n      - rank: 1\n"
                       "        project: taiyuan-yingze-longchengxinyuan-2022\n"
                       "        printed: 太原市迎泽区郝庄镇龙城新苑社区养老幸福工程\n");
        },
        0);
}

TEST_CASE("a notice's and a reply letter's year filter includes their own year — a notice adds the years it rated",
          "[search]") {
    // The search page's year filter lists the documents' years (search_facets): a letter of 2025 that rates
    // nothing must match 2025, or the filter shows a year whose documents it then hides.
    const gongshi::model::Site site = site_of(source_dir() / "content");
    const search::Facets facets = search::search_facets(site);
    const std::vector<search::RecordFilters> filters = search::record_filters(site, facets);
    const auto bit = [&](int year) {
        const auto it = std::find(facets.years.begin(), facets.years.end(), year);
        REQUIRE(it != facets.years.end());
        return 1u << (it - facets.years.begin());
    };
    const size_t first_document = site.projects.size();
    REQUIRE(!site.replies.empty());
    for (size_t i = 0; i < site.notices.size(); ++i) {
        const auto& n = site.notices[i];
        INFO(n.id.value);
        unsigned expected = bit(n.year);
        for (const auto& r : site.ratings)
            if (site.notices[r.notice].id.value == n.id.value) expected |= bit(r.year);
        CHECK(filters[first_document + i].years == expected);
    }
    for (size_t i = 0; i < site.replies.size(); ++i) {
        INFO(site.replies[i].id.value);
        CHECK(filters[first_document + site.notices.size() + i].years == bit(site.replies[i].year));
    }
}
