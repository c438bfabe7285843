// View-models of the index pages: home, and the lists of projects, notices, replies and cities.
#pragma once

#include "render/views/frame_view.h"

namespace gongshi::render {

View home_view(const model::Site& site, const Assets& assets);
View project_list_view(const model::Site& site, const Assets& assets);
View notice_list_view(const model::Site& site, const Assets& assets);
View reply_list_view(const model::Site& site, const Assets& assets);
View city_list_view(const model::Site& site, const Assets& assets);
// year 0 = all years; tier -1 = all tiers of the year.
View rating_list_view(const model::Site& site, const Assets& assets, int year, int tier);
View not_found_view(const model::Site& site, const Assets& assets);

// One row of a project table (used by several lists).
View project_row(const model::Site& site, int project);

}  // namespace gongshi::render
