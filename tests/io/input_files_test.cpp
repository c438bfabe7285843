// The one seam for reading inputs: the real file system and the tree in memory answer alike.
#include <catch2/catch.hpp>

#include <algorithm>

#include "io/input_files.h"
#include "test_support.h"

using namespace gongshi;
using gongshi::testing::TempDir;

TEST_CASE("a tree in memory lists folders and files, sorted, and reads files", "[io]") {
    io::MemoryFiles files;
    files.add("content/site.yaml", "a");
    files.add("content/projects/taiyuan/b.yaml", "bb");
    files.add("content/projects/datong/c.yaml", "ccc");
    CHECK(files.kind("content") == io::FileKind::folder);
    CHECK(files.kind("content/projects/taiyuan") == io::FileKind::folder);
    CHECK(files.kind("content/site.yaml") == io::FileKind::file);
    CHECK(files.kind("content/none.yaml") == io::FileKind::missing);
    std::vector<std::string> top, all;
    for (const auto& e : files.list("content", false)) top.push_back(e.path.generic_string());
    for (const auto& e : files.list("content/projects", true)) all.push_back(e.path.generic_string());
    CHECK(top == std::vector<std::string>{"content/projects", "content/site.yaml"});
    CHECK(all == std::vector<std::string>{"content/projects/datong", "content/projects/datong/c.yaml",
                                          "content/projects/taiyuan", "content/projects/taiyuan/b.yaml"});
    CHECK(files.read("content/projects/datong/c.yaml", 10).bytes == "ccc");
    CHECK(files.read("content/projects/datong/c.yaml", 2).failure == io::ReadResult::Failure::too_big);
    CHECK(files.read("content/projects", 10).failure == io::ReadResult::Failure::not_regular);
    CHECK(files.read("content/x", 10).failure == io::ReadResult::Failure::missing);
}

TEST_CASE("the disk never reads through a symbolic link and lists one as a link", "[io]") {
    TempDir dir;
    testing::write_text(dir.path() / "real.yaml", "x: 1\n");
    std::filesystem::create_symlink(dir.path() / "real.yaml", dir.path() / "link.yaml");
    const io::DiskFiles disk;
    CHECK(disk.read(dir.path() / "real.yaml", 100).bytes == "x: 1\n");
    CHECK(disk.read(dir.path() / "link.yaml", 100).failure == io::ReadResult::Failure::symlink);
    CHECK(disk.read(dir.path() / "real.yaml", 2).failure == io::ReadResult::Failure::too_big);
    CHECK(disk.kind(dir.path() / "link.yaml") == io::FileKind::symlink);
    const auto listed = disk.list(dir.path(), false);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].path.filename() == "link.yaml");
    CHECK(listed[0].kind == io::FileKind::symlink);
    CHECK(listed[1].kind == io::FileKind::file);
    CHECK(io::read_file(dir.path() / "missing") == std::nullopt);
}

TEST_CASE("the disk lists in the order paths compare: a folder's files before a name that only begins like it",
          "[io]") {
    TempDir dir;
    // '-' and '.' sort before '/' as characters, after it as paths: "a/b.yaml" comes before "a-c.yaml".
    for (const char* f : {"a-c.yaml", "a/b.yaml", "a/z/y.yaml", "a.d/e.yaml", "a0.yaml", "ab/x.yaml", "a/-.yaml"})
        testing::write_text(dir.path() / f, "x\n");
    const io::DiskFiles disk;
    std::vector<std::filesystem::path> listed, expected;
    for (const auto& e : disk.list(dir.path(), true)) listed.push_back(e.path);
    expected = listed;
    std::sort(expected.begin(), expected.end());  // std::filesystem::path's own comparison, part by part
    CHECK(listed == expected);
    REQUIRE(listed.size() == 11);
    CHECK(listed[0] == dir.path() / "a");
    CHECK(listed[1] == dir.path() / "a/-.yaml");
    CHECK(listed[2] == dir.path() / "a/b.yaml");
    CHECK(listed[5] == dir.path() / "a-c.yaml");
}

TEST_CASE("a path is shown as lexically_normal shows it, normal or not", "[io]") {
    for (const char* p : {"content/projects/x.yaml", "/tmp/gongshi/content/site.yaml", "content/./site.yaml",
                          "./content/site.yaml", "content//site.yaml", "content/projects/../site.yaml", "../content/a",
                          "content/", "content/.", "content/..", ".", "..", "/", "a", "a/b/", "//a", ""}) {
        const std::filesystem::path path(p);
        INFO(p);
        CHECK(io::shown_path(path) == path.lexically_normal().generic_string());
    }
}
