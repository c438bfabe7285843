#include "render/views/page_views.h"

#include "render/views/search_facets.h"


namespace gongshi::render {

View not_found_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "页面未找到", "/404.html", {{"页面未找到", "/404.html"}});
    exclude_from_search(v);
    return v;
}

}  // namespace gongshi::render
