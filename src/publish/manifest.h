// The manifest of the published site: every file with its size and SHA-256, computed over the staged tree just
// before it is swapped in, and written into it as "/SHA256SUMS" (for `sha256sum -c`) and "/manifest.json".
#pragma once

#include <filesystem>
#include <string_view>

#include "publish/staging.h"

namespace gongshi::publish {

inline constexpr std::string_view manifest_sums_path = "SHA256SUMS";
inline constexpr std::string_view manifest_json_path = "manifest.json";

// Lists every file the staging folder holds (Staging::contents(): written, linked and kept, by path) but the
// manifest's own two files, as "<sha256>  <path>\n" lines and as a JSON object of path, size and sha256, written
// into the staging folder a piece at a time (at 1 000 000 projects each is over 100 MB). A written file's hash is
// the one taken from its bytes; a linked or kept file the hash cache "<out>.hashes" knows by inode, size and
// modification time is not read again; any other is read and hashed. No walk of the tree, and no list of the
// entries in memory: the cache is read as the files are listed (both are by path) and rewritten as they are.
// A manifest file whose bytes are the published one's keeps the published file (its inode and time), as every
// unchanged page does.
void write_manifest(Staging& staging, const std::filesystem::path& out_dir);

}  // namespace gongshi::publish
