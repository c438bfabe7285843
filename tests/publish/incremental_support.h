// Shared by the incremental-build tests: a private copy of the inputs that builds with the binary, and ways to
// compare two builds' files (contents, and identity: a file a build rewrote gets a new inode).
#pragma once

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "test_support.h"

namespace gongshi::testing {

struct FileIdentity {
    ino_t inode = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileIdentity&) const = default;
};

// path → (inode, mtime): a file a build rewrote gets a new inode (it is renamed in from the staging folder).
inline std::map<std::string, FileIdentity> identities(const fs::path& root) {
    std::map<std::string, FileIdentity> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        struct stat st {};
        REQUIRE(::stat(e.path().c_str(), &st) == 0);
        out[e.path().lexically_relative(root).generic_string()] = {
            st.st_ino, static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
    }
    return out;
}

inline std::set<std::string> rewritten(const std::map<std::string, FileIdentity>& before,
                                const std::map<std::string, FileIdentity>& after) {
    std::set<std::string> out;
    for (const auto& [path, id] : after) {
        auto it = before.find(path);
        if (it == before.end() || !(it->second == id)) out.insert(path);
    }
    return out;
}

inline std::set<std::string> differing(const std::map<std::string, std::string>& before,
                                const std::map<std::string, std::string>& after) {
    std::set<std::string> out;
    for (const auto& [path, bytes] : after) {
        auto it = before.find(path);
        if (it == before.end() || it->second != bytes) out.insert(path);
    }
    return out;
}

struct Site : InputCopy {
    fs::path out = dir.path() / "site";

    std::string build(const fs::path& to) const {
        std::string output;
        const int status = run_gongshi(build_command(content, to, "--no-search", templates, assets), output);
        INFO(output);
        REQUIRE(status == 0);
        return output;
    }
    std::string build() const { return build(out); }
    // The same with -v, which says how the edition the build started from was listed ("previous edition: …").
    std::string build_verbose() const {
        std::string output;
        const int status = run_gongshi(build_command(content, out, "--no-search -v", templates, assets), output);
        INFO(output);
        REQUIRE(status == 0);
        return output;
    }
    // What a build from scratch of the same inputs writes (the reference an incremental build must equal).
    std::map<std::string, std::string> clean_build() const {
        const fs::path fresh = dir.path() / "fresh" / "site";
        fs::remove_all(fresh.parent_path());
        build(fresh);
        return read_tree(fresh);
    }
};

// Every file but the changes log, whose text says what the last build changed and so differs by design, and the
// manifest, which lists the log's hash.
inline std::map<std::string, std::string> without_log(std::map<std::string, std::string> tree) {
    tree.erase("changes/index.html");
    tree.erase("SHA256SUMS");  // the manifest lists the log's hash (tests/publish/manifest_test.cpp checks it)
    tree.erase("manifest.json");
    return tree;
}

inline const char* const new_project = R"(id: taiyuan-yingze-qiaodong-2023
name: 太原市迎泽区桥东街道新建社区养老幸福工程
year: 2023
city: taiyuan
county: 迎泽区
town: 桥东街道
community: 新建社区
)";

// One group of a ratings file giving one project one rating, as a notice prints it.
inline std::string rating_group(int year, const std::string& tier, const std::string& heading,
                                const std::string& project, const std::string& printed) {
    return "  - year: " + std::to_string(year) + "\n    tier: " + tier + "\n    declared: 1\n    heading: " + heading +
           "\n    entries:\n      - rank: 1\n        project: " + project + "\n        printed: " + printed + "\n";
}

inline const std::string new_rating_group = rating_group(2023, "excellent", "（三）优秀等次（共1家）",
                                                         "taiyuan-yingze-qiaodong-2023",
                                                         "太原市迎泽区桥东街道新建社区养老幸福工程");

inline ino_t folder_inode(const fs::path& dir) {
    struct stat st {};
    REQUIRE(::stat(dir.c_str(), &st) == 0);
    return st.st_ino;
}

}  // namespace gongshi::testing
