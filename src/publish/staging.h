// Atomic publish: render into a staging folder beside the output, then swap it in as one rename.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <memory_resource>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "publish/edition_record.h"
#include "publish/file_tree.h"
#include "render/output_sink.h"

namespace gongshi::publish {

// Holds an exclusive lock on "<out>.lock" for the life of the object, so two builds never write one output.
class OutputLock {
public:
    explicit OutputLock(const std::filesystem::path& out_dir);  // waits for another build to finish
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

private:
    int fd_ = -1;
};

// What the staging folder holds at one path: the file's identity as it was written, linked or kept, and its
// SHA-256 when this build had its bytes (none for a file it linked or kept: the manifest looks it up). Fixed size:
// recording a file allocates nothing of its own.
struct StagedFile {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t ino = 0;
    bool hashed = false;
    std::array<char, 64> sha256{};  // lowercase hex, if hashed
    std::string_view sha256_hex() const { return hashed ? std::string_view(sha256.data(), sha256.size()) : ""; }
};

// The listing of the edition the last build swapped out ("<out>.previous"), walked on threads of its own from the
// moment a build knows it will start from that edition: the walk (at 1 000 000 projects a million folders) then
// overlaps loading, validating, modelling and rendering instead of following them. The folder is opened at once and
// walked from that descriptor, so the listing is of the folder the identity names even once it is renamed into the
// staging folder. Stopped, and its threads joined, when dropped. When the edition's record (edition_record.h, kept
// as "<out>.previous.hashes") shows that no folder of it changed since the build that made it, the listing is read
// from there instead, and no folder is read.
class EditionListing {
public:
    // Starts the listing if "<out>.previous" is the folder `identity` names (folder_identity); else there is none.
    EditionListing(const std::filesystem::path& out_dir, const std::string& identity);
    ~EditionListing();
    EditionListing(const EditionListing&) = delete;
    EditionListing& operator=(const EditionListing&) = delete;

    const std::string& identity() const { return identity_; }  // "" if the walk did not start
    // Whether the listing came from the edition's record (false: walked, or not taken yet).
    bool from_record() const { return from_record_; }
    // The folders' stamps the record gave and the check confirmed (empty if walked); after take(), once.
    std::vector<RecordedFolder> take_folders() { return std::move(folders_); }
    // Every entry that is not a folder, sorted by path, as list_tree(…, TreeDetail::identity) gives them; waits for
    // the walk. Only once.
    std::vector<TreeEntry> take();

private:
    int fd_ = -1;
    std::string identity_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> from_record_{false};
    std::vector<RecordedFolder> folders_;
    std::future<std::vector<TreeEntry>> walk_;
};

// A fresh folder "<out>.staging-<pid>" that files are written into; removed unless committed.
class Staging : public render::OutputSink {
public:
    explicit Staging(const std::filesystem::path& out_dir);
    ~Staging() override;
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

    void write(const std::string& path, std::string_view bytes) override;
    std::unique_ptr<render::OutputFile> open(const std::string& path) override;  // streamed to disk
    const std::filesystem::path& dir() const { return dir_; }
    // Every file the folder holds, sorted by path: what this build wrote, linked and (in an adopted edition) kept.
    // The manifest is made from it, without walking the tree again.
    // Views of the folder's own records, valid while it lives (24 bytes a file: at 1 000 000 projects copies of the
    // paths and records were ~250 MB at the end of the build).
    std::vector<std::pair<std::string_view, const StagedFile*>> contents() const;
    long long files_written() const { return files_; }
    // How the adopted edition's files were listed for the reconcile (EditionListing: from its record if it can).
    EditionListed edition_listed() const { return edition_listed_; }
    // For the record of the new edition (edition_record.h): the adopted edition's folder stamps, as checked against
    // its record when the build began (empty if it was walked), and every path this build wrote, linked or removed
    // in the adopted edition (the folders above them changed). Once.
    std::vector<RecordedFolder> take_known_folders() { return std::move(known_folders_); }
    std::vector<std::string> take_touched() { return std::move(touched_); }
    long long bytes_written() const { return bytes_; }

    // Swaps the staging folder in place of the output folder (atomically where the output exists). The previous
    // site is then kept as "<out>.previous" if `keep_previous`, else removed.
    void commit(bool keep_previous = false);
    // Incremental publish, step one: hard-links the listed files of the current output (paths relative to it,
    // files this build did not write) into the staging folder — same inode, same modification time: an unchanged
    // page is not rewritten. Then commit() swaps the complete new tree in, as a full build does, so a build killed
    // at any moment leaves the previous site whole. In an adopted edition (below) it reconciles instead: every
    // file there must be one this build wrote or a listed file, as the same inode as the site's; a listed file
    // that is missing or another inode is linked again, and anything else is removed. `live` is what the output
    // check saw of the site's files (check_outputs), compared instead of stat-ing them again; a path it lacks (the
    // search index, which the cache does not list) is stat-ed.
    void link_unchanged(const std::vector<std::string>& paths, const StatsByPath& live);  // paths ascending

    // Incremental publish, the cheaper start: takes "<out>.previous" as the staging folder if its identity is
    // `identity` (the edition the last build swapped out), so that link_unchanged touches only what differs instead
    // of linking every file into a new tree. If it is not that folder, removes it and the staging folder stays new.
    // Once adopted, a write replaces a file instead of writing into it (its inode may be the live site's).
    // `listing`, if it is of that same folder, is the walk the reconcile uses (taken before this build wrote
    // anything: the reconcile allows for what the build's writes changed since).
    void adopt_previous(const std::string& identity, std::unique_ptr<EditionListing> listing = nullptr);

private:
    std::filesystem::path out_;
    std::filesystem::path dir_;
    bool committed_ = false;
    bool adopted_ = false;
    EditionListed edition_listed_ = EditionListed::none;
    std::vector<RecordedFolder> known_folders_;
    mutable std::vector<std::string> touched_;  // only in an adopted edition; under staged_mutex_
    std::unique_ptr<EditionListing> listing_;  // of the adopted edition, begun before this build wrote into it
    mutable std::mutex staged_mutex_;
    // Every file in the folder (contents()). Its nodes come from large blocks of their own: 100 000 long-lived
    // small allocations made between the render threads' short-lived pages fragmented the heap (peak RSS at
    // N = 100 000 went from 0.54 to 1.3 GB with a plain map).
    std::pmr::monotonic_buffer_resource staged_memory_{std::size_t{1} << 20};
    std::pmr::unordered_map<std::pmr::string, StagedFile> staged_{&staged_memory_};
    std::vector<std::string> withdrawn_;  // paths of withdraw(): the few large data files whose bytes came out the same

    class StreamedFile;
    int create(const std::string& path) const;
    void write_all(int fd, const std::string& path, std::string_view bytes) const;
    void finish(int fd, const std::string& path, std::uint64_t size, std::string_view sha256);
    void record(std::string_view path, const StagedFile& file);
    void withdraw(const std::string& path);  // a file this build made, then removed (the site's has its bytes)
    void link(const std::vector<std::string>& paths, const StatsByPath& live);
    void reconcile(const std::vector<std::string>& paths, const StatsByPath& live);  // paths ascending
    std::atomic<long long> files_{0};
    std::atomic<long long> bytes_{0};
};

// Rejects a relative output path that could leave the site folder (absolute, "..", empty parts).
bool is_safe_output_path(std::string_view path);

// Removes staging folders that crashed or killed builds left behind (their process is gone).
void remove_stale_staging(const std::filesystem::path& out_dir);

}  // namespace gongshi::publish
