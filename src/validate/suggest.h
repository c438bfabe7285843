// "Did you mean …?": the nearest of a set of names to a misspelt one, by edit distance over Unicode code points
// (so one wrong Chinese character counts as one edit, not three bytes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/records.h"

namespace gongshi::validate {

// Levenshtein distance between two UTF-8 strings, counted in code points.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely misspelling: at most `max_edits` edits,
// and fewer edits than the word has characters. Ties go to the earliest candidate.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates, int max_edits);

// What to do about an unknown city id: "did you mean 'taiyuan'?", else where city ids come from.
std::string city_id_hint(std::string_view given, const std::vector<model::City>& cities);
// What to do about a county that is not one of the city's counties or zones: "did you mean '迎泽区'? …", else how
// to write it.
std::string county_hint(std::string_view given, const model::City& city);


}  // namespace gongshi::validate
