#include "render/sitemap_parts.h"

#include <map>
#include <memory>

#include "model/permalinks.h"
#include "render/views/page_views.h"

namespace gongshi::render {

std::vector<SitemapPart> sitemap_parts(const model::Site& site, const std::vector<std::string>& urls) {
    if (urls.size() <= sitemap_max_urls) return {};
    std::map<std::string, std::vector<std::string>> parts;  // by path, each in the order of `urls`
    const std::string projects = "/projects/";
    for (const std::string& url : urls) {
        std::string part = "sitemaps/pages.xml";
        if (url.size() > projects.size() + 1 && url.compare(0, projects.size(), projects) == 0 && url.back() == '/') {
            const int at = site.project_at(std::string_view(url).substr(projects.size(), url.size() - projects.size() - 1));
            if (at >= 0) {
                const model::Project& p = site.projects[static_cast<size_t>(at)];
                part = "sitemaps/projects-" + p.city.value + "-" + std::to_string(p.year) + ".xml";
            }
        }
        parts[part].push_back(url);
    }
    std::vector<SitemapPart> out;
    for (auto& [path, list] : parts) out.push_back({path, std::move(list)});
    return out;
}

void add_sitemap(std::vector<PageJob>& jobs, const model::Site& site, std::vector<std::string> urls) {
    const model::Site* s = &site;
    auto bare = [&](const std::string& path, const char* tmpl, std::function<View()> view, bool heavy = false) {
        jobs.push_back({path, PageJob::Kind::bare, tmpl, std::move(view), {}, false, heavy, {}});
    };
    std::vector<SitemapPart> parts = sitemap_parts(site, urls);
    if (parts.empty()) {
        bare("sitemap.xml", "sitemap", [s, urls = std::move(urls)] { return sitemap_view(*s, urls); }, true);
        return;
    }
    std::vector<std::string> locations;
    for (const SitemapPart& part : parts) locations.push_back(model::url_of_file(part.path));
    bare("sitemap.xml", "sitemap_index", [s, locations] { return sitemap_index_view(*s, locations); });
    for (SitemapPart& part : parts) {
        auto list = std::make_shared<const std::vector<std::string>>(std::move(part.urls));
        bare(part.path, "sitemap", [s, list] { return sitemap_view(*s, *list); });
    }
}

}  // namespace gongshi::render
