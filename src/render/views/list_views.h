// View-models of the index pages: home, and the lists of projects, notices, replies and cities.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "render/views/frame_view.h"

namespace gongshi::render {

// Every project's row in a table (name, links, city, county, year, tiers), made once per build, on first use, and
// shared by every list that shows the project: /projects/, the rating lists (a project once per rating) and the
// city pages. Made once instead of ~5 times per project, and fingerprinted once.
class ProjectRows {
public:
    explicit ProjectRows(const model::Site& site) : site_(site) {}
    // A row standing on project p's shared fields; fields set on it are the row's own. Safe from any thread.
    View row(int project) const;

private:
    const model::Site& site_;
    mutable std::once_flag made_;
    mutable std::vector<std::shared_ptr<const SharedFields>> rows_;
};

View home_view(const model::Site& site, const Assets& assets);
View project_list_view(const model::Site& site, const Assets& assets, const ProjectRows& rows);
View notice_list_view(const model::Site& site, const Assets& assets);
View reply_list_view(const model::Site& site, const Assets& assets);
View city_list_view(const model::Site& site, const Assets& assets);
// year 0 = all years; tier -1 = all tiers of the year.
View rating_list_view(const model::Site& site, const Assets& assets, const ProjectRows& rows, int year, int tier);
View not_found_view(const model::Site& site, const Assets& assets);

}  // namespace gongshi::render
