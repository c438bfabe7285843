#include "render/views/task_links.h"

#include "model/permalinks.h"


namespace gongshi::render {

ViewList task_links(const model::Site& site) {
    ViewList tasks;
    for (const auto& t : site.tasks) {
        View tv;
        tv["year"] = t.year;
        tv["url"] = model::task_url(t.year);
        tasks.push_back(std::move(tv));
    }
    return tasks;
}

}  // namespace gongshi::render
