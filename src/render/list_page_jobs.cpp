#include "render/list_page_jobs.h"

#include "model/permalinks.h"
#include "render/list_page_keys.h"
#include "render/pagination.h"
#include "render/project_filter_data.h"
#include "render/views/page_views.h"

namespace gongshi::render {

void add_list_pages(PageList& out, const model::Site& site, const Assets& assets, const ProjectRows* rows,
                    const ListPartitions* lists) {
    using Kind = ListPart::Kind;
    std::vector<PageJob>& jobs = out.jobs;
    const model::Site* s = &site;
    const Assets* a = &assets;
    const ListPageKeys* keys = out.hold<ListPageKeys>(site, assets, *lists);
    for (const ListPart& part : lists->parts()) {
        const ListPart* p = &part;
        const char* tmpl = part.kind == Kind::notices            ? "notice_list"
                           : part.kind == Kind::replies          ? "reply_list"
                           : part.kind == Kind::city_year_projects ? "city_year"
                                                                 : "rating_list";
        for (int n = 1; n <= part.pages(); ++n) {
            std::function<View()> view = [s, a, rows, lists, p, n]() -> View {
                switch (p->kind) {
                    case Kind::notices: return notice_list_view(*s, *a, *p, n);
                    case Kind::replies: return reply_list_view(*s, *a, *p, n);
                    case Kind::city_year_projects: return city_year_view(*s, *a, *rows, *lists, *p, n);
                    case Kind::ratings:
                    case Kind::city_ratings: break;
                }
                return rating_page_view(*s, *a, *rows, *lists, *p, n);
            };
            jobs.push_back({model::file_of_url(page_url(part.url, n)), PageJob::Kind::page, tmpl, std::move(view), {},
                            true, false, [keys, p, n] { return (*keys)(*p, n); }});
            if (part.kind == Kind::city_year_projects)
                jobs.push_back({model::file_of_url(project_rows_url(part, n)), PageJob::Kind::raw, "", {},
                                [s, p, n] { return project_rows_json(*s, *p, n); }, false, false, {}});
        }
    }
    if (!lists->all_projects_fit())
        jobs.push_back({model::file_of_url(project_parts_url), PageJob::Kind::raw, "", {},
                        [s, lists] { return project_parts_json(*s, *lists); }, false, false, {}});
}

}  // namespace gongshi::render
