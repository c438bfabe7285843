// The mark `gongshi new` leaves in every value a person must fill in. The loader rejects any record still holding
// it, so an unfinished scaffold can be checked but never published.
#pragma once

#include <string_view>

namespace gongshi::model {

inline constexpr std::string_view placeholder = "待填写";

}  // namespace gongshi::model
