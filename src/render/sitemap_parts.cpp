#include "render/sitemap_parts.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>

#include "model/permalinks.h"
#include "render/views/page_views.h"

namespace gongshi::render {

namespace {

// "/projects/" + a + "/" before "/projects/" + b + "/", without making either.
bool url_before(std::string_view a, std::string_view b) {
    const size_t n = std::min(a.size(), b.size());
    if (const int c = a.substr(0, n).compare(b.substr(0, n)); c != 0) return c < 0;
    if (a.size() == b.size()) return false;
    return a.size() < b.size() ? '/' < static_cast<unsigned char>(b[n]) : static_cast<unsigned char>(a[n]) < '/';
}

std::vector<int> by_url(const model::Site& site, std::vector<int> projects) {
    std::stable_sort(projects.begin(), projects.end(), [&](int x, int y) {
        return url_before(site.projects[static_cast<size_t>(x)].id.value, site.projects[static_cast<size_t>(y)].id.value);
    });
    return projects;
}

}  // namespace

std::vector<SitemapPart> sitemap_parts(const model::Site& site, const std::vector<std::string>& urls) {
    if (urls.size() + site.projects.size() <= sitemap_max_urls) return {};
    std::map<std::string, SitemapPart> parts;  // by path
    if (!urls.empty()) parts["sitemaps/pages.xml"].urls = urls;
    for (size_t i = 0; i < site.projects.size(); ++i) {
        const model::Project& p = site.projects[i];
        parts["sitemaps/projects-" + p.city.value + "-" + std::to_string(p.year) + ".xml"].projects.push_back(
            static_cast<int>(i));
    }
    std::vector<SitemapPart> out;
    for (auto& [path, part] : parts) out.push_back({path, std::move(part.urls), by_url(site, std::move(part.projects))});
    return out;
}

std::vector<std::string> urls_of(const model::Site& site, const SitemapPart& part) {
    if (part.projects.empty()) return part.urls;
    std::vector<std::string> urls;
    urls.reserve(part.projects.size());
    for (const int i : part.projects) urls.push_back(model::project_url(site.projects[static_cast<size_t>(i)].id.value));
    return urls;
}

void add_sitemap(std::vector<PageJob>& jobs, const model::Site& site, std::vector<std::string> urls) {
    const model::Site* s = &site;
    auto bare = [&](const std::string& path, const char* tmpl, std::function<View()> view, bool heavy = false) {
        jobs.push_back({path, PageJob::Kind::bare, tmpl, std::move(view), {}, false, heavy, {}});
    };
    std::vector<SitemapPart> parts = sitemap_parts(site, urls);
    if (parts.empty()) {
        for (const model::Project& p : site.projects) urls.push_back(model::project_url(p.id.value));
        std::sort(urls.begin(), urls.end());
        bare("sitemap.xml", "sitemap", [s, urls = std::move(urls)] { return sitemap_view(*s, urls); }, true);
        return;
    }
    std::vector<std::string> locations;
    for (const SitemapPart& part : parts) locations.push_back(model::url_of_file(part.path));
    bare("sitemap.xml", "sitemap_index", [s, locations] { return sitemap_index_view(*s, locations); });
    for (SitemapPart& part : parts) {
        auto held = std::make_shared<const SitemapPart>(std::move(part));
        bare(held->path, "sitemap", [s, held] { return sitemap_view(*s, urls_of(*s, *held)); });
    }
}

}  // namespace gongshi::render
