#include "render/views/page_views.h"


namespace gongshi::render {

View redirect_view(const model::Site& site, const std::string& from_url, const std::string& to_url,
                   const std::string& title) {
    View v;
    v["lang"] = site.config.language;
    v["title"] = title;
    v["target"] = to_url;
    v["canonical"] = model::absolute_url(site, to_url);
    v["from"] = from_url;
    return v;
}

}  // namespace gongshi::render
