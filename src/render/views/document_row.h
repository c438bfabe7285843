// A document's row in a list (title, link, label, date, kind, summary), and the lists' order.
#pragma once

#include <string>

#include "model/site.h"
#include "render/view.h"

namespace gongshi::render {

View document_row(const model::Document& d, const std::string& url);
// The order of the document lists: by date (or year when undated), newest first.
std::string recency_key(const model::Document& d);

}  // namespace gongshi::render
