// /SHA256SUMS and /manifest.json list every published file with its size and SHA-256, exactly.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "hash/sha256.h"
#include "publish/manifest.h"
#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

// Built with the repository's templates and assets: Pagefind is found from the templates' folder.
struct ManifestSite : InputCopy {
    fs::path out = dir.path() / "site";
    void build(const fs::path& to, const std::string& extra = "--no-search") const {
        std::string output;
        const int status = run_gongshi(build_command(content, to, extra), output);
        INFO(output);
        REQUIRE(status == 0);
        if (extra.find("--no-search") == std::string::npos) REQUIRE_THAT(output, Contains("search index: "));
    }
};

// sha256sum (coreutils) checks every line against the files, from the site's root.
void check_sums(const fs::path& site) {
    std::string output;
    CHECK(run_command("cd '" + site.string() + "' && sha256sum --check --strict --quiet SHA256SUMS", output) == 0);
    INFO(output);
    CHECK(output.empty());
}

}  // namespace

TEST_CASE("SHA256SUMS lists every file of the site but itself and manifest.json, and sha256sum confirms each",
          "[publish]") {
    ManifestSite s;
    s.build(s.out, "");  // with the search index: its files are published too
    check_sums(s.out);
    std::set<std::string> listed;
    const std::string sums = read_text(s.out / "SHA256SUMS");
    for (size_t at = 0; at < sums.size();) {
        const size_t end = sums.find('\n', at);
        listed.insert(sums.substr(at + 66, end - at - 66));
        at = end + 1;
    }
    std::set<std::string> files;
    for (const auto& [path, bytes] : read_tree(s.out))
        if (path != "SHA256SUMS" && path != "manifest.json") files.insert(path);
    CHECK(listed == files);
    CHECK(files.count("search-index/index.json") == 1);  // the search index is published, so listed
}

TEST_CASE("manifest.json gives each file's size and SHA-256, the same as the bytes", "[publish]") {
    ManifestSite s;
    s.build(s.out);
    const std::string json = read_text(s.out / "manifest.json");
    const auto tree = read_tree(s.out);
    CHECK_THAT(json, Contains("\"count\": " + std::to_string(tree.size() - 2) + ","));
    for (const auto& [path, bytes] : tree) {
        if (path == "SHA256SUMS" || path == "manifest.json") continue;
        INFO(path);
        CHECK_THAT(json, Contains("{\"path\": \"" + path + "\", \"size\": " + std::to_string(bytes.size()) +
                                  ", \"sha256\": \"" + gongshi::hash::sha256_hex(bytes) + "\"}"));
    }
}

TEST_CASE("two builds of the same content into different folders give the same manifest", "[publish]") {
    ManifestSite s;
    s.build(s.out, "");
    s.build(s.dir.path() / "again" / "site", "");
    CHECK(read_text(s.out / "SHA256SUMS") == read_text(s.dir.path() / "again/site/SHA256SUMS"));
    CHECK(read_text(s.out / "manifest.json") == read_text(s.dir.path() / "again/site/manifest.json"));
}

