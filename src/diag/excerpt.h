// The source line a diagnostic points at, with a caret under its column, as a compiler prints it:
//
//   content/ratings/jinminhan-2023-169.yaml:12:15: error: declared 20, listed 19 — …
//      12 |     declared: 20
//         |               ^
//
// One place for it: the command line prints it as text, the preview's error page as HTML.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "io/input_files.h"

namespace gongshi::diag {

struct Excerpt {
    int line = 0;            // 1-based
    std::string text;        // the line as in the file (cut after ~400 bytes at a whole character, marked "…")
    size_t mark_begin = 0;   // the bytes of the character at the column: [mark_begin, mark_end)
    size_t mark_end = 0;     // == mark_begin when the column is past the end of the line
    std::string caret_pad;   // what to print before the caret to stand under that character on a terminal
};

// Nothing when the diagnostic names no line, or the file or line cannot be read.
std::optional<Excerpt> excerpt(const Diagnostic& d, const io::InputFiles& sources);

// "   12 | <line>\n      | <pad>^\n"
std::string format_excerpt(const Excerpt& e);

}  // namespace gongshi::diag
