// View-models of the record pages: one project, one notice, one reply, one city, one task table.
#pragma once

#include "render/views/frame_view.h"

namespace gongshi::render {

class ProjectRows;
class ListPartitions;

View project_view(const model::Site& site, const Assets& assets, const ProjectRows& rows, int project);
View notice_view(const model::Site& site, const Assets& assets, int notice);
View reply_view(const model::Site& site, const Assets& assets, int reply);
View city_view(const model::Site& site, const Assets& assets, const ProjectRows& rows, const ListPartitions& lists,
               int city);
View task_view(const model::Site& site, const Assets& assets, int task_table);

// Subsidy ceiling of a project under its program's rule, or why none can be computed.
struct SubsidyCeiling {
    bool computed = false;
    std::string text;
};
SubsidyCeiling subsidy_ceiling(const model::Site& site, int project);

}  // namespace gongshi::render
