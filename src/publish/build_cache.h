// The build cache beside the output ("<out>.cache"): what the last successful build read and wrote, so the
// next build re-renders and re-writes only what changed. A cache that fails any check is ignored, never trusted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/change_summary.h"

namespace gongshi::publish {

struct InputStamp {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const InputStamp&) const = default;
};

struct OutputStamp {
    std::uint64_t key = 0;   // fingerprint of what the file was made from (view + template, or its bytes)
    std::uint64_t size = 0;  // bytes written
};

struct BuildCache {
    std::string generator;  // identity of the gongshi binary that wrote it
    std::string options;    // the options that change output (drafts, folders)
    std::vector<InputStamp> inputs;
    std::map<std::string, OutputStamp> outputs;
    model::ModelSummary summary;
};

std::filesystem::path cache_path(const std::filesystem::path& out_dir);
// Identity of the running binary (size and modification time of /proc/self/exe).
std::string generator_identity();
// Every input file under the folders, sorted, with size and modification time.
std::vector<InputStamp> stamp_inputs(const std::vector<std::filesystem::path>& dirs);

// Reads and checks the cache (format, checksum, generator); nothing if it is missing, corrupt or stale.
std::optional<BuildCache> read_cache(const std::filesystem::path& out_dir, const std::string& generator);
// True if every file the cache lists is in the output with the recorded size (nobody has altered the site).
bool outputs_intact(const std::filesystem::path& out_dir, const BuildCache& cache);
void write_cache(const std::filesystem::path& out_dir, const BuildCache& cache);
void remove_cache(const std::filesystem::path& out_dir);

}  // namespace gongshi::publish
