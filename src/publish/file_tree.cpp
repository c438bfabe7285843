#include "publish/file_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

namespace gongshi::publish {

namespace {

FileStat file_stat(const struct stat& st) {
    return {true, static_cast<std::uint64_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec, st.st_dev, st.st_ino,
            st.st_mode};
}

// Runs part(i, n) for i in 0..n-1, part 0 on this thread.
void on_threads(int threads, const std::function<void(size_t, size_t)>& part) {
    const size_t n = static_cast<size_t>(std::max(1, threads));
    std::vector<std::thread> pool;
    for (size_t i = 1; i < n; ++i) pool.emplace_back(part, i, n);
    part(0, n);
    for (auto& t : pool) t.join();
}

// lstat of each path relative to the open folder `root_fd`, spread over `threads` threads: `found(i, st)` for each
// path i that exists (a path that is empty or absolute is taken as missing).
template <typename Found>
void stat_each_at(int root_fd, const std::vector<std::string_view>& paths, int threads, const Found& found) {
    on_threads(threads, [&](size_t part, size_t parts) {
        std::string rel;
        for (size_t i = part; i < paths.size(); i += parts) {
            rel.assign(paths[i]);
            struct stat st {};
            if (!rel.empty() && rel.front() != '/' && ::fstatat(root_fd, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0)
                found(i, st);
        }
    });
}

// Folders still to read, shared by the threads: a thread takes one, lists it, and gives back its sub-folders.
class Walk {
public:
    // Queued folders are paths, opened only when read: 100 000 queued folders must not hold 100 000 descriptors.
    Walk(int root_fd, const std::function<bool(std::string_view)>& skip, TreeDetail detail,
         const std::atomic<bool>* stop)
        : root_(root_fd), skip_(skip), detail_(detail), stop_(stop) {
        struct stat st {};
        if (::fstat(root_fd, &st) == 0) root_dev_ = st.st_dev;
        todo_.push_back("");
    }

    void work(std::vector<TreeEntry>& found) {
        for (;;) {
            std::string f;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [&] { return !todo_.empty() || busy_ == 0; });
                if (todo_.empty()) return;  // nothing queued and nobody reading a folder: done
                if (stop_ && stop_->load(std::memory_order_relaxed)) {  // asked to stop: the queue is dropped
                    todo_.clear();
                    if (busy_ == 0) ready_.notify_all();
                    return;
                }
                f = std::move(todo_.back());
                todo_.pop_back();
                ++busy_;
            }
            std::vector<std::string> sub = read(f, found);
            bool done = false;
            {
                std::lock_guard lock(mutex_);
                for (auto& s : sub) todo_.push_back(std::move(s));
                --busy_;
                done = todo_.empty() && busy_ == 0;
            }
            // Woken only for work (or the end): most folders of a site hold one page and no sub-folder, so a
            // wake-up of every thread per folder would be a million wake-ups for nothing.
            if (done || sub.size() > 1) ready_.notify_all();
            else if (sub.size() == 1) ready_.notify_one();
        }
    }

private:
    // Opens a folder below the root: with openat2, never across a mount point or through a symbolic link, so each
    // folder's files are on the root's device without an fstat of each folder (at 100 000 folders, a fifth of the
    // walk's time); where openat2 is refused, with openat and an fstat.
    int open_folder(const std::string& folder, dev_t& dev) {
        if (folder.empty()) {
            dev = root_dev_;
            return ::dup(root_);
        }
        constexpr int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
        if (openat2_works_.load(std::memory_order_relaxed)) {
            open_how how{};
            how.flags = flags;
            how.resolve = RESOLVE_NO_XDEV | RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
            const int fd = static_cast<int>(::syscall(SYS_openat2, root_, folder.c_str(), &how, sizeof how));
            if (fd >= 0 || (errno != ENOSYS && errno != EINVAL && errno != E2BIG && errno != EPERM)) {
                dev = root_dev_;
                return fd;
            }
            openat2_works_ = false;  // an old kernel or a filter: the plain way from now on
        }
        const int fd = ::openat(root_, folder.c_str(), flags);
        struct stat here {};
        if (fd >= 0 && ::fstat(fd, &here) == 0) dev = here.st_dev;
        return fd;
    }

