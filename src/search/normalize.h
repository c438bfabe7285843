// Search text: how a record's fields and a query are folded (full-width → ASCII, upper → lower, punctuation and
// spaces dropped) and cut into tokens (overlapping CJK bigrams, ASCII words, digit runs). assets/search.js does the
// same in the browser; tests/search/normalize_test.cpp pins both to the same examples.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongshi::search {

// The folded text: only CJK characters, a-z and 0-9 are kept ("晋民函〔2023〕169号" → "晋民函2023169号").
std::string normalize(std::string_view text);

// The tokens of a text, in order, repeats kept: each pair of CJK characters that are neighbours once spaces and
// punctuation are dropped ("龙城 新苑" → 龙城 城新 新苑), each run of ASCII letters (lower-cased) and each run of
// digits, a run ending at any other character ("〔2023〕169号" → 2023 169). A CJK character with no CJK neighbour
// makes no token (it is checked against the record's text instead).
std::vector<std::string> tokens(std::string_view text);

}  // namespace gongshi::search
