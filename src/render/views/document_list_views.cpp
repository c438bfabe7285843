#include "model/permalinks.h"
#include "render/list_partitions.h"
#include "render/pagination.h"
#include "render/views/document_row.h"
#include "render/views/page_views.h"
#include "render/views/pager_view.h"

namespace gongshi::render {

namespace {

// Page `page` of a document list (newest first): its frame, breadcrumb and pager.
View document_list_frame(const model::Site& site, const Assets& assets, const std::string& title,
                         const std::string& crumb, const ListPart& part, int page) {
    const std::string url = page_url(part.url, page);
    std::vector<Crumb> crumbs = {{crumb, part.url}};
    if (page > 1) crumbs.push_back({"第 " + std::to_string(page) + " 页", url});
    View v = frame_view(site, assets, page_title(title, page), url, std::move(crumbs));
    v["title"] = page_title(title, page);
    add_pager(v, part.url, page, part.rows.size());
    return v;
}

}  // namespace

View notice_list_view(const model::Site& site, const Assets& assets, const ListPart& part, int page) {
    View v = document_list_frame(site, assets, "公文", "公文", part, page);
    ViewList rows;
    model::AsOf as_of;  // the documents on this page
    const PageRows shown = page_rows(part.rows.size(), page);
    for (size_t i = shown.first; i < shown.last; ++i) {
        const model::Document& d = site.notices[static_cast<size_t>(part.rows[i])];
        as_of.add(d);
        rows.push_back(document_row(d, model::notice_url(d.id.value)));
    }
    v["updated"] = as_of.text();
    v["documents"] = std::move(rows);
    return v;
}

View reply_list_view(const model::Site& site, const Assets& assets, const ListPart& part, int page) {
    View v = document_list_frame(site, assets, "建议提案答复", "答复", part, page);
    ViewList rows;
    model::AsOf as_of;  // the documents on this page
    const PageRows shown = page_rows(part.rows.size(), page);
    for (size_t i = shown.first; i < shown.last; ++i) {
        const model::Document& d = site.replies[static_cast<size_t>(part.rows[i])];
        as_of.add(d);
        View row = document_row(d, model::reply_url(d.id.value));
        if (d.motion) row["motion"] = d.motion->kind + "第" + d.motion->number + "号：" + d.motion->title;
        rows.push_back(std::move(row));
    }
    v["updated"] = as_of.text();
    v["documents"] = std::move(rows);
    return v;
}

}  // namespace gongshi::render
