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

std::string absolute_url(const model::Site& site, const std::string& url) {
    return site.config.base_url + url.substr(1);
}

std::string tier_name(const model::Site& site, int tier) {
    return tier >= 0 && tier < static_cast<int>(site.config.tiers.size()) ? site.config.tiers[tier].name : "";
}

std::string tier_id(const model::Site& site, int tier) {
    return tier >= 0 && tier < static_cast<int>(site.config.tiers.size()) ? site.config.tiers[tier].id : "";
}

std::string program_name(const model::Site& site, int year) {
    const model::Program* p = site.program(year);
    return p ? p->name : "";
}

std::string county_label(const model::Project& p) {
    return p.county.value.empty() ? "（文件未列明县区）" : p.county.value;
}

std::string document_label(const model::Document& d) { return d.doc_number.empty() ? d.title : d.doc_number; }

AsOf& AsOf::add(const model::Document& d) {
    const std::string date = d.date.empty() ? std::to_string(d.year) + "-99" : d.date;
    if (newest_doc_ == nullptr || date > newest_) {
        newest_ = date;
        newest_doc_ = &d;
    }
    return *this;
}

AsOf& AsOf::add_all(const std::vector<model::Document>& documents) {
    for (const auto& d : documents) add(d);
    return *this;
}

AsOf& AsOf::add_ratings(const model::Site& site, const std::vector<int>& ratings) {
    for (int r : ratings) add(site.notices[site.ratings[r].notice]);
    return *this;
}

std::string AsOf::text() const { return newest_.ends_with("-99") ? newest_.substr(0, 4) + "年" : newest_; }

View frame_view(const model::Site& site, const Assets& assets, const std::string& title, const std::string& url,
                std::vector<Crumb> breadcrumb) {
    View v;
    v["lang"] = site.config.language;
    v["site_title"] = site.config.title;
    v["page_title"] = title;
    v["is_home"] = url == "/";
    v["canonical"] = absolute_url(site, url);
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
