#include "render/views/page_views.h"


namespace gongshi::render {

View data_page_view(const model::Site& site, const Assets& assets) {
    View v = frame_view(site, assets, "开放数据", "/data/", {{"开放数据", "/data/"}});
    v["updated"] = model::AsOf().add_all(site.notices).add_all(site.replies).text();  // a page drawing on the whole site
    ViewList files;
    const char* names[][2] = {{"projects", "项目"}, {"ratings", "评价结果"}, {"tasks", "任务分解"},
                              {"progress", "进度通报"}, {"scores", "评估得分"}};
    for (const auto& n : names) {
        View f;
        f["name"] = n[1];
        f["csv"] = std::string("/data/") + n[0] + ".csv";
        f["json"] = std::string("/data/") + n[0] + ".json";
        files.push_back(std::move(f));
    }
    v["files"] = std::move(files);
    v["project_count"] = static_cast<int>(site.projects.size());
    v["rating_count"] = static_cast<int>(site.ratings.size());
    return v;
}

}  // namespace gongshi::render
