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
class ListPartitions;
struct ListPart;

View home_view(const model::Site& site, const Assets& assets);
// /projects/: every project while they fit one page, else the index of their parts by city and program year.
View project_list_view(const model::Site& site, const Assets& assets, const ProjectRows& rows,
                       const ListPartitions& lists);
// Page `page` of a city's projects of one program year (render/list_partitions.h).
View city_year_view(const model::Site& site, const Assets& assets, const ProjectRows& rows,
                    const ListPartitions& lists, const ListPart& part, int page);
// Page `page` of the notices, or of the replies, newest first.
View notice_list_view(const model::Site& site, const Assets& assets, const ListPart& notices, int page);
View reply_list_view(const model::Site& site, const Assets& assets, const ListPart& replies, int page);
View city_list_view(const model::Site& site, const Assets& assets);
// /ratings/ (year 0) and /ratings/<year>/: every rating, grouped by year and tier, while they fit one page; else
// the number of each (year, tier) list and its link.
View rating_overview_view(const model::Site& site, const Assets& assets, const ProjectRows& rows,
                          const ListPartitions& lists, int year);
// Page `page` of a (year, tier) list of ratings, or of its part for one city.
View rating_page_view(const model::Site& site, const Assets& assets, const ProjectRows& rows,
                      const ListPartitions& lists, const ListPart& part, int page);
View not_found_view(const model::Site& site, const Assets& assets);
View feed_view(const model::Site& site);
View sitemap_view(const model::Site& site, const std::vector<std::string>& urls);
// The index of a sitemap in parts (render/sitemap_parts.h).
View sitemap_index_view(const model::Site& site, const std::vector<std::string>& part_urls);
View data_page_view(const model::Site& site, const Assets& assets);
View search_view(const model::Site& site, const Assets& assets);
View redirect_view(const model::Site& site, const std::string& from_url, const std::string& to_url,
                   const std::string& title);
// The log of what the last build that changed anything changed.
View changes_view(const model::Site& site, const Assets& assets, const model::ChangeSet& changes);

}  // namespace gongshi::render
