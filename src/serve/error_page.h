// The page the preview shows instead of any HTML page while the latest build has failed: every located
// diagnostic, escaped, with the source line it points at. Built here, not from templates/, which may be what
// broke.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "io/input_files.h"

namespace gongshi::serve {

// `sources` reads the lines the diagnostics point at (diag/excerpt.h).
std::string render_error_page(const std::vector<diag::Diagnostic>& diagnostics, const io::InputFiles& sources);

}  // namespace gongshi::serve
