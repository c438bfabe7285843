// Publishing the static files (assets/: stylesheet, scripts) under content-hashed names, so they can be cached
// forever: "style.css" → "assets/style.1a2b3c4d5e.css". A file whose bytes are unchanged since the last build is
// left alone.
#pragma once

#include <filesystem>

#include "io/input_files.h"
#include "render/output_sink.h"

namespace gongshi::publish {

render::PublishedAssets publish_assets(const io::InputFiles& input, const std::filesystem::path& assets_dir,
                                       render::OutputSink& sink, const render::PreviousOutput& previous);

}  // namespace gongshi::publish