TEST_CASE("an incremental build takes an unchanged file's hash from <out>.hashes and hashes what it wrote",
          "[publish]") {
    ManifestSite s;
    s.build(s.out);
    const fs::path cache = s.dir.path() / "site.hashes";
    const std::string real = gongshi::hash::sha256_hex(read_text(s.out / "robots.txt"));
    // A planted hash for robots.txt, which the next build does not rewrite: if it shows up in the manifest, the
    // build took it from the cache instead of reading the file.
    const std::string planted(64, 'a');
    std::string text = read_text(cache);
    const auto at = text.find(real + " robots.txt\n");
    REQUIRE(at != std::string::npos);
    text.replace(at, 64, planted);
    write_text(cache, text);

    edit(s.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml", "area_m2: 1800", "area_m2: 1900");
    s.build(s.out);
    const std::string sums = read_text(s.out / "SHA256SUMS");
    CHECK_THAT(sums, Contains(planted + "  robots.txt\n"));
    const std::string page = "projects/taiyuan-qingxu-jinshatan-2023/index.html";
    CHECK_THAT(sums, Contains(gongshi::hash::sha256_hex(read_text(s.out / page)) + "  " + page + "\n"));
}

TEST_CASE("after rebuilds that link, adopt and reconcile, SHA256SUMS lists exactly the files of the site",
          "[publish][incremental]") {
    // The manifest is made from what the staging folder was given (written, linked, kept), not from a walk of the
    // tree: each way a file gets there, and a stray file the reconcile removes, must show in it exactly.
    ManifestSite s;
    const auto check_listed = [&](const char* when) {
        INFO(when);
        check_sums(s.out);
        std::set<std::string> listed, files;
        const std::string sums = read_text(s.out / "SHA256SUMS");
        for (size_t at = 0; at < sums.size();) {
            const size_t end = sums.find('\n', at);
            listed.insert(sums.substr(at + 66, end - at - 66));
            at = end + 1;
        }
        for (const auto& [path, bytes] : read_tree(s.out))
            if (path != "SHA256SUMS" && path != "manifest.json") files.insert(path);
        CHECK(listed == files);
    };
    s.build(s.out);
    check_listed("a full build (every file written)");
    edit(s.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml", "area_m2: 1800", "area_m2: 1900");
    s.build(s.out);
    check_listed("the first rebuild (unchanged files linked into a new folder)");
    // The edition the next build adopts, with a file nobody published planted in it.
    const fs::path previous = s.dir.path() / "site.previous";
    REQUIRE(fs::is_directory(previous / "projects"));
    write_text(previous / "projects/stray.html", "<p>not published</p>");
    edit(s.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml", "area_m2: 1900", "area_m2: 2000");
    s.build(s.out);
    check_listed("a rebuild in the adopted edition (unchanged files kept, a stray one removed)");
    CHECK_FALSE(fs::exists(s.out / "projects/stray.html"));
    s.build(s.out);
    check_listed("a rebuild that changed nothing");
}

TEST_CASE("a rebuild whose manifest is the published one's keeps the published files — the hash cache names them last",
          "[publish]") {
    ManifestSite s;
    s.build(s.out);
    const auto inode = [](const fs::path& f) {
        struct stat st {};
        REQUIRE(::lstat(f.c_str(), &st) == 0);
        return st.st_ino;
    };
    const auto sums_inode = inode(s.out / "SHA256SUMS"), json_inode = inode(s.out / "manifest.json");
    const std::string sums = read_text(s.out / "SHA256SUMS");
    // The hash cache's last two file lines are the manifest's own files, as the site holds them (after them come
    // the edition record's "# folder" lines, edition_record.h).
    std::string file_lines, line;
    std::istringstream cache(read_text(s.dir.path() / "site.hashes"));
    while (std::getline(cache, line))
        if (!line.starts_with("# ")) file_lines += line + '\n';
    const size_t last = file_lines.rfind('\n', file_lines.size() - 2), before = file_lines.rfind('\n', last - 1);
    const std::string last_two = file_lines.substr(before + 1);
    CHECK_THAT(last_two, Contains(" SHA256SUMS\n") && Contains(" manifest.json\n"));
    CHECK_THAT(last_two, Contains(gongshi::hash::sha256_hex(sums)));

    // A file touched, not changed: the build runs, and every file it makes is what the site holds.
    const fs::path project = s.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml";
    write_text(project, read_text(project));
    s.build(s.out);
    CHECK(inode(s.out / "SHA256SUMS") == sums_inode);
    CHECK(inode(s.out / "manifest.json") == json_inode);

    // A change: the manifest is written anew, and lists the new bytes.
    edit(project, "area_m2: 1800", "area_m2: 1900");
    s.build(s.out);
    CHECK(inode(s.out / "SHA256SUMS") != sums_inode);
    CHECK(read_text(s.out / "SHA256SUMS") != sums);
    check_sums(s.out);
}

TEST_CASE("a hash cache out of order or damaged gives the same manifest: what it cannot vouch for is hashed again",
          "[publish]") {
    ManifestSite s;
    s.build(s.out);
    const fs::path cache = s.dir.path() / "site.hashes";
    std::vector<std::string> lines;
    const std::string text = read_text(cache);
    for (size_t at = 0; at < text.size();) {
        const size_t end = text.find('\n', at);
        lines.push_back(text.substr(at, end - at + 1));
        at = end + 1;
    }
    REQUIRE(lines.size() > 20);
    std::reverse(lines.begin(), lines.end());
    lines[3] = "not a line\n";
    lines[7] = "1 2 3 " + std::string(64, 'f') + "\n";
    std::string shuffled;
    for (const auto& l : lines) shuffled += l;
    write_text(cache, shuffled);

    edit(s.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml", "area_m2: 1800", "area_m2: 1900");
    s.build(s.out);
    check_sums(s.out);
    const std::string json = read_text(s.out / "manifest.json");
    const std::string robots = read_text(s.out / "robots.txt");
    CHECK_THAT(json, Contains("{\"path\": \"robots.txt\", \"size\": " + std::to_string(robots.size()) +
                              ", \"sha256\": \"" + gongshi::hash::sha256_hex(robots) + "\"}"));
}
