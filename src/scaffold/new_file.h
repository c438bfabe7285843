// Creating a record's file only if nothing is there (O_EXCL: no race with another writer either), as `gongshi new`
// and `gongshi import` do: a record is never overwritten.
#pragma once

#include <filesystem>
#include <string>

#include "diag/diagnostic.h"

namespace gongshi::scaffold {

// Creates the file (and its folder) with the text; false after a located error (it exists, or cannot be written,
// in which case nothing is left behind).
bool create_new_file(const std::filesystem::path& file, const std::string& text, diag::Diagnostics& diags);

}  // namespace gongshi::scaffold
