// "<out>.records" beside the output: the parsed-record cache's bytes (load/parsed_records.h), kept with the checks
// the build cache has — a file another gongshi binary wrote, or whose checksum fails, is never read.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace gongshi::publish {

std::filesystem::path record_cache_path(const std::filesystem::path& out_dir);
// The bytes, if the file is there, whole, and was written by `generator` (generator_identity()).
std::optional<std::string> read_record_cache(const std::filesystem::path& out_dir, const std::string& generator);
// Replaces the file atomically (a new file renamed over the old); if it cannot be written there is none, and the
// next build parses every file.
void write_record_cache(const std::filesystem::path& out_dir, const std::string& generator, std::string_view bytes);

}  // namespace gongshi::publish
