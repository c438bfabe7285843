// The noise of a notice's extracted text, and how to see through it: full- and half-width forms, spaces inside
// headings, list numbering (1. 1、 （1） - 54.), page numbers, columns counted in characters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongshi::importer {

// Full-width ASCII forms (Ｕ+FF01–FF5E: digits, letters, brackets, punctuation) and the ideographic space as their
// ASCII counterparts; everything else unchanged. For recognising text, never for what is recorded as printed.
std::string fold_width(std::string_view text);

// The text without any whitespace (ASCII, ideographic, no-break).
std::string without_spaces(std::string_view text);

// Trimmed, and without the whitespace that touches a Chinese character or full-width punctuation: extraction
// noise in "(共 6 家)" or "关于 2022". A space between two Latin words or numbers stays.
std::string tidy(std::string_view text);

// The text without leading and trailing whitespace.
std::string_view trim(std::string_view text);

// True for a line that only numbers a page: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 5 页", "3/5".
bool is_page_number(std::string_view line);

// The number a list line starts with ("1. " "1．" "1、" "(1)" "（1）" "1)" "１．", after a bullet "- " or "* "),
// and the byte offset of the text after it.
struct ListNumber {
    int number = 0;
    size_t text_begin = 0;
};
std::optional<ListNumber> list_number(std::string_view line);

// A heading number in Chinese numerals: "一、" or "（一）" / "(一)"; its value, the byte offset after it, and whether
// it is bracketed.
struct HeadingNumber {
    int number = 0;
    size_t text_begin = 0;
    bool bracketed = false;
};
std::optional<HeadingNumber> heading_number(std::string_view line);

// 一 … 九十九 as a number.
std::optional<int> chinese_number(std::string_view text);

// 1-based column (in characters) of the byte at `offset`.
int column_at(std::string_view line, size_t offset);

// Whitespace: ASCII, ideographic, no-break and the typographic spaces.
bool is_space(char32_t c);
// A digit, ASCII or full-width, and its value.
bool is_digit(char32_t c);
int digit_value(char32_t c);

// How many characters (code points) the text has.
size_t length_in_chars(std::string_view text);
// Byte offsets of the text's character boundaries, 0 and text.size() included.
std::vector<size_t> char_boundaries(std::string_view text);

// True for a Chinese character or CJK/full-width punctuation.
bool is_cjk(char32_t c);

// The code point at s[i] and its byte length (1 for a stray byte).
char32_t code_point(std::string_view s, size_t i, size_t& length);

}  // namespace gongshi::importer
