// The only code that writes the site: staging folder, lock, atomic swap.
#include "publish/staging.h"

#include "hash/sha256.h"
#include "publish/build_cache.h"
#include "publish/edition_record.h"
#include "publish/file_tree.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace gongshi::publish {

namespace fs = std::filesystem;

bool is_safe_output_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos ||
        path.find('\0') != std::string_view::npos)
        return false;
    size_t at = 0;
    while (at <= path.size()) {
        const size_t end = path.find('/', at);
        const std::string_view part = path.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        if (part.empty() || part == "." || part == "..") return false;
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    return true;
}

// "<out>.previous": the edition before the site, kept by commit(true) for adopt_previous.
static fs::path previous_edition_dir(const fs::path& out_dir) { return fs::path(out_dir.string() + ".previous"); }

// Most pages are alone in their folder ("projects/<id>/index.html"): one mkdir, creating the parents only when it
// says they are missing.
static void make_folder(const fs::path& dir) {
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) fs::create_directories(dir);
}

static std::runtime_error io_error(const std::string& what, const fs::path& p) {
    return std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

OutputLock::OutputLock(const fs::path& out_dir) {
    const fs::path lock = fs::path(out_dir.string() + ".lock");
    if (!lock.parent_path().empty()) fs::create_directories(lock.parent_path());
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw io_error("cannot open lock file", lock);
    if (::flock(fd_, LOCK_EX) != 0) throw io_error("cannot lock", lock);
}

OutputLock::~OutputLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock; the file stays (removing it would race)
}

Staging::Staging(const fs::path& out_dir) : out_(out_dir) {
    dir_ = fs::path(out_dir.string() + ".staging-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(dir_, ec);
    fs::create_directories(dir_);
}

Staging::~Staging() {
    listing_.reset();  // its walk stopped before the folder is removed under it
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
}

// A file's identity as the manifest's hash cache knows it: from what the output check saw, or from a stat.
static StagedFile staged_as(const FileStat& st) {
    return {st.size, st.mtime_ns, static_cast<std::uint64_t>(st.ino), false, {}};
}
static StagedFile staged_as(const struct stat& st) {
    return {static_cast<std::uint64_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
            static_cast<std::uint64_t>(st.st_ino), false, {}};
}

// In an adopted edition, clears the way for a file at `file` (inside the staging folder `dir`): what is there may be
// a hard link to the live site's file (removed, never written into), or anything a hand put there — a folder where
// the page goes, a file where its folder goes (removed too: the edition is this build's to make).
static void clear_adopted_path(const fs::path& dir, const fs::path& file) {
    if (::unlink(file.c_str()) == 0 || errno == ENOENT) return;
    const int why = errno;
    if (why == EISDIR) {
        std::error_code ec;
        fs::remove_all(file, ec);
        if (ec) throw std::runtime_error("cannot replace " + file.string() + ": " + ec.message());
        return;
    }
    // ENOTDIR: one of its folders is a file; the first such is removed and the folders made.
    for (fs::path p = file.parent_path(); why == ENOTDIR && p != dir; p = p.parent_path()) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || S_ISDIR(st.st_mode)) continue;
        if (::unlink(p.c_str()) != 0) throw io_error("cannot replace", p);
        make_folder(file.parent_path());
        return;
    }
    errno = why;
    throw io_error("cannot replace", file);
}

// Creates the file a write makes at `path` (its folder too); in an adopted edition the file there may be a hard
// link to the live site's: it is replaced, never written into.
int Staging::create(const std::string& path) const {
    if (!is_safe_output_path(path)) throw std::runtime_error("refusing to write outside the site: " + path);
    const fs::path file = dir_ / path;
    make_folder(file.parent_path());
    if (adopted_) {
        clear_adopted_path(dir_, file);
        std::lock_guard lock(staged_mutex_);
        touched_.push_back(path);
    }
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) throw io_error("cannot create", file);
    return fd;
}

