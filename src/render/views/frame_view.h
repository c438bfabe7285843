// What every page shares: title, canonical URL, navigation, breadcrumb, footer.
#pragma once

#include <string>
#include <utility>
#include <vector>

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

std::string absolute_url(const model::Site& site, const std::string& url);
std::string tier_name(const model::Site& site, int tier);
std::string tier_id(const model::Site& site, int tier);
std::string program_name(const model::Site& site, int year);
// The county as printed, or a plain statement that the document names none.
std::string county_label(const model::Project& p);
// "晋民函〔2023〕169号" or, for a document without a number, its title.
std::string document_label(const model::Document& d);

}  // namespace gongshi::render
