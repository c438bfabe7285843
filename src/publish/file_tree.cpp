#include "publish/file_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

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

// Folders still to read, shared by the threads: a thread takes one, lists it, and gives back its sub-folders.
class Walk {
public:
    // Queued folders are paths, opened only when read: 100 000 queued folders must not hold 100 000 descriptors.
    Walk(int root_fd, const std::function<bool(std::string_view)>& skip, TreeDetail detail,
         const std::atomic<bool>* stop)
        : root_(root_fd), skip_(skip), detail_(detail), stop_(stop) {
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
    // Lists one folder ("" is the root); returns its sub-folders.
    std::vector<std::string> read(const std::string& folder, std::vector<TreeEntry>& found) {
        std::vector<std::string> sub;
        const int fd = folder.empty() ? ::dup(root_)
                                      : ::openat(root_, folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) return sub;
        DIR* dir = ::fdopendir(fd);
        if (!dir) {
            ::close(fd);
            return sub;
        }
        struct stat here {};  // the folder: its files' device, when the listing is all that is asked
        const bool identity = detail_ == TreeDetail::identity && ::fstat(fd, &here) == 0;
        struct Name {
            ino_t ino;
            std::string name;
        };
        std::vector<Name> to_stat;  // names the listing could not settle, stat-ed below in inode order
        while (const dirent* e = ::readdir(dir)) {
            if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
            if (e->d_type == DT_DIR) {  // no lstat for a folder the listing names as one (never a link to one)
                std::string path = join(folder, e->d_name);
                if (!skip_ || !skip_(path)) sub.push_back(std::move(path));
            } else if (identity && e->d_type != DT_UNKNOWN) {
                FileStat st;
                st.exists = true;
                st.dev = here.st_dev;
                st.ino = e->d_ino;
                st.mode = DTTOIF(e->d_type);
                found.push_back({join(folder, e->d_name), st});
            } else {
                to_stat.push_back({e->d_ino, e->d_name});
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
        ::closedir(dir);  // closes fd
        return sub;
    }

    static std::string join(const std::string& folder, std::string_view name) {
        return folder.empty() ? std::string(name) : folder + "/" + std::string(name);
    }

    const int root_;
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
    on_threads(threads, [&](size_t part, size_t parts) {
        std::string rel;
        for (size_t i = part; i < paths.size(); i += parts) {
            rel.assign(paths[i]);
            struct stat st {};
            if (!rel.empty() && rel.front() != '/' && ::fstatat(root_fd, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0)
                out[i] = file_stat(st);
        }
    });
    ::close(root_fd);
    return out;
}

}  // namespace gongshi::publish
