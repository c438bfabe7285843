#include "render/page_list.h"

#include <algorithm>
#include <memory>

#include "model/permalinks.h"
#include "render/list_page_jobs.h"
#include "render/list_partitions.h"
#include "render/page_keys.h"
#include "render/server_config.h"
#include "render/sitemap_parts.h"
#include "render/views/checks_view.h"
#include "render/views/page_views.h"
#include "render/views/progress_views.h"
#include "render/views/project_rows.h"
#include "render/views/record_views.h"

namespace gongshi::render {

namespace {

// What a project page's two functions read: one for all the projects, so that each captures a pointer and an index.
struct ProjectPageInputs {
    const model::Site* site;
    const Assets* assets;
    const ProjectRows* rows;
    const ProjectPageKeys* keys;
};

}  // namespace

PageList list_pages(const model::Site& site, const Assets& assets) {
    using Kind = PageJob::Kind;
    PageList out;
    std::vector<PageJob>& jobs = out.jobs;
    const model::Site* s = &site;
    const Assets* a = &assets;
    auto page = [&](const std::string& url, const char* tmpl, std::function<View()> view, bool heavy = false,
                    std::function<std::uint64_t()> depends = {}) {
        jobs.push_back({model::file_of_url(url), Kind::page, tmpl, std::move(view), {}, true, heavy, std::move(depends)});
    };
    auto bare = [&](const std::string& path, const char* tmpl, std::function<View()> view, bool heavy = false) {
        jobs.push_back({path, Kind::bare, tmpl, std::move(view), {}, false, heavy, {}});
    };
    const ProjectRows* rows = out.hold<ProjectRows>(site);  // each made by the first page that shows it
    page("/", "home", [s, a] { return home_view(*s, *a); });
    const ListPartitions* lists = out.hold<ListPartitions>(site);
    page("/projects/", "project_list", [s, a, rows, lists] { return project_list_view(*s, *a, *rows, *lists); });
    page("/cities/", "city_list", [s, a] { return city_list_view(*s, *a); });
    page("/ratings/", "rating_list", [s, a, rows, lists] { return rating_overview_view(*s, *a, *rows, *lists, 0); });
    page("/data/", "data", [s, a] { return data_page_view(*s, *a); });
    page("/search/", "search", [s, a] { return search_view(*s, *a); });
    page("/checks/", "checks", [s, a] { return checks_view(*s, *a); });
    jobs.push_back({"404.html", Kind::page, "not_found", [s, a] { return not_found_view(*s, *a); }, {}, false, false, {}});
    for (const auto& p : site.config.programs) {
        const int year = p.year;
        page(model::ratings_url(year), "rating_list",
             [s, a, rows, lists, year] { return rating_overview_view(*s, *a, *rows, *lists, year); });
    }
    add_list_pages(out, site, assets, rows, lists);
    for (size_t i = 0; i < site.cities.size(); ++i)
        page(model::city_url(site.cities[i].id), "city",
             [s, a, rows, lists, i] { return city_view(*s, *a, *rows, *lists, static_cast<int>(i)); });
    for (const int year : progress_years(site))
        page("/progress/" + std::to_string(year) + "/", "progress", [s, a, year] { return progress_view(*s, *a, year); });
    for (size_t i = 0; i < site.tasks.size(); ++i)
        page(model::task_url(site.tasks[i].year), "task", [s, a, i] { return task_view(*s, *a, static_cast<int>(i)); });
    for (size_t i = 0; i < site.notices.size(); ++i)
        page(model::notice_url(site.notices[i].id.value), "notice",
             [s, a, i] { return notice_view(*s, *a, static_cast<int>(i)); });
    for (size_t i = 0; i < site.replies.size(); ++i)
        page(model::reply_url(site.replies[i].id.value), "reply",
             [s, a, i] { return reply_view(*s, *a, static_cast<int>(i)); });
    const ProjectPageInputs* in = out.hold<ProjectPageInputs>(ProjectPageInputs{s, a, rows, out.hold<ProjectPageKeys>(site, assets)});
    const size_t first_project_page = jobs.size();
    for (int i = 0; i < static_cast<int>(site.projects.size()); ++i)
        page(model::project_url(site.projects[static_cast<size_t>(i)].id.value), "project",
             [in, i] { return project_view(*in->site, *in->assets, *in->rows, i); }, false,
             [in, i] { return (*in->keys)(i); });

    // Old ids keep resolving: a redirect page at each alias's URL.
    auto redirect = [&](const std::string& from, const std::string& to, const std::string& title) {
        bare(model::file_of_url(from), "redirect", [s, from, to, title] { return redirect_view(*s, from, to, title); });
    };
    for (const auto& p : site.projects)
        for (const auto& alias : p.aliases) redirect(model::project_url(alias.value), model::project_url(p.id.value), p.name);
    for (const auto& d : site.notices)
        for (const auto& alias : d.aliases) redirect(model::notice_url(alias.value), model::notice_url(d.id.value), d.title);
    for (const auto& d : site.replies)
        for (const auto& alias : d.aliases) redirect(model::reply_url(alias.value), model::reply_url(d.id.value), d.title);

    // The sitemap lists every real page (not 404.html, not redirects); the projects' pages it makes itself.
    std::vector<std::string> urls;
    for (size_t j = 0; j < jobs.size(); ++j)
        if (jobs[j].in_sitemap && (j < first_project_page || j >= first_project_page + site.projects.size()))
            urls.push_back(model::url_of_file(jobs[j].path));
    urls.push_back("/changes/");  // rendered last, by render_site, from what this build changed
    std::sort(urls.begin(), urls.end());
    add_sitemap(jobs, site, std::move(urls));
    bare("feed.xml", "feed", [s] { return feed_view(*s); });
    const auto server_paths = server_config_paths();
    for (size_t i = 0; i < server_paths.size(); ++i)
        jobs.push_back({server_paths[i], Kind::raw, "", {}, [s, i] { return server_config_file(*s, i); }, false, false, {}});
    jobs.push_back({"robots.txt", Kind::raw, "", {}, [s] {
                        return "User-agent: *\nAllow: /\nSitemap: " + s->config.base_url + "sitemap.xml\n";
                    }, false, false, {}});
    // Held through the whole render: without the room its doubling left (up to 1 million jobs at national scale,
    // 176 bytes each). The copy is made before any page is.
    jobs.shrink_to_fit();
    return out;
}

}  // namespace gongshi::render
