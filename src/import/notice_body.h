// The notice's body as Markdown: paragraphs rejoined where a page break or a PDF line split them, top-level
// headings (三、工作要求) as "##", page numbers dropped, and the ratings placeholder where the lists stood.
#pragma once

#include <string>
#include <vector>

#include "import/rating_lists.h"
#include "import/source_text.h"

namespace gongshi::importer {

// The line that marks where a notice's ratings are shown (docs/content-model.md).
inline constexpr const char* ratings_placeholder = "<!-- gongshi:ratings -->";

// The body from `first_line` on; the lines in `lists` become one placeholder (at the first range).
std::string body_markdown(const SourceText& source, int first_line, const std::vector<LineRange>& lists);

}  // namespace gongshi::importer
