// The build cache beside the output ("<out>.cache"): what the last successful build read and wrote, so the
// next build re-renders and re-writes only what changed. A cache that fails any check is ignored, never trusted.
//
// A cache names the output folder it describes by identity (device and inode): a build writes its cache as
// "<out>.cache.next" naming its staging folder, swaps the folder in, then renames the cache into place. A build
// killed between the two steps leaves either the old site with the old cache, or the new site with the pending
// cache, and read_cache picks the one that names the folder really in place (so the changes log stays right).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/change_summary.h"
#include "publish/file_tree.h"
#include "render/output_sink.h"

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
    std::uint64_t depends = 0;  // dependency key of a page made from one record (render/page_keys.h), else 0
};

struct BuildCache {
    std::string generator;  // identity of the gongshi binary that wrote it
    std::string options;    // the options that change output (drafts, folders)
    std::uint64_t inputs_digest = 0;  // of every input file's stamp (inputs_digest): equal means nothing changed
    std::map<std::string, OutputStamp> outputs;
    model::ModelSummary summary;
    std::string site;  // identity of the output folder this cache describes (folder_identity)
    // Identity of "<out>.previous", the edition this site replaced (kept so the next build can start from it and
    // touch only what differs: Staging::adopt_previous), or "" if there is none.
    std::string previous;
    // The record summaries, still encoded in the mapped cache file: decoded by read_cache_summary only when the
    // inputs changed (they describe what changed), never for a no-op.
    std::string_view summary_cbor;
    std::shared_ptr<const void> mapping;  // the cache file, mapped while summary_cbor points into it
};

// What a build leaves in its cache, read back as a BuildCache.
struct CacheToWrite {
    std::string generator;
    std::string options;
    std::uint64_t inputs_digest = 0;
    const render::RenderedFiles& outputs;  // every file of the site as the build left it
    std::filesystem::path summary;         // a file holding encode_summary's bytes (summary_file_path)
    std::string site;
    std::string previous;
};

// The summary a build leaves in its cache, encoded as soon as the build has compared it with the last one: the
// model's summary is then not held through render (at 100 000 projects 36 MB as maps, ~13 MB encoded). Its bytes
// are handed to `put` about 1 MB at a time, never held whole (~130 MB at 1 000 000 projects).
void encode_summary(const model::ModelSummary& summary, const std::function<void(std::string_view)>& put);

std::filesystem::path cache_path(const std::filesystem::path& out_dir);
// Where a build keeps its encoded summary from the model stage until it writes its cache: on disk, not in memory
// through render (at 1 000 000 projects ~120 MB). One name: the output lock keeps two builds from sharing it.
std::filesystem::path summary_file_path(const std::filesystem::path& out_dir);
// "device:inode" of a folder (kept by rename and by the swap of a staging folder), or "" if it does not exist.
std::string folder_identity(const std::filesystem::path& dir);
std::string folder_identity(int dir_fd);  // of an open folder
// Identity of the running binary (size and modification time of /proc/self/exe).
std::string generator_identity();
// Every input file under the folders, sorted, with size and modification time. Never throws.
std::vector<InputStamp> stamp_inputs(const std::vector<std::filesystem::path>& dirs);
// One 64-bit digest of the stamps, what the cache keeps of them: the sum (mod 2^64) of each stamp's hash, so that
// one file's new stamp can replace its old one without the others (Rebuild::restamp_input).
std::uint64_t inputs_digest(const std::vector<InputStamp>& inputs);
std::uint64_t stamp_hash(const InputStamp& stamp);  // of its path, size and modification time (XXH3)
std::uint64_t path_hash(std::string_view path);

// Reads and checks the cache describing the output folder in place (format, checksum, generator, folder
// identity): "<out>.cache", or a pending "<out>.cache.next" whose build swapped its site in (then renamed into
// place). A pending cache naming another folder is removed. Nothing if no cache can be trusted. Its record
// summaries are left encoded (summary_cbor) for read_cache_summary.
std::optional<BuildCache> read_cache(const std::filesystem::path& out_dir, const std::string& generator);
// Decodes the cache's record summaries and lets go of its file; false if they cannot be read (then the cache must not
// be trusted).
bool read_cache_summary(BuildCache& cache);
// Lets go of the cache's file without decoding its summaries (nothing changed: they are not needed).
void release_cache_file(BuildCache& cache);
// If every file the cache lists is in the output with the recorded size (nobody has altered the site): what lstat
// said of each (the paths point into `cache`). Nothing if one is missing, not a regular file, or of another size.
std::optional<StatsByPath> check_outputs(const std::filesystem::path& out_dir, const BuildCache& cache);
// Before the swap: writes the new cache as "<out>.cache.next" (cache.site names the staging folder). If the
// summary's file cannot be read, no cache is written (the next build is then a full one, which is always correct).
void write_pending_cache(const std::filesystem::path& out_dir, const CacheToWrite& cache);
// After the swap: the pending cache becomes "<out>.cache".
void promote_pending_cache(const std::filesystem::path& out_dir);

}  // namespace gongshi::publish
