// Progress between notices, indexed once per build: each project's stage reports and each city's and project's
// scores in month order, and per program year the projects per stage per month (for a city and the province).
#pragma once

#include <array>
#include <string>
#include <vector>

namespace gongshi::model {

struct Site;

struct StageEvent {
    int report = -1;  // index into Site::progress
    int entry = -1;   // index into its projects
};

struct ScoreRef {
    int sheet = -1;  // index into Site::scores
    int row = -1;    // index into its rows
};

// Projects per stage in one month: from a city row of a notice of that month if there is one, else counted from
// the per-project reports, each project at the latest stage reported up to that month.
struct MonthStages {
    std::string month;  // YYYY-MM
    std::array<int, 5> counts{};  // by model::progress_stages
    int total = 0;
    std::vector<int> reports;  // the notices (Site::progress) the figures come from, in month and id order
};

struct YearProgress {
    int year = 0;
    std::vector<std::string> months;  // every month a notice reports on, in order
    std::vector<MonthStages> province;  // the months with any figure: the cities' figures added up
    std::vector<std::vector<MonthStages>> cities;  // per city (Site::cities order): its months with a figure
};

struct ProgressIndex {
    std::vector<std::vector<StageEvent>> of_project;  // per project, in month order
    std::vector<std::vector<ScoreRef>> scores_of_project;  // in month order
    std::vector<std::vector<ScoreRef>> scores_of_city;
    std::vector<YearProgress> years;  // program years with a progress notice, in order

    const YearProgress* year(int y) const {
        for (const auto& p : years)
            if (p.year == y) return &p;
        return nullptr;
    }
};

// Fills site.progress_index from site.progress and site.scores (sorted, published only).
void build_progress_index(Site& site);

}  // namespace gongshi::model
