#include "import/located_text.h"

#include "import/noise.h"

namespace gongshi::importer {

namespace {


}  // namespace

void LocatedText::append(std::string_view piece, int line, int col) {
    for (size_t i = 0; i < piece.size();) {
        size_t n = 1;
        code_point(piece, i, n);
        marks_.push_back({text_.size(), line, col++});
        text_.append(piece.substr(i, n));
        i += n;
    }
}

diag::SourcePos LocatedText::pos(const std::string& path, size_t offset) const {
    if (marks_.empty()) return {path, 0, 0};
    const Mark* best = &marks_.front();
    for (const Mark& m : marks_) {
        if (m.offset > offset) break;
        best = &m;
    }
    return {path, best->line, best->col};
}

LocatedText LocatedText::tidied() const {
    struct Char {
        char32_t c;
        size_t index;  // into marks_
    };
    std::vector<Char> chars;
    for (size_t k = 0; k < marks_.size(); ++k) {
        size_t n = 1;
        chars.push_back({code_point(text_, marks_[k].offset, n), k});
    }
    size_t first = 0, last = chars.size();
    while (first < last && is_space(chars[first].c)) ++first;
    while (last > first && is_space(chars[last - 1].c)) --last;
    LocatedText out;
    const auto copy = [&](size_t k) {
        const size_t begin = marks_[k].offset;
        const size_t end = k + 1 < marks_.size() ? marks_[k + 1].offset : text_.size();
        out.marks_.push_back({out.text_.size(), marks_[k].line, marks_[k].col});
        out.text_.append(text_, begin, end - begin);
    };
    for (size_t i = first; i < last;) {
        if (!is_space(chars[i].c)) {
            copy(chars[i].index);
            ++i;
            continue;
        }
        size_t j = i;
        while (j < last && is_space(chars[j].c)) ++j;
        if (!is_cjk(chars[i - 1].c) && !is_cjk(chars[j].c)) copy(chars[i].index);
        i = j;
    }
    return out;
}

}  // namespace gongshi::importer
