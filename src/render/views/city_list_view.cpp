#include "render/views/page_views.h"

#include "model/permalinks.h"
#include "render/views/task_links.h"


namespace gongshi::render {

View city_list_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "各市", "/cities/", {{"各市", "/cities/"}});
    v["updated"] = model::AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    ViewList rows;
    for (size_t i = 0; i < site.cities.size(); ++i) {
        const model::City& c = site.cities[i];
        View row;
        row["name"] = c.name;
        row["url"] = model::city_url(c.id);
        row["code"] = c.code;
        row["projects"] = static_cast<int>(site.projects_of_city[i].size());
        row["counties"] = static_cast<int>(c.counties.size());
        rows.push_back(std::move(row));
    }
    v["cities"] = std::move(rows);
    v["tasks"] = task_links(site);
    return v;
}

}  // namespace gongshi::render
