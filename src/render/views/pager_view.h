// The pager of a paginated list as a view: "第 3 / 512 页，共 102 340 条" and the windowed links
// (render/pagination.h), rendered by templates/partials/pager.mustache. A list of one page has no pager.
#pragma once

#include <cstddef>
#include <string>

#include "render/view.h"

namespace gongshi::render {

// Sets "has_pager" and, for a list of several pages, "pager" on the page's view.
void add_pager(View& page, const std::string& list_url, int current, std::size_t rows);

// The title of page `current` of a list titled `title`: the title itself on page 1, "title（第 3 页）" after.
std::string page_title(const std::string& title, int current);

}  // namespace gongshi::render
