// A corrected name: a project whose name a notice printed otherwise (a rating entry with a `correction`). Wherever
// the name stands it carries a marker that links to the printed text (the project's rating history) and shows it
// on hover (templates/partials/corrected.mustache).
#pragma once

#include <string>

#include "model/permalinks.h"
#include "model/site.h"

namespace gongshi::render {

// The printed text of the project's first corrected rating entry, or "" if none was corrected.
inline std::string printed_otherwise(const model::Site& site, int project) {
    for (int r : site.ratings_of_project[project])
        if (!site.ratings[r].correction.empty()) return site.ratings[r].printed;
    return "";
}

// Sets "corrected", and for a corrected name "printed_as" and "corrected_url", on a view or a view map.
template <class Fields>
void add_corrected_name(Fields& v, const model::Site& site, int project) {
    const std::string printed = printed_otherwise(site, project);
    v["corrected"] = !printed.empty();
    if (printed.empty()) return;
    v["printed_as"] = printed;
    v["corrected_url"] = model::project_url(site.projects[project].id.value) + "#ratings-h";
}

}  // namespace gongshi::render
