// The site's lists split by the keys people browse by, and paginated (render/list_partitions.h, DESIGN.md "Pages
// at any size"): nothing is split on a site whose lists fit one page; a larger one is split by year, tier and city,
// every row on exactly one page of its list, in an order new records do not disturb.
#include <catch2/catch.hpp>

#include <set>

#include "large_content.h"
#include "model/labels.h"
#include "model/permalinks.h"
#include "render/list_partitions.h"
#include "render/pagination.h"

using namespace gongshi;
using namespace gongshi::testing;
using Kind = render::ListPart::Kind;

namespace {

const render::ListPart& good_2023(const model::Site& site, const render::ListPartitions& lists) {
    return lists.ratings(2023, *site.tier_index("good"));
}

}  // namespace

TEST_CASE("a site whose lists fit one page splits nothing: every list shows all its rows", "[render][pages]") {
    const model::Site site = site_of(fixture("good"));
    const render::ListPartitions lists(site);
    CHECK(lists.all_ratings_fit());
    CHECK(lists.all_projects_fit());
    for (const auto& p : site.config.programs) CHECK(lists.year_ratings_fit(p.year));
    for (size_t c = 0; c < site.cities.size(); ++c) {
        CHECK(lists.city_projects_fit(static_cast<int>(c)));
        CHECK(lists.city_years(static_cast<int>(c)).empty());
    }
    for (const render::ListPart& part : lists.parts()) {
        INFO(part.url);
        CHECK(part.pages() == 1);
        CHECK(part.kind != Kind::city_ratings);
        CHECK(part.kind != Kind::city_year_projects);
    }
    // Every (year, tier) of the site has its list, at the URL it has always had, even when empty.
    for (const auto& p : site.config.programs)
        for (const model::TierIndex t : site.tier_order())
            CHECK(lists.ratings(p.year, t).url == model::ratings_url(p.year, model::tier_id(site, t)));
}

TEST_CASE("a larger site splits projects by city and year, and a long ratings list by city", "[render][pages]") {
    InputCopy in;
    add_large_content(in.content);
    const model::Site site = site_of(in.content);
    const render::ListPartitions lists(site);
    CHECK_FALSE(lists.all_projects_fit());
    CHECK_FALSE(lists.all_ratings_fit());
    const int taiyuan = site.city_index.at("taiyuan");
    const int datong = site.city_index.at("datong");
    CHECK_FALSE(lists.city_projects_fit(taiyuan));
    CHECK(lists.city_projects_fit(datong));
    // Taiyuan's 452 projects: one of 2022, 451 of 2023 (three pages).
    const auto years = lists.city_years(taiyuan);
    REQUIRE(years.size() == 2);
    CHECK(years[0]->year == 2022);
    CHECK(years[0]->url == "/cities/taiyuan/2022/");
    CHECK(years[0]->rows.size() == 1);
    CHECK(years[1]->url == "/cities/taiyuan/2023/");
    CHECK(years[1]->rows.size() == 451);
    CHECK(years[1]->pages() == 3);
    // Each year's part is in id order.
    for (size_t i = 1; i < years[1]->rows.size(); ++i)
        CHECK(site.projects[years[1]->rows[i - 1]].id.value < site.projects[years[1]->rows[i]].id.value);
    // 2023 良好: 452 ratings on three pages, and by city: Taiyuan's 451 and Datong's 1, each rating in one of them.
    const render::ListPart& good = good_2023(site, lists);
    CHECK(good.rows.size() == 452);
    CHECK(good.pages() == 3);
    const auto cities = lists.city_ratings(2023, *site.tier_index("good"));
    REQUIRE(cities.size() == 2);
    CHECK(cities[0]->url == "/ratings/2023/good/taiyuan/");
    CHECK(cities[0]->rows.size() == 451);
    CHECK(cities[1]->url == "/ratings/2023/good/datong/");
    CHECK(cities[1]->rows.size() == 1);
    // 2022 优秀 has one rating: one page, not split by city.
    CHECK(lists.city_ratings(2022, *site.tier_index("excellent")).empty());
}

TEST_CASE("a list's pages hold each of its rows once, 200 to a page", "[render][pages]") {
    InputCopy in;
    add_large_content(in.content);
    const model::Site site = site_of(in.content);
    const render::ListPartitions lists(site);
    for (const render::ListPart& part : lists.parts()) {
        INFO(part.url);
        std::multiset<int> seen;
        for (int page = 1; page <= part.pages(); ++page) {
            const render::PageRows rows = render::page_rows(part.rows.size(), page);
            CHECK(rows.last - rows.first <= render::page_size);
            if (page < part.pages()) CHECK(rows.last - rows.first == render::page_size);
            for (size_t i = rows.first; i < rows.last; ++i) seen.insert(part.rows[i]);
        }
        CHECK(seen == std::multiset<int>(part.rows.begin(), part.rows.end()));
    }
}

TEST_CASE("ratings are listed by notice, oldest first, each in printed order: a newer notice's go at the end",
          "[render][pages]") {
    InputCopy in;
    add_large_content(in.content);
    const model::Site site = site_of(in.content);
    const render::ListPartitions lists(site);
    const render::ListPart& good = good_2023(site, lists);
    auto notice_of = [&](size_t i) { return site.notices[site.ratings[good.rows[i]].notice].id.value; };
    // The undated fixture notice (2023) first, then example-notice-a (2023-11-01), then example-notice-b.
    CHECK(notice_of(0) == "jinminhan-2023-169");
    CHECK(notice_of(2) == "example-notice-a");
    CHECK(notice_of(251) == "example-notice-a");
    CHECK(notice_of(252) == "example-notice-b");
    CHECK(notice_of(451) == "example-notice-b");
    for (size_t i = 3; i < 252; ++i) CHECK(site.ratings[good.rows[i]].rank == site.ratings[good.rows[i - 1]].rank + 1);

    // A newer notice rating more projects 良好 for 2023 leaves the rows of every page before the last where they were.
    auto project_ids = [&](const model::Site& s, const render::ListPart& part, int page) {
        std::vector<std::string> ids;
        const render::PageRows rows = render::page_rows(part.rows.size(), page);
        for (size_t i = rows.first; i < rows.last; ++i) ids.push_back(s.projects[s.ratings[part.rows[i]].project].id.value);
        return ids;
    };
    const auto page1 = project_ids(site, good, 1), page2 = project_ids(site, good, 2);
    write_text(in.content / "notices/example-notice-c.md", example_notice("c", "2023-12-20"));
    write_text(in.content / "ratings/example-notice-c.yaml", example_ratings("example-notice-c", 1, 1));
    const model::Site after = site_of(in.content);
    const render::ListPartitions after_lists(after);
    const render::ListPart& good_after = good_2023(after, after_lists);
    CHECK(good_after.rows.size() == 453);
    CHECK(project_ids(after, good_after, 1) == page1);
    CHECK(project_ids(after, good_after, 2) == page2);
    CHECK(after.notices[after.ratings[good_after.rows.back()].notice].id.value == "example-notice-c");
}

TEST_CASE("the documents are one list, newest first", "[render][pages]") {
    InputCopy in;
    add_large_content(in.content);
    const model::Site site = site_of(in.content);
    const render::ListPartitions lists(site);
    const render::ListPart* notices = nullptr;
    for (const render::ListPart& part : lists.parts())
        if (part.kind == Kind::notices) notices = &part;
    REQUIRE(notices != nullptr);
    CHECK(notices->url == "/notices/");
    REQUIRE(notices->rows.size() == site.notices.size());
    CHECK(site.notices[notices->rows[0]].id.value == "example-notice-b");
}
