#include "render/page_list.h"

#include "model/permalinks.h"
#include "render/views/list_views.h"
#include "render/views/record_views.h"

namespace gongshi::render {

std::vector<PageJob> list_pages(const model::Site& site, const Templates& templates, const Assets& assets) {
    std::vector<PageJob> jobs;
    const model::Site* s = &site;
    const Templates* t = &templates;
    const Assets* a = &assets;
    auto page = [&](const std::string& url, const char* tmpl, std::function<View()> view) {
        jobs.push_back({model::file_of_url(url), [t, tmpl, view] { return t->render_page(tmpl, view()); }});
    };
    page("/", "home", [s, a] { return home_view(*s, *a); });
    page("/projects/", "project_list", [s, a] { return project_list_view(*s, *a); });
    page("/notices/", "notice_list", [s, a] { return notice_list_view(*s, *a); });
    page("/replies/", "reply_list", [s, a] { return reply_list_view(*s, *a); });
    page("/cities/", "city_list", [s, a] { return city_list_view(*s, *a); });
    page("/ratings/", "rating_list", [s, a] { return rating_list_view(*s, *a, 0, -1); });
    jobs.push_back({"404.html", [t, s, a] { return t->render_page("not_found", not_found_view(*s, *a)); }});
    for (const auto& p : site.config.programs) {
        const int year = p.year;
        page(model::ratings_url(year), "rating_list", [s, a, year] { return rating_list_view(*s, *a, year, -1); });
        for (size_t tier = 0; tier < site.config.tiers.size(); ++tier)
            page(model::ratings_url(year, site.config.tiers[tier].id), "rating_list",
                 [s, a, year, tier] { return rating_list_view(*s, *a, year, static_cast<int>(tier)); });
    }
    for (size_t i = 0; i < site.cities.size(); ++i)
        page(model::city_url(site.cities[i].id), "city", [s, a, i] { return city_view(*s, *a, static_cast<int>(i)); });
    for (size_t i = 0; i < site.tasks.size(); ++i)
        page(model::task_url(site.tasks[i].year), "task", [s, a, i] { return task_view(*s, *a, static_cast<int>(i)); });
    for (size_t i = 0; i < site.notices.size(); ++i)
        page(model::notice_url(site.notices[i].id.value), "notice",
             [s, a, i] { return notice_view(*s, *a, static_cast<int>(i)); });
    for (size_t i = 0; i < site.replies.size(); ++i)
        page(model::reply_url(site.replies[i].id.value), "reply",
             [s, a, i] { return reply_view(*s, *a, static_cast<int>(i)); });
    for (size_t i = 0; i < site.projects.size(); ++i)
        page(model::project_url(site.projects[i].id.value), "project",
             [s, a, i] { return project_view(*s, *a, static_cast<int>(i)); });
    return jobs;
}

}  // namespace gongshi::render
