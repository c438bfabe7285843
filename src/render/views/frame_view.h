// What every page shares: title, canonical URL, navigation, breadcrumb, footer.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/as_of.h"
#include "model/labels.h"
#include "model/site.h"
#include "render/view.h"

namespace gongshi::render {

struct Crumb {
    std::string name;
    std::string url;
};

struct Assets {
    std::string css_url;  // fingerprinted
    std::string js_url;
    std::string search_js_url;  // the /search/ page's script
};

// The page's view with the frame fields filled in; the page adds its own fields to it.
View frame_view(const model::Site& site, const Assets& assets, const std::string& title, const std::string& url,
                std::vector<Crumb> breadcrumb);

}  // namespace gongshi::render
