// What a program year's schedule says about one construction stage: its milestone, and whether a date is late.
#pragma once

#include <string_view>
#include <vector>

#include "model/records.h"

namespace gongshi::model {

inline const Schedule* schedule_of(const std::vector<Schedule>& schedules, int year) {
    for (const auto& s : schedules)
        if (s.year == year) return &s;
    return nullptr;
}

// The milestone that fixes the deadline of a stage, or nullptr if the plan fixes none.
inline const Milestone* milestone_of(const Schedule* schedule, std::string_view stage) {
    if (schedule == nullptr || stage.empty()) return nullptr;
    for (const auto& m : schedule->milestones)
        if (m.stage == stage) return &m;
    return nullptr;
}

// A date (YYYY-MM-DD) after the milestone's deadline. Dates compare as text in this form.
inline bool is_late(const Milestone* m, std::string_view date) {
    return m != nullptr && !date.empty() && !m->deadline.empty() && date > m->deadline;
}

}  // namespace gongshi::model
