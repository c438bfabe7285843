// The one seam for reading inputs: the real file system and the tree in memory answer alike.
#include <catch2/catch.hpp>

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
    fs::create_symlink(dir.path() / "real.yaml", dir.path() / "link.yaml");
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
