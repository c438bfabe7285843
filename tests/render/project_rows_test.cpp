// A project's link beside its county's projects is shared by the pages that show it, then let go.
#include <catch2/catch.hpp>

#include "large_content.h"
#include "render/view_hash.h"
#include "render/views/project_rows.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

std::uint64_t fingerprint_of(const render::ViewList& links) {
    hash::Fingerprint f;
    for (const auto& link : links) render::add_view(f, link);
    return f.value();
}

}  // namespace

TEST_CASE("neighbour links are let go once every page showing them took them, and made again alike", "[render]") {
    InputCopy input;
    add_large_content(input.content, {.projects = 60, .first_rated = 10, .second_rated = 10});
    const model::Site site = site_of(input.content);
    const render::ProjectRows rows(site);
    std::vector<std::uint64_t> first;
    size_t shown = 0;
    for (size_t p = 0; p < site.projects.size(); ++p) {
        const render::ViewList links = rows.neighbours(static_cast<int>(p));
        const render::NeighbourWindow w = render::neighbour_window(site, static_cast<int>(p));
        CHECK(links.size() == (w.end > w.first ? w.end - w.first - 1 : 0));
        CHECK(links.size() <= render::NeighbourWindow::max_neighbours);
        shown += links.size();
        first.push_back(fingerprint_of(links));
    }
    CHECK(shown > 200);  // the example projects' county (迎泽区) has more than max_neighbours of them
    CHECK(rows.links_held() == 0);
    // Asked again (a page rendered twice), the links are made again: the same fields.
    for (size_t p = 0; p < site.projects.size(); ++p)
        CHECK(fingerprint_of(rows.neighbours(static_cast<int>(p))) == first[p]);
    // A rating list's link (made anew each time) has the same fields as the shared one.
    const int last = static_cast<int>(site.projects.size()) - 1;  // its county has others (checked next)
    const render::NeighbourWindow w = render::neighbour_window(site, last);
    REQUIRE(w.end - w.first > 1);
    const int peer = (*w.peers)[w.first == w.self ? w.first + 1 : w.first];
    CHECK(fingerprint_of({rows.link(peer)}) == fingerprint_of({rows.neighbours(last).front()}));
}
