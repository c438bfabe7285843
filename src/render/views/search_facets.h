// What a page tells the search index: the Pagefind filters it carries (program year, tier, city, kind) and
// whether it is indexed at all. The layout renders them as <meta data-pagefind-filter> tags and the
// data-pagefind-body mark; the choice of values is made here, so the templates hold no logic.
#pragma once

#include <string>

#include "model/site.h"
#include "render/view.h"

namespace gongshi::render {

// Filter names, as they appear in the index and in /search/?year=…&tier=…&city=…&kind=… URLs.
inline constexpr const char* filter_year = "year";
inline constexpr const char* filter_tier = "tier";
inline constexpr const char* filter_city = "city";
inline constexpr const char* filter_kind = "kind";
// Values of the kind filter for pages that are not documents; a notice's kind is its own (通知, 通报, …).
inline constexpr const char* kind_project = "项目";
inline constexpr const char* kind_reply = "答复";
inline constexpr const char* kind_city = "城市";
inline constexpr const char* kind_tasks = "任务表";
inline constexpr const char* kind_ratings = "评价结果";
std::string notice_kind(const model::Document& notice);

// Adds one filter value to the page ("year", "2023年"); a value already there is not added twice.
void add_search_filter(View& page, const std::string& name, const std::string& value);
// The year and tier filters of every rating a project has, or a notice issued.
void add_rating_filters(View& page, const model::Site& site, const std::vector<int>& ratings);
// Pages that are tools rather than content (search, not-found, change log) stay out of the index.
void exclude_from_search(View& page);
// The choices /search/ offers for each filter, in the site's order (years, tiers as ranked, cities by code).
ViewList search_filter_choices(const model::Site& site);

}  // namespace gongshi::render
