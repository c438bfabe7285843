// "<out>.records" beside the output: the parsed-record cache's bytes (load/parsed_records.h), with the checks
// the build cache has — a file another gongshi binary wrote, or with a block whose checksum fails, is never
// read. A build that parsed a few files appends a block with their records instead of writing every record
// again.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace gongshi::publish {

std::filesystem::path record_cache_path(const std::filesystem::path& out_dir);
// Every block's bytes, one after another, if the file is there, whole, and was written by `generator`
// (generator_identity()).
std::optional<std::string> read_record_cache(const std::filesystem::path& out_dir,
                                             const std::string& generator);
// Replaces the file atomically with one block (a new file renamed over the old); if it cannot be written
// there is none, and the next build parses every file.
void write_record_cache(const std::filesystem::path& out_dir, const std::string& generator,
                        std::string_view bytes);
// Adds a block at the end of the file. A block cut short (a build killed while writing) fails its check, and
// the next build ignores the file.
void append_record_cache(const std::filesystem::path& out_dir, std::string_view bytes);

}  // namespace gongshi::publish
