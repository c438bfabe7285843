// The discrepancies the content itself shows, computed from it: where a program year's projects or ratings differ
// from a city's task count, and which counties the task table listed as not yet covered still got no project.
#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace gongshi::model {

// One city of one task table whose projects (or ratings) that program year differ from its task count.
struct TaskDifference {
    int table = -1;  // index into Site::tasks
    int city = -1;   // index into Site::cities
    int tasks = 0;
    int projects = 0;  // projects of that program year in the city
    int rated = 0;     // ratings of that program year given to the city's projects
};

// One city of one task table: the counties it listed as not yet covered, and those that still got no project of
// that program year.
struct UncoveredCounties {
    int table = -1;
    int city = -1;
    std::vector<std::string> listed;
    std::vector<std::string> still_uncovered;
};

struct Checks {
    std::vector<TaskDifference> task_differences;     // task table by table, cities in table order
    std::vector<UncoveredCounties> uncovered;         // every row that lists a county, in table order
};

Checks compute_checks(const Site& site);

// The projects of program year `year` in city `city`, and their ratings of that program year.
int projects_in_year(const Site& site, int city, int year);
int ratings_in_year(const Site& site, int city, int year);

}  // namespace gongshi::model
