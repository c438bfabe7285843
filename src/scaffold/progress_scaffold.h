// The scaffold of a progress notice's record (progress/<notice-id>.yaml), every field commented.
#pragma once

#include <string>

namespace gongshi::scaffold {

// `year` 0 leaves the program year to fill in.
std::string progress_text(const std::string& notice_id, int year);

}  // namespace gongshi::scaffold
