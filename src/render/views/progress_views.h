// View-models of progress between notices: the /progress/<year>/ page, the sections a project and a city page
// gain when a progress notice or a score names them, and the build-time SVG charts they draw.
#pragma once

#include <string>
#include <vector>

#include "model/progress_index.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

// The program years with a /progress/<year>/ page: those with a schedule or a progress notice.
std::vector<int> progress_years(const model::Site& site);
// Links to those pages (year, url), for the home page.
ViewList progress_links(const model::Site& site);
View progress_view(const model::Site& site, const Assets& assets, int year);

// Sets has_progress (false when nothing reports on the project) and, if true, its timeline and scores.
void add_project_progress(View& v, const model::Site& site, int project);
// Sets has_progress and, if true, the city's table by month and its score curve.
void add_city_progress(View& v, const model::Site& site, int city);

// Projects per stage per month as stacked bars, with the same figures as a table.
View stage_chart(const model::Site& site, const std::string& title, const std::vector<model::MonthStages>& months);
// Scores by month as one line per series, with the same figures as a table.
struct ScoreSeries {
    std::string name;
    std::vector<std::pair<std::string, std::string>> points;  // (month, total as printed), in month order
};
View score_curve(const std::string& title, const std::vector<ScoreSeries>& series);
// The notices a month's figures come from, as links.
ViewList report_links(const model::Site& site, const std::vector<int>& reports);
// "2023年6月" for "2023-06".
std::string month_label(const std::string& month);

}  // namespace gongshi::render
