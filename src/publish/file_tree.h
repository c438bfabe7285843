// Listing and stat-ing many files fast: a folder tree read with openat/fstatat relative to each folder (no path is
// looked up from the root again), or a list of paths, on several threads. The cache's input stamps, the no-op
// check of the output and the reconcile of an adopted edition each touch 100 000+ files.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongshi::publish {

// What lstat said of one file (a symbolic link is itself, never followed).
struct FileStat {
    bool exists = false;  // false: lstat failed (missing, unreadable folder)
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    dev_t dev = 0;
    ino_t ino = 0;
    mode_t mode = 0;
};

struct TreeEntry {
    std::string path;  // relative to the root, '/'-separated
    FileStat stat;
};

// Stats found by path, kept for a later step: the output check stats every file of the site, and an incremental
// publish compares its adopted edition with those same files instead of stat-ing them again.
class StatsByPath {
public:
    // Paths must come in ascending order; the views must outlive the index (they point into the build cache).
    void add(std::string_view path, const FileStat& stat) { entries_.emplace_back(path, stat); }
    const FileStat* find(std::string_view path) const;

private:
    std::vector<std::pair<std::string_view, FileStat>> entries_;
};

// Every entry under `root` that is not a folder, sorted by path. A folder for which `skip` (given its relative
// path) is true is not entered. Folders that cannot be opened, and entries removed during the walk, are left out:
// the walk never throws.
std::vector<TreeEntry> list_tree(const std::filesystem::path& root, int threads = 2,
                                 const std::function<bool(std::string_view)>& skip = {});

// lstat of each path (relative to `root`), in the order given, spread over `threads` threads.
std::vector<FileStat> stat_files(const std::filesystem::path& root, const std::vector<std::string_view>& paths,
                                 int threads = 2);

}  // namespace gongshi::publish
