#include "render/pagination.h"

#include <algorithm>

namespace gongshi::render {

int page_count(std::size_t rows) { return rows == 0 ? 1 : static_cast<int>((rows + page_size - 1) / page_size); }

PageRows page_rows(std::size_t rows, int page) {
    const std::size_t first = std::min(rows, static_cast<std::size_t>(std::max(page, 1) - 1) * page_size);
    return {first, std::min(rows, first + page_size)};
}

std::string page_url(const std::string& list_url, int page) {
    return page <= 1 ? list_url : list_url + "page/" + std::to_string(page) + "/";
}

std::vector<PagerItem> pager_window(int current, int pages, int around) {
    using Kind = PagerItem::Kind;
    std::vector<PagerItem> items;
    if (pages <= 1) return items;
    current = std::clamp(current, 1, pages);
    if (current > 1) {
        items.push_back({Kind::first, 1, false});
        items.push_back({Kind::previous, current - 1, false});
    }
    // The window, widened at either end so that it always shows 2 * around + 1 numbers when there are that many,
    // and page 1 and the last page as numbers when the window reaches next to them (no gap of a single page).
    int from = std::max(1, current - around);
    int to = std::min(pages, current + around);
    const int wanted = 2 * around + 1;
    if (to - from + 1 < wanted) {
        if (from == 1) to = std::min(pages, from + wanted - 1);
        else from = std::max(1, to - wanted + 1);
    }
    if (from == 2) from = 1;
    if (to == pages - 1) to = pages;
    if (from > 1) items.push_back({Kind::gap, 0, false});
    for (int p = from; p <= to; ++p) items.push_back({Kind::number, p, p == current});
    if (to < pages) items.push_back({Kind::gap, 0, false});
    if (current < pages) {
        items.push_back({Kind::next, current + 1, false});
        items.push_back({Kind::last, pages, false});
    }
    return items;
}

std::string grouped_number(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return out;
}

}  // namespace gongshi::render
