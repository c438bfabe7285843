// Every output file of the site as a job: its path, and either the view a template renders or raw bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/site.h"
#include "render/view.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

struct PageJob {
    enum class Kind { page, bare, raw };  // page: template inside the layout; bare: template alone; raw: bytes
    std::string path;                     // relative output path, e.g. "projects/x/index.html"
    Kind kind = Kind::page;
    std::string template_name;
    std::function<View()> view;           // page and bare
    std::function<std::string()> bytes;   // raw
    bool in_sitemap = true;
    // A job that lists every project or rating (open data, the full lists, the sitemap, city pages): its view and
    // text run to hundreds of MB at 100 000 projects, so such jobs run one at a time while the other cores render
    // the small pages.
    bool heavy = false;
    // For a page made from one record: its dependency key (render/page_keys.h). When it equals the key the last
    // build recorded for the path, the page is left alone without building its view.
    std::function<std::uint64_t()> depends;
};

std::vector<PageJob> list_pages(const model::Site& site, const Assets& assets);

}  // namespace gongshi::render
