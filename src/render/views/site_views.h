// View-models of the site-wide files: Atom feed, sitemap, open-data page, search page, alias redirects, charts.
#pragma once

#include <string>
#include <vector>

#include "model/change_summary.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

View feed_view(const model::Site& site);
View sitemap_view(const model::Site& site, const std::vector<std::string>& urls);
View data_page_view(const model::Site& site, const Assets& assets);
View search_view(const model::Site& site, const Assets& assets);
View redirect_view(const model::Site& site, const std::string& from_url, const std::string& to_url,
                   const std::string& title);
// The log of what the last build that changed anything changed.
View changes_view(const model::Site& site, const Assets& assets, const model::ChangeSet& changes);
// Build-time SVG bar charts for the home page: ratings by tier per city, and per program year.
View tier_charts_view(const model::Site& site);

}  // namespace gongshi::render
