// Pages of a long list: a list longer than one page is split into pages of `page_size` rows, page 1 at the list's
// own URL and page N at "<list URL>page/N/" (Hugo's and Zola's convention); the pager shows a window of page links
// around the current page, never one link per page.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gongshi::render {

// Rows per page: the one page size of every list on the site (DESIGN.md "Pages at any size").
inline constexpr std::size_t page_size = 200;

// How many pages `rows` rows take: at least one (an empty list is one empty page).
int page_count(std::size_t rows);

// The rows of page `page` (1-based) of a list of `rows` rows: [first, last).
struct PageRows {
    std::size_t first = 0;
    std::size_t last = 0;
};
PageRows page_rows(std::size_t rows, int page);

// "/ratings/2023/good/" and 1 → itself; and 3 → "/ratings/2023/good/page/3/".
std::string page_url(const std::string& list_url, int page);

// One item of a pager, in the order shown.
struct PagerItem {
    enum class Kind { first, previous, number, gap, next, last };
    Kind kind = Kind::number;
    int page = 0;  // the page it links to (0 for a gap)
    bool current = false;  // a number: the page shown
};

// The pager of page `current` of `pages`: first and previous (unless on page 1), the pages within `around` of the
// current one, with a gap where pages are left out, then next and last (unless on the last page). Nothing for a
// single page. Never more than 2 * around + 7 items, whatever the number of pages.
std::vector<PagerItem> pager_window(int current, int pages, int around = 2);

// 102340 → "102 340": digits grouped by three with a space, as the pager's count is printed.
std::string grouped_number(std::size_t n);

}  // namespace gongshi::render
