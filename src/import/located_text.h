// A stretch of a notice's text that remembers where each character stood in the source: an entry's name may run
// over two lines, and a message about its county must point at the county.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace gongshi::importer {

class LocatedText {
public:
    // Appends a piece of a source line that starts at (line, col).
    void append(std::string_view piece, int line, int col);
    const std::string& text() const { return text_; }
    bool empty() const { return text_.empty(); }
    // Where the character at byte `offset` stood (the last character's position for an offset past the end).
    diag::SourcePos pos(const std::string& path, size_t offset) const;
    // The same text without the whitespace tidy() drops (noise.h), positions kept.
    LocatedText tidied() const;

private:
    struct Mark {
        size_t offset;
        int line;
        int col;
    };
    std::string text_;
    std::vector<Mark> marks_;  // one per character
};

}  // namespace gongshi::importer
