// The jobs of the split lists' pages (render/list_partitions.h): every page of every part, each with its
// dependency key (render/list_page_keys.h), and the data the /projects/ filter fetches when /projects/ is an index
// (render/project_filter_data.h).
#pragma once

#include <memory>
#include <vector>

#include "model/site.h"
#include "render/list_partitions.h"
#include "render/page_list.h"
#include "render/views/project_rows.h"

namespace gongshi::render {

void add_list_pages(std::vector<PageJob>& jobs, const model::Site& site, const Assets& assets,
                    std::shared_ptr<const ProjectRows> rows, std::shared_ptr<const ListPartitions> lists);

}  // namespace gongshi::render
