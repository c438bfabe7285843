// One build of the preview: runs the pipeline, prints its diagnostics and a one-line timed outcome, and records
// it so the server can show the error page or tell browsers to reload.
#pragma once

#include <ostream>

#include "pipeline.h"
#include "serve/build_status.h"

namespace gongshi::serve {

// Never throws: an environment failure (disk full, no permission) becomes an error on the page like any
// other.
void build_preview(const BuildOptions& options, BuildStatus& status, std::ostream& out, std::ostream& err);

}  // namespace gongshi::serve
