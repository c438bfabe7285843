// "<out>.records" beside the output: the parsed-record cache's bytes (load/parsed_records.h), with the checks
// the build cache has — a file another gongshi binary wrote, or with a block whose checksum fails, is never
// read. A build that parsed a few files appends a block with their records instead of writing every record
// again.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gongshi::publish {

std::filesystem::path record_cache_path(const std::filesystem::path& out_dir);
// Every block's bytes, one after another, if the file is there, whole, and was written by `generator`
// (generator_identity()).
std::optional<std::string> read_record_cache(const std::filesystem::path& out_dir,
                                             const std::string& generator);
// The bytes to write, produced a piece at a time: the producer hands each piece to the function it is given,
// which writes it as a block before the next piece is made (the whole is never in memory twice).
using RecordPieces = std::function<void(const std::function<void(std::string_view)>&)>;
// Replaces the file atomically with a block per piece (a new file renamed over the old); if it cannot be
// written there is none, and the next build parses every file.
void write_record_cache(const std::filesystem::path& out_dir, const std::string& generator,
                        const RecordPieces& pieces);
// Adds a block per piece at the end of the file. A block cut short (a build killed while writing) fails its
// check, and the next build ignores the file; so do whole blocks that end inside a record (the pieces of one
// write decode only together).
void append_record_cache(const std::filesystem::path& out_dir, const RecordPieces& pieces);

}  // namespace gongshi::publish
