// Every project's row and link as shown in lists, made once per build and shared by every page that shows them.
#pragma once

#include <memory>
#include <mutex>

#include "model/site.h"
#include "render/view.h"

namespace gongshi::render {

// Every project's row in a table (name, links, city, county, year, tiers) and its link (name, URL, year). The
// link is made once per build, on first use, and shared by every page that shows it: the rating lists (a project
// once per rating) and the project pages of its county that list it as a neighbour (~25 pages a project), and
// fingerprinted once. A row stands on the link and is made for each page that shows it (at scale one page: its
// city and year's). A page gets no field it does not show from these (its fingerprint would change with them): the
// link is its own layer under the row.
class ProjectRows {
public:
    explicit ProjectRows(const model::Site& site);
    // A view standing on project p's row, or on its link alone; fields set on it are its own. Safe from any thread.
    View row(int project) const;
    View link(int project) const;

private:
    // Shared fields made by the first caller, under the slot's flag.
    struct Slot {
        std::once_flag made;
        std::shared_ptr<const SharedFields> fields;
    };
    const std::shared_ptr<const SharedFields>& shared_link(size_t p) const;

    const model::Site& site_;
    std::unique_ptr<Slot[]> links_;  // one per project
};

}  // namespace gongshi::render
