#include "render/views/project_rows.h"

#include <algorithm>

#include "model/labels.h"
#include "model/permalinks.h"
#include "render/view_hash.h"
#include "render/views/corrected_name.h"


namespace gongshi::render {

namespace {

// The fields of one project's link: what a list of neighbours shows.
ViewMap project_link(const model::Site& site, int index) {
    const model::Project& p = site.projects[index];
    ViewMap v;
    v.reserve(4);
    v["name"] = p.name;
    v["url"] = model::project_url(p.id.value);
    v["year"] = p.year;
    add_corrected_name(v, site, index);
    return v;
}

// The fields of one project's row in a table, over its link (ProjectRows).
ViewMap project_row(const model::Site& site, int index, std::shared_ptr<const SharedFields> link) {
    const model::Project& p = site.projects[index];
    const model::City& c = site.cities[site.city_of_project[index]];
    ViewMap v = ViewMap::over(std::move(link));
    v.reserve(8);
    v["id"] = p.id.value;
    v["city_name"] = c.name;
    v["city_id"] = c.id;
    v["city_url"] = model::city_url(c.id);
    v["county"] = model::county_label(p);
    std::string tiers, tier_ids, tier_years;
    for (int r : site.ratings_of_project[index]) {
        const model::Rating& rating = site.ratings[r];
        if (!tiers.empty()) tiers += "、";
        if (!tier_ids.empty()) tier_ids += ' ';
        if (!tier_years.empty()) tier_years += ' ';
        tiers += model::tier_name(site, rating.tier);
        tier_ids += model::tier_id(site, rating.tier);
        tier_years += std::to_string(rating.year) + ":" + model::tier_id(site, rating.tier);
    }
    v["tiers"] = tiers.empty() ? "—" : tiers;
    v["tier_ids"] = std::move(tier_ids);
    v["tier_years"] = std::move(tier_years);
    return v;
}

}  // namespace

NeighbourWindow neighbour_window(const model::Site& site, int project) {
    NeighbourWindow w;
    const int group = site.county_group_of_project[static_cast<size_t>(project)];
    if (group < 0) return w;
    w.peers = &site.projects_of_county_group[static_cast<size_t>(group)];
    const std::vector<int>& peers = *w.peers;
    w.self = static_cast<size_t>(std::lower_bound(peers.begin(), peers.end(), project) - peers.begin());
    const size_t others = w.county_others();
    const size_t shown = std::min(others, NeighbourWindow::max_neighbours);
    w.first = std::min(w.self - std::min(w.self, shown / 2), others - shown);
    w.end = std::min(w.first + shown + 1, peers.size());
    return w;
}

ProjectRows::ProjectRows(const model::Site& site) : site_(site), shared_(site.projects.size()) {
    for (size_t p = 0; p < site.projects.size(); ++p) {
        const NeighbourWindow w = neighbour_window(site, static_cast<int>(p));
        for (size_t k = w.first; k < w.end; ++k)
            if (k != w.self) ++shared_[static_cast<size_t>((*w.peers)[k])].uses_left;
    }
}

// A link's shared fields, made anew (rating lists, rows).
static std::shared_ptr<const SharedFields> new_link(const model::Site& site, int project) {
    thread_local hash::Fingerprint scratch;
    return share_fields(project_link(site, project), scratch);
}

View ProjectRows::link(int project) const { return View(ViewMap::over(new_link(site_, project))); }

// Made anew for each page that shows it (see the class).
View ProjectRows::row(int project) const {
    thread_local hash::Fingerprint scratch;
    return View(ViewMap::over(share_fields(project_row(site_, project, new_link(site_, project)), scratch)));
}

ViewList ProjectRows::neighbours(int project) const {
    const NeighbourWindow w = neighbour_window(site_, project);
    ViewList out;
    for (size_t k = w.first; k < w.end; ++k) {
        if (k == w.self) continue;
        const auto q = static_cast<size_t>((*w.peers)[k]);
        std::shared_ptr<const SharedFields> fields;
        {
            std::lock_guard lock(locks_[q % locks_.size()]);
            Shared& s = shared_[q];
            // Made again if a page asks after the count ran out (a page rendered twice): same fields, more work.
            if (!s.fields) s.fields = new_link(site_, static_cast<int>(q));
            fields = s.fields;
            if (--s.uses_left <= 0) s.fields.reset();
        }
        out.push_back(View(ViewMap::over(std::move(fields))));
    }
    return out;
}

size_t ProjectRows::links_held() const {
    size_t held = 0;
    for (size_t p = 0; p < shared_.size(); ++p) {
        std::lock_guard lock(locks_[p % locks_.size()]);
        held += shared_[p].fields != nullptr;
    }
    return held;
}

}  // namespace gongshi::render
