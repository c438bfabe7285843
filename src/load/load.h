// Stage 1: read every record of a content folder into typed records, collecting every error on the way.
#pragma once

#include <filesystem>

#include "diag/diagnostic.h"
#include "model/records.h"

namespace gongshi::load {

model::Records load_content(const std::filesystem::path& content_dir, diag::Diagnostics& diags);
// Only site.yaml and cities.yaml (what `gongshi new` checks a request against), not the records.
model::Records load_site_and_cities(const std::filesystem::path& content_dir, diag::Diagnostics& diags);

}  // namespace gongshi::load
