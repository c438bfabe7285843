#include "render/views/page_views.h"

#include "model/permalinks.h"
#include "render/pagination.h"
#include "render/views/search_facets.h"


namespace gongshi::render {

View changes_view(const model::Site& site, const Assets& assets, const model::ChangeSet& c) {
    View v = frame_view(site, assets, "更新记录", "/changes/", {{"更新记录", "/changes/"}});
    v["updated"] = model::AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    exclude_from_search(v);
    v["compared"] = c.compared;
    // The log is not kept from build to build, so it is not paginated: each list shows its first page of rows
    // and says how many there are (a first build of a large site adds every record).
    auto list = [](const std::vector<model::Change>& items) {
        ViewList out;
        for (size_t i = 0; i < items.size() && i < page_size; ++i) {
            View e;
            e["url"] = items[i].url;
            e["text"] = items[i].text;
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
        s["cut"] = items->size() > page_size;
        s["shown"] = static_cast<int>(page_size);
        sections.push_back(std::move(s));
    }
    v["has_sections"] = !sections.empty();
    v["sections"] = std::move(sections);
    // Page paths as site URLs ("projects/x/index.html" → "/projects/x/"); a long list is cut like the others.
    constexpr size_t shown = page_size;
    ViewList pages;
    for (size_t i = 0; i < c.pages_changed.size() && i < shown; ++i) {
        View p;
        p["url"] = model::url_of_file(c.pages_changed[i]);
        pages.push_back(std::move(p));
    }
    v["page_count"] = std::to_string(c.pages_changed_count);
    v["pages_cut"] = c.pages_changed_count > shown;
    v["pages_shown"] = static_cast<int>(shown);
    v["pages"] = std::move(pages);
    return v;
}

}  // namespace gongshi::render