// Writes all of `bytes`; on failure (a full disk) closes `fd` and throws.
void Staging::write_all(int fd, const std::string& path, std::string_view bytes) const {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const auto err = io_error("cannot write", dir_ / path);
            ::close(fd);
            throw err;
        }
        done += static_cast<size_t>(n);
    }
}

// Closes a file this build wrote and records it, with the SHA-256 of its bytes (made while they were in hand, on
// the render threads, rather than read back for the manifest).
void Staging::finish(int fd, const std::string& path, std::uint64_t size, std::string_view sha256) {
    struct stat st {};
    const bool stated = ::fstat(fd, &st) == 0;
    if (::close(fd) != 0 || !stated) throw io_error("cannot write", dir_ / path);
    ++files_;
    bytes_ += static_cast<long long>(size);
    StagedFile staged = staged_as(st);
    staged.hashed = true;
    std::copy_n(sha256.begin(), std::min(sha256.size(), staged.sha256.size()), staged.sha256.begin());
    record(path, staged);
}

void Staging::write(const std::string& path, std::string_view bytes) {
    const int fd = create(path);
    write_all(fd, path, bytes);
    finish(fd, path, bytes.size(), hash::sha256_hex(bytes));
}

// A file written to disk as its pieces come, hashed on the way.
class Staging::StreamedFile : public render::OutputFile {
public:
    StreamedFile(Staging& staging, std::string path) : staging_(staging), path_(std::move(path)), fd_(staging.create(path_)) {}
    ~StreamedFile() override {
        if (fd_ >= 0) ::close(fd_);  // not closed: an exception; the staging folder is never swapped in
    }
    void append(std::string_view bytes) override {
        staging_.write_all(fd_, path_, bytes);
        sha_.add(bytes);
        size_ += bytes.size();
    }
    render::ClosedFile close(const render::ClosedFile* output_holds) override {
        const int fd = std::exchange(fd_, -1);
        render::ClosedFile closed{size_, sha_.hex()};
        if (render::same_bytes(closed, output_holds)) {
            // The site's own file stays: removed here, it is linked (or kept) like any unchanged file.
            closed.written = false;
            const fs::path file = staging_.dir_ / path_;
            if (::close(fd) != 0 || ::unlink(file.c_str()) != 0) throw io_error("cannot remove", file);
            staging_.withdraw(path_);
            return closed;
        }
        staging_.finish(fd, path_, size_, closed.sha256);
        return closed;
    }

private:
    Staging& staging_;
    std::string path_;
    int fd_;
    hash::Sha256 sha_;
    std::uint64_t size_ = 0;
};

std::unique_ptr<render::OutputFile> Staging::open(const std::string& path) {
    return std::make_unique<StreamedFile>(*this, path);
}

void Staging::withdraw(const std::string& path) {
    std::lock_guard lock(staged_mutex_);
    withdrawn_.push_back(path);
}

void Staging::record(std::string_view path, const StagedFile& file) {
    std::lock_guard lock(staged_mutex_);
    staged_.insert_or_assign(std::pmr::string(path, &staged_memory_), file);
}

