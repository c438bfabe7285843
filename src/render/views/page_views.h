// View-models of the site's pages other than one record's (those are in record_views.h): the home page, the
// lists, the site-wide files (feed, sitemap), the tool pages (search, changes, 404) and alias redirects. Each is
// made in a file of its own, named for its page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/change_summary.h"
#include "model/tier_index.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

class ProjectRows;

View home_view(const model::Site& site, const Assets& assets);
View project_list_view(const model::Site& site, const Assets& assets, const ProjectRows& rows);
View notice_list_view(const model::Site& site, const Assets& assets);
View reply_list_view(const model::Site& site, const Assets& assets);
View city_list_view(const model::Site& site, const Assets& assets);
// year 0 = all years; no tier = all tiers of the year.
View rating_list_view(const model::Site& site, const Assets& assets, const ProjectRows& rows, int year,
                      std::optional<model::TierIndex> tier);
View not_found_view(const model::Site& site, const Assets& assets);
View feed_view(const model::Site& site);
View sitemap_view(const model::Site& site, const std::vector<std::string>& urls);
View data_page_view(const model::Site& site, const Assets& assets);
View search_view(const model::Site& site, const Assets& assets);
View redirect_view(const model::Site& site, const std::string& from_url, const std::string& to_url,
                   const std::string& title);
// The log of what the last build that changed anything changed.
View changes_view(const model::Site& site, const Assets& assets, const model::ChangeSet& changes);

}  // namespace gongshi::render
