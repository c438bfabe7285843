#include "render/views/page_views.h"

#include "model/permalinks.h"
#include "render/views/document_row.h"


namespace gongshi::render {

View notice_list_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "公文", "/notices/", {{"公文", "/notices/"}});
    v["updated"] = model::AsOf().add_all(site.notices).text();
    ViewList rows;
    for (const auto& d : site.notices) rows.push_back(document_row(d, model::notice_url(d.id.value)));
    v["documents"] = std::move(rows);
    return v;
}

View reply_list_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "建议提案答复", "/replies/", {{"答复", "/replies/"}});
    v["updated"] = model::AsOf().add_all(site.replies).text();
    ViewList rows;
    for (const auto& d : site.replies) {
        View row = document_row(d, model::reply_url(d.id.value));
        if (d.motion) row["motion"] = d.motion->kind + "第" + d.motion->number + "号：" + d.motion->title;
        rows.push_back(std::move(row));
    }
    v["documents"] = std::move(rows);
    return v;
}

}  // namespace gongshi::render
