// Every output file of the site as a job: its path, and either the view a template renders or raw bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/site.h"
#include "render/view.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

struct PageJob {
    enum class Kind { page, bare, raw };  // page: template inside the layout; bare: template alone; raw: bytes
    std::string path;                     // relative output path, e.g. "projects/x/index.html"
    Kind kind = Kind::page;
    const char* template_name = "";       // a template's name: one of the site's, never made at run time
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

// The jobs, and what their views share (the project rows, the lists' parts, the dependency keys): made once and
// held here, so that a job captures a plain pointer to them. A project page's job is then small enough for
// std::function to hold it in place (a pointer and an index; up to 1 million of them at national scale) instead of
// one heap block a job for its view and another for its key.
struct PageList {
    std::vector<PageJob> jobs;
    std::vector<std::shared_ptr<const void>> held;

    // A T made from args, held as long as the list.
    template <typename T, typename... Args>
    const T* hold(Args&&... args) {
        auto owned = std::make_shared<const T>(std::forward<Args>(args)...);
        const T* at = owned.get();
        held.push_back(std::move(owned));
        return at;
    }
};

PageList list_pages(const model::Site& site, const Assets& assets);

}  // namespace gongshi::render
