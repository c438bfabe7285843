// Every output file of the site as a job: its path and how to make its bytes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/site.h"
#include "render/templates.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

struct PageJob {
    std::string path;  // relative output path, e.g. "projects/x/index.html"
    std::function<std::string()> make;
    bool is_redirect = false;
};

std::vector<PageJob> list_pages(const model::Site& site, const Templates& templates, const Assets& assets);

}  // namespace gongshi::render
