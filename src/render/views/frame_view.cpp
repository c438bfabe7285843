#include "render/views/frame_view.h"

#include <algorithm>

namespace gongshi::render {

namespace {

struct NavItem {
    const char* name;
    const char* url;
};
constexpr NavItem nav_items[] = {
    {"首页", "/"},          {"项目", "/projects/"}, {"评价结果", "/ratings/"}, {"各市", "/cities/"},
    {"公文", "/notices/"},  {"答复", "/replies/"},  {"开放数据", "/data/"},
};
// Search sits in the header of every page as a form: GET /search/?q=…
constexpr const char* search_url = "/search/";

bool is_under(const std::string& url, const std::string& section) {
    if (section == "/") return url == "/";
    return url.rfind(section, 0) == 0;
}

}  // namespace

View frame_view(const model::Site& site, const Assets& assets, const std::string& title, const std::string& url,
                std::vector<Crumb> breadcrumb) {
    View v;
    v["lang"] = site.config.language;
    v["site_title"] = site.config.title;
    v["page_title"] = title;
    v["is_home"] = url == "/";
    v["canonical"] = model::absolute_url(site, url);
    v["description"] = site.config.description;
    v["css_url"] = assets.css_url;
    v["js_url"] = assets.js_url;
    ViewList nav;
    for (const NavItem& item : nav_items) {
        View n;
        n["name"] = item.name;
        n["url"] = item.url;
        n["current"] = is_under(url, item.url) && (std::string(item.url) != "/" || url == "/");
        nav.push_back(std::move(n));
    }
    v["nav"] = std::move(nav);
    v["search_url"] = search_url;
    ViewList crumbs;
    if (url != "/") breadcrumb.insert(breadcrumb.begin(), Crumb{"首页", "/"});
    for (size_t i = 0; i < breadcrumb.size(); ++i) {
        View c;
        c["name"] = breadcrumb[i].name;
        c["url"] = breadcrumb[i].url;
        c["last"] = i + 1 == breadcrumb.size();
        crumbs.push_back(std::move(c));
    }
    v["has_breadcrumb"] = !crumbs.empty();
    v["breadcrumb"] = std::move(crumbs);
    return v;
}

}  // namespace gongshi::render
