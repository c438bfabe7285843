#include "render/views/page_views.h"

namespace gongshi::render {

namespace {

// Each URL's full address, as a sitemap's <loc>.
ViewList locations(const model::Site& site, const std::vector<std::string>& urls) {
    ViewList list;
    for (const auto& u : urls) {
        View e;
        e["loc"] = model::absolute_url(site, u);
        list.push_back(std::move(e));
    }
    return list;
}

}  // namespace

View sitemap_view(const model::Site& site, const std::vector<std::string>& urls) {
    View v;
    v["urls"] = locations(site, urls);
    return v;
}

View sitemap_index_view(const model::Site& site, const std::vector<std::string>& part_urls) {
    View v;
    v["sitemaps"] = locations(site, part_urls);
    return v;
}

}  // namespace gongshi::render
