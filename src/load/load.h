// Stage 1: read every record of a content folder into typed records, collecting every error on the way.
#pragma once

#include <filesystem>

#include "diag/diagnostic.h"
#include "io/input_files.h"
#include "model/records.h"

namespace gongshi::load {

class ParsedRecords;

// Files are read through `input` (io::DiskFiles in a build, io::MemoryFiles in tests). With `parsed`, a file whose
// record it holds (same stamp) is neither read nor parsed, and a file parsed without any diagnostic is kept in it.
model::Records load_content(const io::InputFiles& input, const std::filesystem::path& content_dir,
                            diag::Diagnostics& diags, ParsedRecords* parsed = nullptr);
// Only site.yaml and cities.yaml (what `gongshi new` checks a request against), not the records.
model::Records load_site_and_cities(const io::InputFiles& input, const std::filesystem::path& content_dir,
                                   diag::Diagnostics& diags);

}  // namespace gongshi::load
