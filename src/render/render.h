// Stage 4: render every page of the site into an output sink, in parallel, deterministically.
#pragma once

#include <filesystem>

#include "model/site.h"
#include "publish/output_sink.h"
#include "render/templates.h"

namespace gongshi::render {

struct RenderStats {
    long long pages = 0;  // HTML pages
    long long files = 0;  // every file, pages included
};

RenderStats render_site(const model::Site& site, const Templates& templates, const std::filesystem::path& assets_dir,
                        publish::OutputSink& sink, int jobs);

}  // namespace gongshi::render
