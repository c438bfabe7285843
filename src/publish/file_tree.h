// Listing a folder tree fast: every file under a root with its lstat, read with openat/fstatat relative to each
// folder (no path is looked up from the root again) on several threads. The cache's input stamps, the no-op
// check of the output and the reconcile walk of an adopted edition all list 100 000+ files.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gongshi::publish {

// What lstat said of one entry (a symbolic link is listed as itself, never followed).
struct TreeEntry {
    std::string path;  // relative to the root, '/'-separated
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    dev_t dev = 0;
    ino_t ino = 0;
    mode_t mode = 0;
};

// Every entry under `root` that is not a folder, sorted by path. A folder for which `skip` (given its relative
// path) is true is not entered. Folders that cannot be opened, and entries removed during the walk, are left out:
// the walk never throws.
std::vector<TreeEntry> list_tree(const std::filesystem::path& root, int threads = 2,
                                 const std::function<bool(std::string_view)>& skip = {});

}  // namespace gongshi::publish
