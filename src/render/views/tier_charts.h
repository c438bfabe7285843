// Build-time SVG bar charts for the home page: ratings by tier per program year and per city, each with the
// same figures as a table (its text alternative).
#pragma once

#include "model/site.h"
#include "render/view.h"

namespace gongshi::render {

View tier_charts_view(const model::Site& site);

}  // namespace gongshi::render
