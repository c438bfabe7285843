// Pages of a long list: how rows fall into pages, where each page is, and the pager's window (render/pagination.h).
#include <catch2/catch.hpp>

#include <sstream>

#include "render/pagination.h"

using namespace gongshi::render;
using Kind = PagerItem::Kind;

namespace {

// The pager as text: "« ‹ 1 [2] 3 4 5 … › »" (first, previous, numbers with the current in brackets, gaps,
// next, last), each link's page after a colon for the words.
std::string shown(const std::vector<PagerItem>& items) {
    std::ostringstream out;
    for (const PagerItem& i : items) {
        if (out.tellp() > 0) out << ' ';
        switch (i.kind) {
            case Kind::first: out << "first:" << i.page; break;
            case Kind::previous: out << "prev:" << i.page; break;
            case Kind::gap: out << "…"; break;
            case Kind::next: out << "next:" << i.page; break;
            case Kind::last: out << "last:" << i.page; break;
            case Kind::number: out << (i.current ? "[" : "") << i.page << (i.current ? "]" : ""); break;
        }
    }
    return out.str();
}

}  // namespace

TEST_CASE("a page holds 200 rows: a list of up to 200 rows is one page, 201 rows are two", "[render][pages]") {
    CHECK(page_size == 200);
    CHECK(page_count(0) == 1);
    CHECK(page_count(1) == 1);
    CHECK(page_count(200) == 1);
    CHECK(page_count(201) == 2);
    CHECK(page_count(400) == 2);
    CHECK(page_count(102340) == 512);
}

TEST_CASE("page N holds rows 200(N-1) to 200N, the last page the rest", "[render][pages]") {
    CHECK(page_rows(450, 1).first == 0);
    CHECK(page_rows(450, 1).last == 200);
    CHECK(page_rows(450, 2).first == 200);
    CHECK(page_rows(450, 2).last == 400);
    CHECK(page_rows(450, 3).first == 400);
    CHECK(page_rows(450, 3).last == 450);
    CHECK(page_rows(0, 1).first == 0);
    CHECK(page_rows(0, 1).last == 0);
    // Every row is on exactly one page.
    for (const std::size_t rows : {1u, 199u, 200u, 201u, 999u, 1000u}) {
        std::size_t next = 0;
        for (int p = 1; p <= page_count(rows); ++p) {
            CHECK(page_rows(rows, p).first == next);
            next = page_rows(rows, p).last;
        }
        CHECK(next == rows);
    }
}

TEST_CASE("page 1 is at the list's own URL, page N at page/N/ under it", "[render][pages]") {
    CHECK(page_url("/ratings/2023/good/", 1) == "/ratings/2023/good/");
    CHECK(page_url("/ratings/2023/good/", 2) == "/ratings/2023/good/page/2/");
    CHECK(page_url("/notices/", 512) == "/notices/page/512/");
}

TEST_CASE("the pager of a single page is empty", "[render][pages]") {
    CHECK(pager_window(1, 1).empty());
    CHECK(pager_window(1, 0).empty());
}

TEST_CASE("the pager shows first and previous, five pages around the current one, gaps, next and last",
          "[render][pages]") {
    CHECK(shown(pager_window(1, 512)) == "[1] 2 3 4 5 … next:2 last:512");
    CHECK(shown(pager_window(3, 512)) == "first:1 prev:2 1 2 [3] 4 5 … next:4 last:512");
    CHECK(shown(pager_window(100, 512)) == "first:1 prev:99 … 98 99 [100] 101 102 … next:101 last:512");
    CHECK(shown(pager_window(512, 512)) == "first:1 prev:511 … 508 509 510 511 [512]");
    CHECK(shown(pager_window(2, 4)) == "first:1 prev:1 1 [2] 3 4 next:3 last:4");
}

TEST_CASE("a gap never stands for a single page: the page is shown instead", "[render][pages]") {
    // Window 2..6 around page 4 leaves out only page 1, and 7 only page 8.
    CHECK(shown(pager_window(4, 7)) == "first:1 prev:3 1 2 3 [4] 5 6 7 next:5 last:7");
    CHECK(shown(pager_window(4, 8)) == "first:1 prev:3 1 2 3 [4] 5 6 … next:5 last:8");
}

TEST_CASE("the pager has at most 11 items however many pages there are", "[render][pages]") {
    for (const int pages : {2, 3, 7, 8, 9, 50, 512, 100000})
        for (int current = 1; current <= pages; current += (pages > 1000 ? 997 : 1)) {
            INFO(pages << " pages, page " << current);
            const auto items = pager_window(current, pages);
            CHECK(items.size() <= 11);
            // The current page is always there, once, and every page the pager links to exists.
            int current_shown = 0;
            for (const PagerItem& i : items) {
                current_shown += i.current;
                if (i.kind != Kind::gap) CHECK((i.page >= 1 && i.page <= pages));
            }
            CHECK(current_shown == 1);
        }
}

TEST_CASE("counts are printed in groups of three digits: 共 102 340 条", "[render][pages]") {
    CHECK(grouped_number(0) == "0");
    CHECK(grouped_number(999) == "999");
    CHECK(grouped_number(1000) == "1 000");
    CHECK(grouped_number(102340) == "102 340");
    CHECK(grouped_number(1234567) == "1 234 567");
}
