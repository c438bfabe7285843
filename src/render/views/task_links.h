// The links to the province's task tables, one per program year that has one.
#pragma once

#include "model/site.h"
#include "render/view.h"

namespace gongshi::render {

ViewList task_links(const model::Site& site);  // (year, url) of each table

}  // namespace gongshi::render
