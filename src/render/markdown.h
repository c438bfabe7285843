// Markdown → safe HTML (cmark-gfm with table, autolink, strikethrough, tagfilter; raw HTML and unsafe links dropped).
#pragma once

#include <string>
#include <string_view>

namespace gongshi::render {

std::string markdown_to_html(std::string_view markdown);

// A document body split at the line "<!-- gongshi:ratings -->", where the ratings it issued are shown.
struct BodyParts {
    std::string before;
    std::string after;
    bool has_ratings_marker = false;
};
BodyParts split_at_ratings_marker(std::string_view markdown);

// Plain text of Markdown (for excerpts and the feed): tags removed, whitespace folded.
std::string markdown_to_text(std::string_view markdown, size_t max_chars);

}  // namespace gongshi::render
