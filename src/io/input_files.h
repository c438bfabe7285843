// Reading the build's inputs (content/, templates/, assets/) and the files it serves: the one place the program
// reads files. Behind an interface, as ninja's DiskInterface is, so the stages can run in tests on a tree held in
// memory, without a disk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gongshi::io {

// What a path is, without following a symbolic link.
enum class FileKind { missing, file, folder, symlink, other };

struct ReadResult {
    enum class Failure { none, missing, symlink, not_regular, too_big, unreadable };
    std::optional<std::string> bytes;  // set when the read succeeded
    Failure failure = Failure::none;
};

struct Entry {
    std::filesystem::path path;  // the folder's path joined with the entry's name
    FileKind kind = FileKind::missing;
};

class InputFiles {
public:
    virtual ~InputFiles() = default;
    // A regular file's bytes, never through a symbolic link, if it holds at most max_bytes; else why not.
    virtual ReadResult read(const std::filesystem::path& file, std::uintmax_t max_bytes) const = 0;
    virtual FileKind kind(const std::filesystem::path& path) const = 0;
    // The entries of a folder (and of its subfolders if recursive, never entering a symbolic link), sorted by path.
    virtual std::vector<Entry> list(const std::filesystem::path& dir, bool recursive) const = 0;
};

// The real file system.
class DiskFiles final : public InputFiles {
public:
    ReadResult read(const std::filesystem::path& file, std::uintmax_t max_bytes) const override;
    FileKind kind(const std::filesystem::path& path) const override;
    std::vector<Entry> list(const std::filesystem::path& dir, bool recursive) const override;
};

// A tree in memory, for tests: files by path ("content/site.yaml"); a folder is any prefix of a file's path.
class MemoryFiles final : public InputFiles {
public:
    void add(const std::filesystem::path& file, std::string bytes);
    ReadResult read(const std::filesystem::path& file, std::uintmax_t max_bytes) const override;
    FileKind kind(const std::filesystem::path& path) const override;
    std::vector<Entry> list(const std::filesystem::path& dir, bool recursive) const override;

private:
    std::map<std::string, std::string> files_;  // by normalised generic path
};

// The path as messages, stamps and caches name a file: lexically normal, with '/' between its parts.
std::string shown_path(const std::filesystem::path& path);

// A whole file from disk, or nothing if it cannot be read (no size limit): for files the program itself made or
// serves, where a failure has no source position to report.
std::optional<std::string> read_file(const std::filesystem::path& file);

}  // namespace gongshi::io
