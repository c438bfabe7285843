// The jobs of the split lists' pages (render/list_partitions.h): every page of every part, each with its
// dependency key (render/list_page_keys.h), and the data the /projects/ filter fetches when /projects/ is an index
// (render/project_filter_data.h).
#pragma once

#include <vector>

#include "model/site.h"
#include "render/list_partitions.h"
#include "render/page_list.h"
#include "render/views/project_rows.h"

namespace gongshi::render {

// `rows` and `lists` are held by `out` (PageList::held), as the dependency keys it makes are.
void add_list_pages(PageList& out, const model::Site& site, const Assets& assets, const ProjectRows* rows,
                    const ListPartitions* lists);

}  // namespace gongshi::render
