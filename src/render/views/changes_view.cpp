#include "render/views/page_views.h"

#include "model/permalinks.h"
#include "render/views/search_facets.h"


namespace gongshi::render {

View changes_view(const model::Site& site, const Assets& assets, const model::ChangeSet& c) {
    View v = frame_view(site, assets, "更新记录", "/changes/", {{"更新记录", "/changes/"}});
    v["updated"] = model::AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    exclude_from_search(v);
    v["compared"] = c.compared;
    auto list = [](const std::vector<model::Change>& items) {
        ViewList out;
        for (const auto& i : items) {
            View e;
            e["url"] = i.url;
            e["text"] = i.text;
            out.push_back(std::move(e));
        }
        return View(std::move(out));
    };
    ViewList sections;
    const std::pair<const char*, const std::vector<model::Change>*> groups[] = {
        {"新增公文", &c.documents_added}, {"新增项目", &c.projects_added}, {"项目名称变更", &c.projects_renamed},
        {"新增评价", &c.ratings_added},
        {"评价变更", &c.ratings_changed}, {"不再发布", &c.removed}};
    for (const auto& [title, items] : groups) {
        if (items->empty()) continue;
        View s;
        s["title"] = title;
        s["count"] = static_cast<int>(items->size());
        s["items"] = list(*items);
        sections.push_back(std::move(s));
    }
    v["has_sections"] = !sections.empty();
    v["sections"] = std::move(sections);
    // Page paths as site URLs ("projects/x/index.html" → "/projects/x/"); a long list is cut for readability.
    constexpr size_t shown = 500;
    ViewList pages;
    for (size_t i = 0; i < c.pages_changed.size() && i < shown; ++i) {
        View p;
        p["url"] = model::url_of_file(c.pages_changed[i]);
        pages.push_back(std::move(p));
    }
    v["page_count"] = static_cast<int>(c.pages_changed.size());
    v["pages_cut"] = c.pages_changed.size() > shown;
    v["pages"] = std::move(pages);
    return v;
}

}  // namespace gongshi::render
