#include "render/data_package.h"
#include "render/open_data.h"
#include "render/open_data_tables.h"
#include "render/views/page_views.h"

namespace gongshi::render {

namespace {

std::string url_of(const std::string& output_path) { return "/" + output_path; }

}  // namespace

View data_page_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "开放数据", "/data/", {{"开放数据", "/data/"}});
    v["updated"] =
        model::AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    ViewList files;
    for (const DataTable& t : data_tables()) {
        View f;
        f["name"] = std::string(t.title);
        f["csv"] = url_of(data_whole_path(t, DataFormat::csv));
        f["json"] = url_of(data_whole_path(t, DataFormat::json));
        files.push_back(std::move(f));
    }
    v["files"] = std::move(files);
    // A row per program year and table: the files a new notice of that year rewrites.
    ViewList year_files;
    for (const int year : data_years(site))
        for (const DataTable& t : data_tables()) {
            View f;
            f["year"] = std::to_string(year) + "年度";
            f["name"] = std::string(t.title);
            f["csv"] = url_of(data_part_path(t, year, DataFormat::csv));
            f["json"] = url_of(data_part_path(t, year, DataFormat::json));
            year_files.push_back(std::move(f));
        }
    v["has_year_files"] = !year_files.empty();
    v["year_files"] = std::move(year_files);
    v["package"] = url_of(std::string(data_package_path));
    v["project_count"] = static_cast<int>(site.projects.size());
    v["rating_count"] = static_cast<int>(site.ratings.size());
    return v;
}

}  // namespace gongshi::render
