#include "render/views/page_views.h"

#include "render/views/search_facets.h"


namespace gongshi::render {

View search_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "搜索", "/search/", {{"搜索", "/search/"}});
    exclude_from_search(v);
    v["search_js_url"] = assets.search_js_url;
    v["filter_choices"] = search_filter_choices(site);
    return v;
}

}  // namespace gongshi::render
