// View-model of /checks/ (核对说明): every discrepancy the site knows, computed from the content (model/checks.h).
#pragma once

#include "render/views/frame_view.h"

namespace gongshi::render {

View checks_view(const model::Site& site, const Assets& assets);

}  // namespace gongshi::render
