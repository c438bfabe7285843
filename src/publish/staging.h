// Atomic publish: render into a staging folder beside the output, then swap it in as one rename.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "publish/output_sink.h"

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

// A fresh folder "<out>.staging-<pid>" that files are written into; removed unless committed.
class Staging : public OutputSink {
public:
    explicit Staging(const std::filesystem::path& out_dir);
    ~Staging() override;
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

    void write(const std::string& path, std::string_view bytes) override;
    const std::filesystem::path& dir() const { return dir_; }
    long long files_written() const { return files_; }
    long long bytes_written() const { return bytes_; }

    // Swaps the staging folder in place of the output folder (atomically where the output exists).
    void commit();
    // Incremental publish, step one: hard-links the listed files of the current output (paths relative to it,
    // files this build did not write) into the staging folder — same inode, same modification time: an unchanged
    // page is not rewritten. Then commit() swaps the complete new tree in, as a full build does, so a build killed
    // at any moment leaves the previous site whole.
    void link_unchanged(const std::vector<std::string>& paths);

private:
    std::filesystem::path out_;
    std::filesystem::path dir_;
    bool committed_ = false;
    std::atomic<long long> files_{0};
    std::atomic<long long> bytes_{0};
};

// Removes staging folders that crashed or killed builds left behind (their process is gone).
void remove_stale_staging(const std::filesystem::path& out_dir);

}  // namespace gongshi::publish
