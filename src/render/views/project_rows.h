// Every project's row and link as shown in lists, and the links of its county's projects shown beside it.
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <vector>

#include "model/site.h"
#include "render/view.h"

namespace gongshi::render {

// The county's other projects shown on a project's page: at most `max_neighbours`, nearest in id order (a county of
// a national edition holds hundreds; listing them all on every page would make the site grow with the square of
// its size).
struct NeighbourWindow {
    static constexpr size_t max_neighbours = 20;
    const std::vector<int>* peers = nullptr;  // the county's projects, by index; none without a county
    size_t self = 0;                          // the project's own position in them
    size_t first = 0, end = 0;                // the positions shown, self left out
    size_t county_others() const { return peers ? peers->size() - 1 : 0; }
};
NeighbourWindow neighbour_window(const model::Site& site, int project);

// A project's row in a table (name, links, city, county, year, tiers) and its link (name, URL, year), each a layer
// of shared fields (fingerprinted once) under the view a page gets. A page gets no field it does not show from
// these (its fingerprint would change with them): the link is its own layer under the row.
//
// Rows and the links of rating lists are made for each page that shows them: at scale a project's row is on one
// page (its city and year's) and its link on one rating list per rating. A project's link beside its county's
// projects is on ~20 of their pages: it is made by the first of them and shared, and let go once the last has
// taken it (counted from the windows at the start). Keeping every link for the whole build held ~450 B a project
// (45 MB at 100 000), and every row ~700 B more.
class ProjectRows {
public:
    explicit ProjectRows(const model::Site& site);
    // A view standing on project p's row, or on its link alone; fields set on it are its own. Safe from any thread.
    View row(int project) const;
    View link(int project) const;
    // The links shown beside project p (neighbour_window), in order. Safe from any thread.
    ViewList neighbours(int project) const;
    // How many neighbour links are held now (0 once every page showing one has taken it).
    size_t links_held() const;

private:
    struct Shared {
        std::shared_ptr<const SharedFields> fields;
        int uses_left = 0;  // pages still to show it
    };
    const model::Site& site_;
    mutable std::vector<Shared> shared_;                     // one per project
    mutable std::array<std::mutex, 256> locks_;              // shared_[p] is guarded by locks_[p % 256]
};

}  // namespace gongshi::render
