#include "publish/edition_record.h"

#include "publish/line_fields.h"
#include "publish/staging.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <chrono>
#include <ctime>
#include <map>
#include <thread>

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kEdition = "# edition ";
constexpr std::string_view kFolder = "# folder ";
constexpr std::string_view kFolders = "# folders ";

// What the top folder holds by name: a folder or a file, and its inode.
struct TopEntry {
    bool folder = false;
    ino_t ino = 0;
};

// The top folder's names as its listing gives them; nullopt if it cannot be read or a name's type is not given.
std::optional<std::map<std::string, TopEntry>> list_top(int root_fd) {
    const int fd = ::openat(root_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return std::nullopt;
    }
    std::map<std::string, TopEntry> out;
    bool known = true;
    while (const dirent* e = ::readdir(dir)) {
        const std::string_view name = e->d_name;
        if (name == "." || name == "..") continue;
        if (e->d_type != DT_DIR && e->d_type != DT_REG) known = false;  // a link, a device, or a type not given
        out.emplace(std::string(name), TopEntry{e->d_type == DT_DIR, e->d_ino});
    }
    ::closedir(dir);
    if (!known) return std::nullopt;
    return out;
}

std::int64_t coarse_now_ns() {
    timespec t {};
    ::clock_gettime(CLOCK_REALTIME_COARSE, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// Returns once the clock the file system stamps inodes with (the coarse one, a tick of a few milliseconds) is past
// `ns`. Bounded: a stamp from the future (a clock set back) is not waited for more than a second.
void wait_past(std::int64_t ns) {
    timespec res {};
    ::clock_getres(CLOCK_REALTIME_COARSE, &res);
    const auto tick = std::chrono::nanoseconds(std::max<std::int64_t>(res.tv_nsec, 1'000'000));
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (coarse_now_ns() <= ns && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(tick);
}

}  // namespace

fs::path hash_cache_path(const fs::path& out_dir) { return out_dir.string() + ".hashes"; }
fs::path previous_hash_cache_path(const fs::path& out_dir) { return out_dir.string() + ".previous.hashes"; }

std::string edition_line(std::string_view identity) { return std::string(kEdition) + std::string(identity) + "\n"; }

std::string folder_lines(const fs::path& dir, const std::vector<std::string_view>& files,
                         const std::vector<RecordedFolder>& known, std::vector<std::string> touched) {
    // Every folder above a file, each once: a file's folders are prefixes of its path, so they are views of it. The
    // files are sorted, so a folder's files come together: only the folders past the part of its path a file
    // shares with the one before are new.
    std::vector<std::string_view> folders;
    std::string_view before;
    for (const std::string_view file : files) {
        const size_t same = static_cast<size_t>(
            std::mismatch(file.begin(), file.end(), before.begin(), before.end()).first - file.begin());
        // The folders of `before` and `file` are the same up to the last separator both have in `same`.
        const size_t shared = same == file.size() ? same : file.substr(0, same).rfind('/') + 1;
        for (size_t slash = file.find('/', shared); slash != std::string_view::npos; slash = file.find('/', slash + 1))
            folders.push_back(file.substr(0, slash));
        before = file;
    }
    if (!std::is_sorted(folders.begin(), folders.end())) std::sort(folders.begin(), folders.end());
    folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
    // The folders the build changed: every folder above a path it touched (a folder it made changed its parent).
    std::vector<std::string> changed;
    for (const std::string& path : touched)
        for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
            changed.push_back(path.substr(0, slash));
    touched.clear();
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());

    std::vector<FolderStamp> stamps(folders.size());
    std::vector<std::string_view> unknown;
    std::vector<size_t> unknown_at;
    size_t k = 0, c = 0;
    for (size_t i = 0; i < folders.size(); ++i) {
        while (k < known.size() && known[k].path < folders[i]) ++k;
        while (c < changed.size() && changed[c] < folders[i]) ++c;
        const bool is_changed = c < changed.size() && changed[c] == folders[i];
        if (!is_changed && k < known.size() && known[k].path == folders[i]) {
            stamps[i] = known[k].stamp;
            continue;
        }
        unknown.push_back(folders[i]);
        unknown_at.push_back(i);
    }
    if (!unknown.empty()) {
        const int root_fd = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (root_fd < 0) return {};
        const std::vector<FolderStamp> now = stat_folders_at(root_fd, unknown);
        ::close(root_fd);
        for (size_t j = 0; j < unknown.size(); ++j) stamps[unknown_at[j]] = now[j];
    }
    // A change in the same tick of the file system's clock as the last one a stamp saw could leave the same ctime:
    // the record is ended only once the clock has passed every stamp, so that any later change has a later ctime.
    std::int64_t newest = 0;
    for (const FolderStamp& s : stamps) newest = std::max(newest, s.ctime_ns);
    wait_past(newest);
    std::string out;
    for (size_t i = 0; i < folders.size(); ++i) {
        if (!stamps[i].is_folder) return {};
        ((((((out += kFolder) += std::to_string(stamps[i].ino)) += ' ') += std::to_string(stamps[i].ctime_ns)) += ' ')
             += folders[i]) += '\n';
    }
    ((out += kFolders) += std::to_string(folders.size())) += '\n';
    return out;
}

std::optional<RecordedEdition> listing_from_record(int root_fd, const fs::path& file, const std::string& identity) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (identity.empty() || !std::getline(in, line) || line + '\n' != edition_line(identity)) return std::nullopt;
    struct stat root {};
    if (::fstat(root_fd, &root) != 0) return std::nullopt;
    std::vector<TreeEntry> files;
    std::vector<RecordedFolder> folders;
    long long count = -1;  // the trailer's: the record was written whole
    while (std::getline(in, line)) {
        std::string_view rest = line;
        if (rest.substr(0, kFolder.size()) == kFolder) {
            rest.remove_prefix(kFolder.size());
            RecordedFolder f;
            f.stamp.is_folder = true;
            if (!take_number(rest, f.stamp.ino) || !take_number(rest, f.stamp.ctime_ns) || rest.empty())
                return std::nullopt;
            f.path = std::string(rest);
            folders.push_back(std::move(f));
            continue;
        }
        if (rest.substr(0, kFolders.size()) == kFolders) {
            rest.remove_prefix(kFolders.size());
            const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), count);
            if (ec != std::errc() || end != rest.data() + rest.size()) return std::nullopt;
            continue;
        }
        // A file: "<ino> <size> <mtime_ns> <sha256> <path>" (manifest.cpp).
        ino_t ino = 0;
        std::uint64_t size = 0;
        std::int64_t mtime_ns = 0;
        if (!take_number(rest, ino) || !take_number(rest, size) || !take_number(rest, mtime_ns) || rest.size() < 66 ||
            rest[64] != ' ')
            return std::nullopt;
        rest.remove_prefix(65);
        TreeEntry e;
        e.path = std::string(rest);
        e.stat.exists = true;
        e.stat.dev = root.st_dev;
        e.stat.ino = ino;
        e.stat.mode = S_IFREG;
        files.push_back(std::move(e));
    }
    if (count < 0 || static_cast<size_t>(count) != folders.size()) return std::nullopt;
    // Only what a build writes: paths inside the edition, every file in a recorded folder (a damaged record could
    // otherwise name a file the check never looks at, or a path outside the folder for the reconcile to remove).
    const auto by_path = [](const RecordedFolder& a, const RecordedFolder& b) { return a.path < b.path; };
    if (!std::is_sorted(folders.begin(), folders.end(), by_path)) return std::nullopt;
    const auto recorded = [&](std::string_view folder) {
        const auto it = std::lower_bound(folders.begin(), folders.end(), folder,
                                         [](const RecordedFolder& f, std::string_view p) { return f.path < p; });
        return it != folders.end() && it->path == folder;
    };
    for (const RecordedFolder& f : folders)
        if (!is_safe_output_path(f.path)) return std::nullopt;
    for (const TreeEntry& e : files) {
        if (!is_safe_output_path(e.path)) return std::nullopt;
        const size_t slash = e.path.rfind('/');
        if (slash != std::string::npos && !recorded(std::string_view(e.path).substr(0, slash))) return std::nullopt;
    }

    // The top folder: exactly the names recorded there, as the same inodes.
    const auto top = list_top(root_fd);
    if (!top) return std::nullopt;
    size_t top_names = 0;
    const auto top_is = [&](std::string_view path, bool folder, ino_t ino) {
        if (path.find('/') != std::string_view::npos) return true;
        ++top_names;
        const auto it = top->find(std::string(path));
        return it != top->end() && it->second.folder == folder && it->second.ino == ino;
    };
    for (const TreeEntry& e : files)
        if (!top_is(e.path, false, e.stat.ino)) return std::nullopt;
    for (const RecordedFolder& f : folders)
        if (!top_is(f.path, true, f.stamp.ino)) return std::nullopt;
    if (top_names != top->size()) return std::nullopt;

    // Every folder below it: the same inode, its entries unchanged since the record.
    std::vector<std::string_view> paths;
    paths.reserve(folders.size());
    for (const RecordedFolder& f : folders) paths.push_back(f.path);
    const std::vector<FolderStamp> now = stat_folders_at(root_fd, paths);
    for (size_t i = 0; i < folders.size(); ++i)
        if (!now[i].is_folder || now[i].ino != folders[i].stamp.ino || now[i].ctime_ns != folders[i].stamp.ctime_ns)
            return std::nullopt;

    std::sort(files.begin(), files.end(), [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; });
    return RecordedEdition{std::move(files), std::move(folders)};
}

}  // namespace gongshi::publish
