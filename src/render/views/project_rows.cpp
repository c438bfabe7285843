#include "render/views/project_rows.h"

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

// Makes a slot's fields once, whichever thread asks first; fingerprinted with that thread's scratch buffer.
template <typename Make>
const std::shared_ptr<const SharedFields>& made_once(std::once_flag& made, std::shared_ptr<const SharedFields>& fields,
                                                     const Make& make) {
    std::call_once(made, [&] {
        thread_local hash::Fingerprint scratch;
        fields = share_fields(make(), scratch);
    });
    return fields;
}

ProjectRows::ProjectRows(const model::Site& site)
    : site_(site), links_(new Slot[site.projects.size()]) {}

const std::shared_ptr<const SharedFields>& ProjectRows::shared_link(size_t p) const {
    return made_once(links_[p].made, links_[p].fields, [&] { return project_link(site_, static_cast<int>(p)); });
}

View ProjectRows::link(int project) const { return View(ViewMap::over(shared_link(static_cast<size_t>(project)))); }

// Made anew for each page that shows it: at scale a project's row is on one page only (its city and year's), so
// keeping every row for the whole build held ~0.7 KB a project (70 MB at 100 000) for nothing.
View ProjectRows::row(int project) const {
    thread_local hash::Fingerprint scratch;
    const auto p = static_cast<size_t>(project);
    return View(ViewMap::over(share_fields(project_row(site_, project, shared_link(p)), scratch)));
}

}  // namespace gongshi::render
