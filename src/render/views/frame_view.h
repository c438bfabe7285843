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

// The date a page's data is as of, shown in its footer ("数据更新至") and cite block: the newest date of the
// documents the page draws on — never the site's newest date, or every page would change with every notice.
// A document printed with a year alone counts as the end of that year (it may be the newest of its year), so
// the page says "2023年" rather than claim a day it cannot know.
class AsOf {
public:
    AsOf& add(const model::Document& d);
    AsOf& add(const model::Document* d) { return d ? add(*d) : *this; }
    AsOf& add_ratings(const model::Site& site, const std::vector<int>& ratings);  // their notices
    AsOf& add_all(const std::vector<model::Document>& documents);
    // "2023-12-27", or "2023年" for a year alone, or "" when nothing was added.
    std::string text() const;
    const model::Document* newest() const { return newest_doc_; }  // the document that date is from

private:
    std::string newest_;  // as compared: "YYYY-MM-DD", or "YYYY-99" for a year alone
    const model::Document* newest_doc_ = nullptr;
};

}  // namespace gongshi::render
