// Reading one content file safely: size limit, no links out of content/, strict UTF-8, LF line ends.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "io/input_files.h"

namespace gongshi::load {

constexpr std::uintmax_t max_file_bytes = 4 * 1024 * 1024;

// Returns the file's text, or nothing after adding a located error. `shown` is the path used in messages.
std::optional<std::string> read_source(const io::InputFiles& input, const std::filesystem::path& file,
                                       const std::string& shown, diag::Diagnostics& diags);

// XXH3 of a content file's path (as shown) and bytes: a record is made from nothing else, so equal hashes mean an
// equal record. Incremental builds key the pages made from a record by it (render/page_keys.h).
std::uint64_t source_hash(std::string_view shown, std::string_view text);

// Checks text already in memory the way read_source does (not empty, no BOM, LF, no control characters,
// strict UTF-8); false after adding a located error.
bool check_source_text(std::string_view text, const std::string& shown, diag::Diagnostics& diags);

// Splits "---\n<yaml>\n---\n<body>" into its parts; body_line is the body's first line number.
struct FrontMatter {
    std::string_view yaml;
    std::string_view body;
    int body_line = 1;
};
std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& shown,
                                              diag::Diagnostics& diags);

}  // namespace gongshi::load