std::vector<std::pair<std::string_view, const StagedFile*>> Staging::contents() const {
    std::lock_guard lock(staged_mutex_);
    std::vector<std::pair<std::string_view, const StagedFile*>> out;
    out.reserve(staged_.size());
    for (const auto& [path, file] : staged_) out.emplace_back(std::string_view(path), &file);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

void Staging::commit(bool keep_previous) {
    std::error_code ec;
    const fs::path previous = previous_edition_dir(out_);
    fs::remove_all(previous, ec);  // an edition nobody adopted is stale (an adopted one is this folder now)
    if (!fs::exists(out_)) {
        fs::rename(dir_, out_);
        committed_ = true;
        return;
    }
    // One system call exchanges the two folders: readers see the old site or the new one, never a mix.
    if (::renameat2(AT_FDCWD, dir_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
        throw io_error("cannot swap in the new site at", out_);
    committed_ = true;
    // dir_ now holds the previous site.
    if (keep_previous) fs::rename(dir_, previous, ec);
    if (!keep_previous || ec) fs::remove_all(dir_, ec);
}

void Staging::link_unchanged(const std::vector<std::string>& paths, const StatsByPath& live) {
    if (adopted_) reconcile(paths, live);
    else link(paths, live);
}


// A linked file is the site's own inode: its identity is what the output check saw of the site's file, else
// what lstat says of the link.
void Staging::link(const std::vector<std::string>& paths, const StatsByPath& live) {
    // One thread: the pages' folders share a parent ("projects/"), and two threads making folders in it fought over
    // its lock (tried at N = 100 000 on ext4: perf showed 30 % of the time spinning in rwsem_spin_on_owner).
    fs::path last_dir;
    for (const std::string& rel : paths) {
        if (!is_safe_output_path(rel)) throw std::runtime_error("refusing to link a path outside the site: " + rel);
        const fs::path to = dir_ / rel;
        if (fs::path parent = to.parent_path(); parent != last_dir) {  // consecutive paths in one folder: one check
            make_folder(parent);
            last_dir = std::move(parent);
        }
        if (adopted_) {
            clear_adopted_path(dir_, to);
            std::lock_guard lock(staged_mutex_);
            touched_.push_back(rel);
        }
        if (::link((out_ / rel).c_str(), to.c_str()) != 0)
            throw io_error("cannot link the unchanged file into the new site:", to);
        if (const FileStat* seen = live.find(rel); seen && seen->exists) {
            record(rel, staged_as(*seen));
            continue;
        }
        struct stat st {};
        if (::lstat(to.c_str(), &st) != 0) throw io_error("cannot stat", to);
        record(rel, staged_as(st));
    }
}

EditionListing::EditionListing(const fs::path& out_dir, const std::string& identity) {
    if (identity.empty()) return;
    fd_ = ::open(previous_edition_dir(out_dir).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd_ < 0 || folder_identity(fd_) != identity) return;  // not the edition the cache names: the reconcile walks
    identity_ = identity;
    walk_ = std::async(std::launch::async, [this, record = previous_hash_cache_path(out_dir)] {
        if (auto listed = listing_from_record(fd_, record, identity_)) {
            from_record_ = true;
            folders_ = std::move(listed->folders);
            return std::move(listed->files);
        }
        return list_tree_at(fd_, kIoThreads, TreeDetail::identity, &stop_);
    });
}

EditionListing::~EditionListing() {
    stop_ = true;
    if (walk_.valid()) walk_.wait();
    if (fd_ >= 0) ::close(fd_);
}

std::vector<TreeEntry> EditionListing::take() { return walk_.get(); }

// One walk over the adopted edition: cheaper than a new tree (no folder made, no link for a file already the
// site's), and it trusts nothing the last build recorded: a file is kept only as the site's own inode.
// The walk is the one begun when the build started (EditionListing) if there is one, so it may be older than this
// build's writes: a path the build wrote is left to it, and a stale entry whose path the build's writes turned into
// a folder (EISDIR) or put under a file (ENOTDIR) is already gone, and a listed path whose file the build replaced
// and then withdrew (same bytes as the site's) is not there any more: linked again.
void Staging::reconcile(const std::vector<std::string>& paths, const StatsByPath& live) {
    std::sort(withdrawn_.begin(), withdrawn_.end());
    // The walk's entries come sorted by path; so do the listed paths (the rendered files' map order): one merge of
    // the two lists tells which listed file is here, with no set of 1 000 000 paths. (A listed path the merge
    // missed would only be removed and linked again.)
    std::vector<bool> here(paths.size(), false);  // a regular file at the listed path (kept if it is the site's)
    std::vector<std::string> relink, stale;
    std::vector<TreeEntry> keep;
    size_t at = 0;
    std::vector<TreeEntry> listed = listing_ ? listing_->take() : list_tree(dir_, kIoThreads, {}, TreeDetail::identity);
    edition_listed_ = listing_ && listing_->from_record() ? EditionListed::from_record : EditionListed::walked;
    if (listing_) known_folders_ = listing_->take_folders();
    listing_.reset();
    for (TreeEntry& e : listed) {
        while (at < paths.size() && paths[at] < e.path) ++at;
        if (at < paths.size() && paths[at] == e.path) {
            if (std::binary_search(withdrawn_.begin(), withdrawn_.end(), e.path)) continue;  // gone: linked again
            if (!S_ISREG(e.stat.mode)) {
                stale.push_back(std::move(e.path));  // removed, then linked again
                continue;
            }
            here[at] = true;
            keep.push_back(std::move(e));  // kept only if it is the live site's own file: checked below
            continue;
        }
        if (staged_.count(std::pmr::string(e.path.data(), e.path.size()))) continue;  // written by this build
        stale.push_back(std::move(e.path));
    }
    for (size_t i = 0; i < paths.size(); ++i)
        if (!here[i]) relink.push_back(paths[i]);
    // The live site's file of each kept path: as the output check saw it, else stat-ed now.
    std::vector<const FileStat*> site(keep.size(), nullptr);
    std::vector<std::string_view> unseen;
    std::vector<size_t> unseen_at;
    for (size_t i = 0; i < keep.size(); ++i) {
        site[i] = live.find(keep[i].path);
        if (!site[i]) {
            unseen.push_back(keep[i].path);
            unseen_at.push_back(i);
        }
    }
    const std::vector<FileStat> stated = stat_files(out_, unseen);
    for (size_t j = 0; j < unseen.size(); ++j) site[unseen_at[j]] = &stated[j];
    for (size_t i = 0; i < keep.size(); ++i)
        if (!site[i]->exists || site[i]->ino != keep[i].stat.ino || site[i]->dev != keep[i].stat.dev)
            relink.push_back(keep[i].path);
        else record(keep[i].path, staged_as(*site[i]));
    {
        std::lock_guard lock(staged_mutex_);
        touched_.insert(touched_.end(), stale.begin(), stale.end());
    }
    for (const std::string& rel : stale) {
        const fs::path file = dir_ / rel;
        if (::unlink(file.c_str()) != 0) {
            if (errno == ENOENT || errno == ENOTDIR || errno == EISDIR) continue;  // see above
            throw io_error("cannot remove", file);
        }
        // Folders the file leaves empty (rmdir fails on a folder that still holds something).
        for (fs::path d = file.parent_path(); d != dir_ && ::rmdir(d.c_str()) == 0; d = d.parent_path()) {
        }
    }
    std::sort(relink.begin(), relink.end());
    relink.erase(std::unique(relink.begin(), relink.end()), relink.end());
    link(relink, live);
}

void Staging::adopt_previous(const std::string& identity, std::unique_ptr<EditionListing> listing) {
    const fs::path previous = previous_edition_dir(out_);
    std::error_code ec;
    if (identity.empty() || folder_identity(previous) != identity) {
        fs::remove_all(previous, ec);
        return;
    }
    // Claimed by renaming: a build killed from here on leaves a staging folder, which the next build removes.
    fs::remove(dir_, ec);  // still empty
    if (ec || ::rename(previous.c_str(), dir_.c_str()) != 0) {
        fs::remove_all(previous, ec);
        fs::create_directories(dir_);
        return;
    }
    adopted_ = true;
    if (listing && listing->identity() == identity) listing_ = std::move(listing);  // the walk of this very folder
}

void remove_stale_staging(const fs::path& out_dir) {
    const fs::path parent = out_dir.parent_path().empty() ? fs::path(".") : out_dir.parent_path();
    const std::string prefix = out_dir.filename().string() + ".staging-";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(parent, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string pid_text = name.substr(prefix.size());
        if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
        if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
    }
}

}  // namespace gongshi::publish
