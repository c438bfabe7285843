// The fast tree listing behind the input stamps: every file, however many folders, symbolic links not followed.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>

#include "publish/build_cache.h"
#include "publish/file_tree.h"
#include "test_support.h"

using namespace gongshi::testing;
namespace publish = gongshi::publish;

TEST_CASE("list_tree lists every file of a tree with more folders than open files allowed", "[publish][tree]") {
    TempDir dir;
    const fs::path root = dir.path() / "tree";
    struct rlimit files {};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &files) == 0);
    // More folders than this process may hold open at once: a walk that kept each queued folder open lost files.
    const int folders = static_cast<int>(std::min<rlim_t>(files.rlim_cur, 20000)) + 100;
    std::vector<std::string> expected;
    for (int i = 0; i < folders; ++i) {
        const std::string rel = "d" + std::to_string(i % 7) + "/f" + std::to_string(i) + "/index.html";
        write_text(root / rel, std::to_string(i));
        expected.push_back(rel);
    }
    write_text(root / "top.txt", "x");
    expected.push_back("top.txt");
    fs::create_symlink("/etc", root / "d1" / "link");  // listed as itself, never entered
    expected.push_back("d1/link");
    std::sort(expected.begin(), expected.end());

    for (int threads : {1, 2, 4}) {
        INFO(threads << " threads");
        const auto entries = publish::list_tree(root, threads);
        std::vector<std::string> paths;
        for (const auto& e : entries) paths.push_back(e.path);
        CHECK(paths == expected);  // sorted, complete
        const auto link = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.path == "d1/link"; });
        REQUIRE(link != entries.end());
        CHECK(S_ISLNK(link->stat.mode));
    }
    const auto skipped = publish::list_tree(root, 2, [](std::string_view rel) { return rel == "d3"; });
    CHECK(std::none_of(skipped.begin(), skipped.end(), [](const auto& e) { return e.path.starts_with("d3/"); }));
    CHECK(skipped.size() == expected.size() - static_cast<size_t>(std::count_if(expected.begin(), expected.end(), [](const std::string& p) { return p.starts_with("d3/"); })));
    CHECK(publish::list_tree(dir.path() / "missing").empty());
}

TEST_CASE("input stamps change when a file's size or time changes, and list every file", "[publish][tree]") {
    TempDir dir;
    const fs::path content = dir.path() / "content";
    write_text(content / "projects/a/p1.yaml", "id: p1\n");
    write_text(content / "projects/b/p2.yaml", "id: p2\n");
    const auto before = publish::stamp_inputs({content});
    REQUIRE(before.size() == 2);
    CHECK(before[0].path == (content / "projects/a/p1.yaml").generic_string());
    CHECK(publish::stamp_inputs({content}) == before);
    write_text(content / "projects/b/p2.yaml", "id: p2 \n");
    CHECK(publish::stamp_inputs({content}) != before);
}

TEST_CASE("stats kept by path are found by exact path only", "[publish][tree]") {
    publish::StatsByPath stats;
    const std::vector<std::string> paths = {"a/index.html", "a/index.html.bak", "b/index.html", "b0/index.html"};
    for (size_t i = 0; i < paths.size(); ++i) stats.add(paths[i], {true, i, 0, 1, static_cast<ino_t>(100 + i), S_IFREG});
    for (size_t i = 0; i < paths.size(); ++i) {
        const publish::FileStat* found = stats.find(paths[i]);
        REQUIRE(found);
        CHECK(found->ino == 100 + i);
    }
    CHECK_FALSE(stats.find("a"));
    CHECK_FALSE(stats.find("a/index.htm"));
    CHECK_FALSE(stats.find("b/index.html "));
    CHECK_FALSE(stats.find(""));
    CHECK_FALSE(stats.find("c/index.html"));
    CHECK_FALSE(publish::StatsByPath{}.find("a/index.html"));
}

TEST_CASE("a listing without stats gives each file's type, inode and device as lstat does", "[publish][tree]") {
    TempDir dir;
    const fs::path root = dir.path() / "site";
    write_text(root / "index.html", "home");
    write_text(root / "projects/p1/index.html", "p1");
    write_text(root / "projects/p2/index.html", "p2");
    fs::create_symlink("../p1/index.html", root / "projects/p2/alias.html");
    const auto listed = publish::list_tree(root, 2, {}, publish::TreeDetail::identity);
    const auto stated = publish::list_tree(root, 2, {}, publish::TreeDetail::stat);
    REQUIRE(listed.size() == 4);
    REQUIRE(stated.size() == listed.size());
    for (size_t i = 0; i < listed.size(); ++i) {
        INFO(listed[i].path);
        CHECK(listed[i].path == stated[i].path);
        CHECK(listed[i].stat.exists);
        CHECK(listed[i].stat.ino == stated[i].stat.ino);
        CHECK(listed[i].stat.dev == stated[i].stat.dev);
        CHECK((listed[i].stat.mode & S_IFMT) == (stated[i].stat.mode & S_IFMT));
        CHECK(listed[i].stat.size == 0);  // not asked for
        CHECK(stated[i].stat.size > 0);
    }
    CHECK(S_ISLNK(listed[2].stat.mode));  // projects/p2/alias.html, never followed
}

TEST_CASE("a walk from an open folder lists what list_tree lists, and stops when asked", "[publish][tree]") {
    TempDir dir;
    const fs::path root = dir.path() / "tree";
    for (int i = 0; i < 50; ++i) write_text(root / ("projects/p" + std::to_string(i) + "/index.html"), "p");
    write_text(root / "index.html", "home");
    const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    // Renamed once the walk has its descriptor, as an adopted edition is: the walk follows the folder, not the name.
    fs::rename(root, dir.path() / "renamed");
    std::atomic<bool> stop{false};
    const auto walked = publish::list_tree_at(fd, 4, publish::TreeDetail::identity, &stop);
    const auto listed = publish::list_tree(dir.path() / "renamed", 4, {}, publish::TreeDetail::identity);
    REQUIRE(walked.size() == 51);
    REQUIRE(listed.size() == walked.size());
    for (size_t i = 0; i < walked.size(); ++i) {
        CHECK(walked[i].path == listed[i].path);
        CHECK(walked[i].stat.ino == listed[i].stat.ino);
    }
    stop = true;  // asked before it starts: no folder is read
    CHECK(publish::list_tree_at(fd, 4, publish::TreeDetail::identity, &stop).empty());
    ::close(fd);
}
