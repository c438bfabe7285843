// `gongshi check`'s line about progress between notices, e.g. "progress: 2 notices (2023-04 月度通报 shili-jindu-2023-04:
// 2 projects, 0 cities; …); schedules: 2023 (6 milestones, 4 indicators); scores: 5 in 2 file(s)".
#include "validate/content_summary.h"

namespace gongshi::validate {

std::string summarize_progress(const model::Records& r) {
    std::string line = "progress: ";
    if (r.progress.empty()) {
        line += "no progress notices";
    } else {
        line += std::to_string(r.progress.size()) + " notice(s) (";
        for (size_t i = 0; i < r.progress.size(); ++i) {
            const model::ProgressReport& p = r.progress[i];
            line += (i ? "; " : "") + p.month.value + " " + p.kind + " " + p.notice.value + ": " +
                    std::to_string(p.projects.size()) + " projects, " + std::to_string(p.cities.size()) + " cities";
        }
        line += ")";
    }
    std::string schedules;
    for (const auto& s : r.schedules)
        schedules += (schedules.empty() ? "" : ", ") + std::to_string(s.year) + " (" + std::to_string(s.milestones.size()) +
                     " milestones, " + std::to_string(s.indicators.size()) + " indicators)";
    line += "; schedules: " + (schedules.empty() ? std::string("none") : schedules);
    size_t scores = 0;
    for (const auto& s : r.scores) scores += s.rows.size();
    line += "; scores: " + (r.scores.empty() ? std::string("none")
                                             : std::to_string(scores) + " in " + std::to_string(r.scores.size()) + " file(s)");
    return line;
}

}  // namespace gongshi::validate
