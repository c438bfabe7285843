// Reading the space-separated lines of the files beside the site that gongshi writes for itself (the hash cache
// and the edition record it holds, manifest.cpp and edition_record.cpp).
#pragma once

#include <charconv>
#include <string_view>
#include <system_error>

namespace gongshi::publish {

// A number and the one space after it, taken off the front of `line`; false (and `line` as it was) if there is none.
template <typename T>
bool take_number(std::string_view& line, T& value) {
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), value);
    if (ec != std::errc() || end == line.data() + line.size() || *end != ' ') return false;
    line.remove_prefix(static_cast<size_t>(end - line.data()) + 1);
    return true;
}

}  // namespace gongshi::publish
