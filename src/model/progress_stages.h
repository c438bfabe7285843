// The construction stages a progress notice reports, in the order a project passes them.
#pragma once

#include <array>
#include <string_view>

namespace gongshi::model {

inline constexpr std::array<std::string_view, 5> progress_stages = {"选址确定", "开工", "主体完工", "竣工", "运营"};
// Stage ids for URLs, CSS classes and open data, in the same order.
inline constexpr std::array<std::string_view, 5> progress_stage_ids = {"site", "started", "structure", "completed",
                                                                       "operating"};

// The stage's place in progress_stages, or -1.
inline int stage_index(std::string_view stage) {
    for (size_t i = 0; i < progress_stages.size(); ++i)
        if (progress_stages[i] == stage) return static_cast<int>(i);
    return -1;
}

inline constexpr std::array<std::string_view, 3> indicator_kinds = {"基础分", "加分", "扣分"};
inline constexpr std::array<std::string_view, 3> progress_kinds = {"月度通报", "季度反馈", "督查通报"};

}  // namespace gongshi::model
