// What a content folder holds, in a few lines for `gongshi check`: staff see at a glance whether the new notice
// added what they meant (e.g. "ratings: 150 …; 2024: 优秀 12 良好 8").
#pragma once

#include <string>
#include <vector>

#include "model/records.h"

namespace gongshi::validate {

std::vector<std::string> summarize_content(const model::Records& records);
// The progress line: each progress notice (month, kind, projects and cities listed), schedules and scores.
std::string summarize_progress(const model::Records& records);

}  // namespace gongshi::validate
