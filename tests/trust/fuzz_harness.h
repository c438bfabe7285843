// What the fuzz targets run on one input, shared with the Catch2 test that replays the crash corpus:
// bytes → the checks, parsers and loaders a build applies to a content file → validation, model and render.
#pragma once

#include <string_view>

namespace gongshi::trust {

// The bytes as a YAML record file, read by every record loader (project, ratings, task table, site, cities)
// beside the good fixture's other records; valid content goes on through build_model and render.
void run_record_input(std::string_view bytes);
// The bytes as a notice and as a reply (front matter + Markdown body), the same way.
void run_document_input(std::string_view bytes);

}  // namespace gongshi::trust
