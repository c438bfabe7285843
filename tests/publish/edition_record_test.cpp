// The record of an edition (publish/edition_record.h): every folder with its inode and ctime, and the check that
// lets a build take the edition's listing from it instead of reading its folders.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <set>
#include <sstream>

#include "publish/build_cache.h"
#include "publish/edition_record.h"
#include "test_support.h"

using namespace gongshi::testing;
namespace publish = gongshi::publish;

namespace {

// The folder paths of "# folder" lines, in their order, and the count of the trailer ("-1" if none).
std::pair<std::vector<std::string>, long> folders_of(const std::string& lines) {
    std::vector<std::string> out;
    long count = -1;
    std::istringstream in(lines);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("# folder ", 0) == 0) {
            std::istringstream l(line.substr(9));
            std::string ino, ctime, path;
            l >> ino >> ctime >> path;
            out.push_back(path);
        } else if (line.rfind("# folders ", 0) == 0) {
            count = std::stol(line.substr(10));
        }
    }
    return {out, count};
}

// A record as the manifest writes it (manifest.cpp): the edition line, a line per file, the folder lines.
std::string record_of(const fs::path& root, const std::vector<std::string>& files) {
    std::string out = publish::edition_line(publish::folder_identity(root));
    std::vector<std::string_view> views;
    for (const std::string& f : files) {
        struct stat st {};
        REQUIRE(::lstat((root / f).c_str(), &st) == 0);
        out += std::to_string(st.st_ino) + " " + std::to_string(st.st_size) + " 0 " + std::string(64, 'a') + " " + f + "\n";
        views.push_back(f);
    }
    return out + publish::folder_lines(root, views);
}

struct Edition {
    TempDir dir;
    fs::path root = dir.path() / "edition";
    fs::path record = dir.path() / "record";
    // Names that sort around the separator ('-' and '.' before '/', '0' after), so that a folder's files are not
    // next to each other in a naive order.
    std::vector<std::string> files{"SHA256SUMS", "a-b/c/index.html", "a.b/index.html", "a/index.html",
                                   "a/x/index.html", "a/x/y/z/index.html", "a0/index.html", "b/index.html"};
    Edition() {
        std::sort(files.begin(), files.end());
        for (const auto& f : files) write_text(root / f, f);
        write_text(record, record_of(root, files));
    }
    std::optional<publish::RecordedEdition> listing() const {
        const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        REQUIRE(fd >= 0);
        auto out = publish::listing_from_record(fd, record, publish::folder_identity(root));
        ::close(fd);
        return out;
    }
};

}  // namespace

TEST_CASE("folder_lines names every folder above the files once, in order, with a count", "[publish][edition]") {
    Edition e;
    const auto [folders, count] = folders_of(read_text(e.record));
    const std::vector<std::string> expected{"a", "a-b", "a-b/c", "a.b", "a/x", "a/x/y", "a/x/y/z", "a0", "b"};
    std::vector<std::string> sorted_expected = expected;
    std::sort(sorted_expected.begin(), sorted_expected.end());
    CHECK(folders == sorted_expected);
    CHECK(count == static_cast<long>(expected.size()));
}

TEST_CASE("an unchanged edition is listed from its record, as a walk lists it", "[publish][edition]") {
    Edition e;
    const auto listed = e.listing();
    REQUIRE(listed);
    const auto walked = publish::list_tree(e.root, 2, {}, publish::TreeDetail::identity);
    REQUIRE(listed->files.size() == walked.size());
    for (size_t i = 0; i < walked.size(); ++i) {
        CHECK(listed->files[i].path == walked[i].path);
        CHECK(listed->files[i].stat.ino == walked[i].stat.ino);
        CHECK(listed->files[i].stat.dev == walked[i].stat.dev);
        CHECK(S_ISREG(listed->files[i].stat.mode));
    }
    CHECK(listed->folders.size() == 9);
}

TEST_CASE("an edition changed in any folder after its record is not listed from it", "[publish][edition]") {
    const std::vector<std::pair<const char*, std::function<void(const fs::path&)>>> changes{
        {"a file added deep down", [](const fs::path& r) { write_text(r / "a/x/y/z/extra.html", "x"); }},
        {"a file added at the top", [](const fs::path& r) { write_text(r / "extra.html", "x"); }},
        {"a file removed", [](const fs::path& r) { fs::remove(r / "a.b/index.html"); }},
        {"a file replaced by another inode",
         [](const fs::path& r) {
             fs::remove(r / "a/x/index.html");
             write_text(r / "a/x/index.html", "a/x/index.html");
         }},
        {"a folder renamed", [](const fs::path& r) { fs::rename(r / "a/x/y", r / "a/x/w"); }},
        {"a folder removed and made again", [](const fs::path& r) {
             fs::remove_all(r / "a0");
             write_text(r / "a0/index.html", "a0/index.html");
         }},
        {"a top file replaced by a folder", [](const fs::path& r) {
             fs::remove(r / "SHA256SUMS");
             fs::create_directory(r / "SHA256SUMS");
         }},
        {"a top folder replaced by a file", [](const fs::path& r) {
             fs::remove_all(r / "b");
             write_text(r / "b", "b");
         }},
        {"a symbolic link added", [](const fs::path& r) { fs::create_symlink("/etc", r / "a-b/c/etc"); }},
    };
    for (const auto& [what, change] : changes) {
        INFO(what);
        Edition e;
        REQUIRE(e.listing());
        change(e.root);
        CHECK_FALSE(e.listing());
    }
}

TEST_CASE("a record that is not whole or not of this edition is not used", "[publish][edition]") {
    Edition e;
    const std::string whole = read_text(e.record);
    write_text(e.record, whole.substr(0, whole.rfind("# folders ")));  // cut before its trailer
    CHECK_FALSE(e.listing());
    const size_t line = whole.find('\n');
    write_text(e.record, "# edition 1:2" + whole.substr(line));  // another folder's record
    CHECK_FALSE(e.listing());
    // A damaged line: a file in a folder the record does not name (the check would never look at it), or a path
    // outside the edition (the reconcile would remove it).
    const std::string header = whole.substr(0, line + 1), rest = whole.substr(line + 1);
    for (const char* path : {"ghost/index.html", "../outside.html", "a/../../outside.html"}) {
        INFO(path);
        write_text(e.record, header + "1 1 0 " + std::string(64, 'a') + " " + path + "\n" + rest);
        CHECK_FALSE(e.listing());
    }
    write_text(e.record, whole);
    CHECK(e.listing());
}

TEST_CASE("folder_lines keeps a known folder's stamp unless the build touched a path below it", "[publish][edition]") {
    Edition e;
    const auto listed = e.listing();
    REQUIRE(listed);
    // Stamps made up for every folder: kept where nothing was touched, stat-ed again above a touched path.
    std::vector<publish::RecordedFolder> known = listed->folders;
    for (auto& f : known) f.stamp.ctime_ns = 42;
    std::vector<std::string_view> views(e.files.begin(), e.files.end());
    const std::string lines = publish::folder_lines(e.root, views, known, {"a/x/y/z/index.html"});
    std::set<std::string> kept;
    std::istringstream in(lines);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("# folder ", 0) == 0 && line.find(" 42 ") != std::string::npos) kept.insert(line.substr(line.rfind(' ') + 1));
    CHECK(kept == std::set<std::string>{"a-b", "a-b/c", "a.b", "a0", "b"});
}
