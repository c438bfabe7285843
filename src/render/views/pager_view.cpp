#include "render/views/pager_view.h"

#include "render/pagination.h"

namespace gongshi::render {

namespace {

View pager_item(const PagerItem& item, const std::string& list_url) {
    using Kind = PagerItem::Kind;
    View v;
    const std::string number = std::to_string(item.page);
    v["gap"] = item.kind == Kind::gap;
    v["current"] = item.current;
    v["link"] = item.kind != Kind::gap && !item.current;
    v["url"] = item.kind == Kind::gap ? std::string() : page_url(list_url, item.page);
    v["rel"] = "";
    // Numbers are read as "第 3 页"; the words (首页, 上一页, …) say what they are.
    v["aria_label"] = item.kind == Kind::number ? "第 " + number + " 页" : "";
    switch (item.kind) {
        case Kind::first: v["label"] = "首页"; break;
        case Kind::previous: v["label"] = "上一页"; v["rel"] = "prev"; break;
        case Kind::next: v["label"] = "下一页"; v["rel"] = "next"; break;
        case Kind::last: v["label"] = "末页"; break;
        case Kind::gap: v["label"] = ""; break;
        case Kind::number: v["label"] = number; break;
    }
    return v;
}

}  // namespace

void add_pager(View& page, const std::string& list_url, int current, std::size_t rows) {
    const int pages = page_count(rows);
    page["has_pager"] = pages > 1;
    if (pages <= 1) return;
    View pager;
    pager["status"] = "第 " + std::to_string(current) + " / " + std::to_string(pages) + " 页，共 " +
                      grouped_number(rows) + " 条";
    ViewList items;
    for (const PagerItem& item : pager_window(current, pages)) items.push_back(pager_item(item, list_url));
    pager["items"] = std::move(items);
    page["pager"] = std::move(pager);
}

std::string page_title(const std::string& title, int current) {
    return current <= 1 ? title : title + "（第 " + std::to_string(current) + " 页）";
}

}  // namespace gongshi::render