    // Lists one folder ("" is the root); returns its sub-folders. The folder is read with getdents64 into this
    // thread's buffer (no DIR, whose buffer is allocated for each of 100 000 folders).
    std::vector<std::string> read(const std::string& folder, std::vector<TreeEntry>& found) {
        std::vector<std::string> sub;
        dev_t dev = 0;
        const int fd = open_folder(folder, dev);
        if (fd < 0) return sub;
        struct Closer {
            int fd;
            ~Closer() { ::close(fd); }
        } closer{fd};
        const bool identity = detail_ == TreeDetail::identity && dev != 0;
        struct Name {
            ino_t ino;
            std::string name;
        };
        std::vector<Name> to_stat;  // names the listing could not settle, stat-ed below in inode order
        thread_local std::vector<char> buffer(32 << 10);
        for (;;) {
            const ssize_t n = ::getdents64(fd, buffer.data(), buffer.size());
            if (n <= 0) break;  // the end, or a folder that cannot be read: what was read so far
            for (ssize_t at = 0; at < n;) {
                const auto* e = reinterpret_cast<const dirent64*>(buffer.data() + at);
                at += e->d_reclen;
                if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
                if (e->d_type == DT_DIR) {  // no lstat for a folder the listing names as one (never a link to one)
                    std::string path = join(folder, e->d_name);
                    if (!skip_ || !skip_(path)) sub.push_back(std::move(path));
                } else if (identity && e->d_type != DT_UNKNOWN) {
                    FileStat st;
                    st.exists = true;
                    st.dev = dev;
                    st.ino = e->d_ino;
                    st.mode = DTTOIF(e->d_type);
                    found.push_back({join(folder, e->d_name), st});
                } else {
                    to_stat.push_back({e->d_ino, e->d_name});
                }
            }
        }
        std::sort(to_stat.begin(), to_stat.end(), [](const Name& a, const Name& b) { return a.ino < b.ino; });
        for (const Name& n : to_stat) {
            struct stat st {};
            if (::fstatat(fd, n.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
            std::string path = join(folder, n.name);
            if (!S_ISDIR(st.st_mode)) found.push_back({std::move(path), file_stat(st)});
            else if (!skip_ || !skip_(path)) sub.push_back(std::move(path));
        }
        return sub;
    }

    static std::string join(const std::string& folder, std::string_view name) {
        return folder.empty() ? std::string(name) : folder + "/" + std::string(name);
    }

    const int root_;
    dev_t root_dev_ = 0;
    std::atomic<bool> openat2_works_{true};
    const std::function<bool(std::string_view)>& skip_;
    const TreeDetail detail_;
    const std::atomic<bool>* const stop_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::vector<std::string> todo_;
    int busy_ = 0;
};

std::vector<TreeEntry> walk_tree(int root_fd, int threads, const std::function<bool(std::string_view)>& skip,
                                 TreeDetail detail, const std::atomic<bool>* stop) {
    Walk walk(root_fd, skip, detail, stop);
    std::vector<std::vector<TreeEntry>> found(static_cast<size_t>(std::max(1, threads)));
    on_threads(threads, [&](size_t i, size_t) { walk.work(found[i]); });
    std::vector<TreeEntry> all = std::move(found[0]);
    for (size_t i = 1; i < found.size(); ++i)
        all.insert(all.end(), std::make_move_iterator(found[i].begin()), std::make_move_iterator(found[i].end()));
    std::sort(all.begin(), all.end(), [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; });
    return all;
}

}  // namespace

std::vector<TreeEntry> list_tree_at(int root_fd, int threads, TreeDetail detail, const std::atomic<bool>* stop) {
    return walk_tree(root_fd, threads, {}, detail, stop);
}

std::vector<TreeEntry> list_tree(const std::filesystem::path& root, int threads,
                                 const std::function<bool(std::string_view)>& skip, TreeDetail detail) {
    const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return {};
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    return walk_tree(fd, threads, skip, detail, nullptr);
}

const FileStat* StatsByPath::find(std::string_view path) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), path,
                                     [](const auto& e, std::string_view p) { return e.first < p; });
    return it != entries_.end() && it->first == path ? &it->second : nullptr;
}

std::vector<FileStat> stat_files(const std::filesystem::path& root, const std::vector<std::string_view>& paths,
                                 int threads) {
    std::vector<FileStat> out(paths.size());
    // Each path looked up from the root's descriptor: the kernel walks only the path's own components (the root's
    // were ~half of every lookup), and no std::filesystem::path is made per file.
    const int root_fd = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root_fd < 0) return out;  // no root: nothing exists
    stat_each_at(root_fd, paths, threads, [&](size_t i, const struct stat& st) { out[i] = file_stat(st); });
    ::close(root_fd);
    return out;
}

std::vector<FolderStamp> stat_folders_at(int root_fd, const std::vector<std::string_view>& paths, int threads) {
    std::vector<FolderStamp> out(paths.size());
    stat_each_at(root_fd, paths, threads, [&](size_t i, const struct stat& st) {
        if (S_ISDIR(st.st_mode))
            out[i] = {true, st.st_ino, static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec};
    });
    return out;
}

}  // namespace gongshi::publish
