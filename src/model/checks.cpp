#include "model/checks.h"

#include <set>

namespace gongshi::model {

int projects_in_year(const Site& site, int city, int year) {
    int n = 0;
    for (int p : site.projects_of_city[city]) n += site.projects[p].year == year;
    return n;
}

int ratings_in_year(const Site& site, int city, int year) {
    int n = 0;
    for (const auto& [key, list] : site.ratings_by_year_tier)
        if (key.first == year)
            for (int r : list) n += site.city_of_project[site.ratings[r].project] == city;
    return n;
}

Checks compute_checks(const Site& site) {
    Checks checks;
    for (size_t t = 0; t < site.tasks.size(); ++t) {
        const TaskTable& table = site.tasks[t];
        for (const TaskRow& row : table.rows) {
            const auto found = site.city_index.find(row.city.value);
            if (found == site.city_index.end()) continue;  // validation reports it
            const int city = found->second;
            const int projects = projects_in_year(site, city, table.year);
            const int rated = ratings_in_year(site, city, table.year);
            if (projects != row.tasks || rated != row.tasks)
                checks.task_differences.push_back({static_cast<int>(t), city, row.tasks, projects, rated});
            if (row.uncovered.empty()) continue;
            std::set<std::string> with_project;
            for (int p : site.projects_of_city[city])
                if (site.projects[p].year == table.year) with_project.insert(site.projects[p].county.value);
            UncoveredCounties u{static_cast<int>(t), city, {}, {}};
            for (const auto& county : row.uncovered) {
                u.listed.push_back(county.value);
                if (!with_project.count(county.value)) u.still_uncovered.push_back(county.value);
            }
            checks.uncovered.push_back(std::move(u));
        }
    }
    return checks;
}

}  // namespace gongshi::model
