#include "render/views/page_views.h"


namespace gongshi::render {

View sitemap_view(const model::Site& site, const std::vector<std::string>& urls) {
    View v;
    ViewList list;
    for (const auto& u : urls) {
        View e;
        e["loc"] = model::absolute_url(site, u);
        list.push_back(std::move(e));
    }
    v["urls"] = std::move(list);
    return v;
}

View sitemap_index_view(const model::Site& site, const std::vector<std::string>& part_urls) {
    View v;
    ViewList list;
    for (const auto& u : part_urls) {
        View e;
        e["loc"] = model::absolute_url(site, u);
        list.push_back(std::move(e));
    }
    v["sitemaps"] = std::move(list);
    return v;
}

}  // namespace gongshi::render
