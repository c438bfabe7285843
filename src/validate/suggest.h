// "Did you mean …?": the nearest of a set of names to a misspelt one, by edit distance over Unicode code points
// (so one wrong Chinese character counts as one edit, not three bytes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongshi::validate {

// Levenshtein distance between two UTF-8 strings, counted in code points.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely misspelling: at most `max_edits` edits,
// and fewer edits than the word has characters. Ties go to the earliest candidate.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates, int max_edits);


}  // namespace gongshi::validate
