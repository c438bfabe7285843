// The page the preview shows instead of any HTML page while the latest build has failed: every located
// diagnostic, escaped, with the source line it points at. Built here, not from templates/, which may be what
// broke.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace gongshi::serve {

std::string render_error_page(const std::vector<diag::Diagnostic>& diagnostics);

}  // namespace gongshi::serve
