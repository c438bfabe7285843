// Stage 1: read every record of a content folder into typed records, collecting every error on the way.
#pragma once

#include <filesystem>

#include "diag/diagnostic.h"
#include "io/input_files.h"
#include "model/records.h"

namespace gongshi::load {

// Files are read through `input` (io::DiskFiles in a build, io::MemoryFiles in tests).
model::Records load_content(const io::InputFiles& input, const std::filesystem::path& content_dir,
                            diag::Diagnostics& diags);
// Only site.yaml and cities.yaml (what `gongshi new` checks a request against), not the records.
model::Records load_site_and_cities(const io::InputFiles& input, const std::filesystem::path& content_dir,
                                   diag::Diagnostics& diags);

}  // namespace gongshi::load
