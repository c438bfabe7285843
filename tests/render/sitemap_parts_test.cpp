// The sitemap in parts beyond the protocol's 50 000 URLs per file (render/sitemap_parts.h).
#include <catch2/catch.hpp>

#include <cstdio>

#include "large_content.h"
#include "render/sitemap_parts.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

std::vector<std::string> urls_with(size_t others) {
    std::vector<std::string> urls;
    for (size_t i = 0; i < others; ++i) {
        char u[32];
        std::snprintf(u, sizeof u, "/notices/n%06zu/", i);
        urls.push_back(u);
    }
    return urls;  // the projects' pages are the site's own: the fixture has three
}

}  // namespace

TEST_CASE("a site of at most 50 000 URLs has one sitemap", "[render][pages]") {
    const model::Site site = site_of(fixture("good"));
    REQUIRE(site.projects.size() == 3);
    CHECK(render::sitemap_parts(site, urls_with(render::sitemap_max_urls - 3)).empty());
}

TEST_CASE("a part's projects are in the order of their URLs, which is not always their ids' order", "[render][pages]") {
    model::Site site = site_of(fixture("good"));
    REQUIRE(site.projects.size() == 3);
    // "/projects/a-b/" sorts before "/projects/a/" ('-' before '/'), though "a" sorts before "a-b".
    site.projects[0].id.value = "taiyuan-x";
    site.projects[1].id.value = "taiyuan-x-2";
    site.projects[2].id.value = "taiyuan-x0";
    for (auto& p : site.projects) p.city.value = "taiyuan", p.year = 2023;
    const auto parts = render::sitemap_parts(site, urls_with(render::sitemap_max_urls));
    REQUIRE(parts.size() == 2);
    CHECK(render::urls_of(site, parts[1]) ==
          std::vector<std::string>{"/projects/taiyuan-x-2/", "/projects/taiyuan-x/", "/projects/taiyuan-x0/"});
}

TEST_CASE("beyond 50 000 URLs the sitemap is split: projects by city and year, every other page together",
          "[render][pages]") {
    const model::Site site = site_of(fixture("good"));
    const auto parts = render::sitemap_parts(site, urls_with(render::sitemap_max_urls - 2));
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].path == "sitemaps/pages.xml");
    CHECK(parts[0].urls.size() == render::sitemap_max_urls - 2);
    CHECK(parts[1].path == "sitemaps/projects-datong-2023.xml");
    CHECK(render::urls_of(site, parts[1]) == std::vector<std::string>{"/projects/datong-pingcheng-boxue-2023/"});
    CHECK(parts[2].path == "sitemaps/projects-taiyuan-2022.xml");
    CHECK(parts[3].path == "sitemaps/projects-taiyuan-2023.xml");
    CHECK(render::urls_of(site, parts[3]) == std::vector<std::string>{"/projects/taiyuan-qingxu-jinshatan-2023/"});
    CHECK(render::urls_of(site, parts[0]).back() == "/notices/n049997/");
}
