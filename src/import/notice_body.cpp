#include "import/notice_body.h"

#include "import/noise.h"

namespace gongshi::importer {

namespace {


// True when a paragraph can end here: a sentence's end, a colon, or a short line closing a bracket ("(依申请公开)").
bool ends_paragraph(std::string_view text) {
    for (const std::string_view end : {"。", "！", "？", "：", "；", ":", ";", "!", "?", "。”", "。\"", "…"})
        if (text.ends_with(end)) return true;
    return (text.ends_with("）") || text.ends_with(")")) && length_in_chars(text) <= 20;
}

// A top-level heading such as 三、工作要求: short, numbered 一、…, no sentence in it.
bool is_section_heading(std::string_view text) {
    const auto number = heading_number(text);
    return number && !number->bracketed && length_in_chars(text) <= 30 && text.find("。") == std::string_view::npos;
}

}  // namespace

std::string body_markdown(const SourceText& src, int first_line, const std::vector<LineRange>& lists) {
    std::vector<std::string> blocks;
    std::string paragraph;
    bool gap = false;  // a blank line (or page break) since the paragraph's last line
    size_t last_line = 0;  // characters in the paragraph's last line
    bool placed = false;
    const auto flush = [&] {
        if (!paragraph.empty()) blocks.push_back(paragraph);
        paragraph.clear();
    };
    for (const auto& line : src.lines) {
        if (line.number < first_line) continue;
        const LineRange* range = nullptr;
        for (const auto& r : lists)
            if (line.number >= r.first && line.number <= r.last) range = &r;
        if (range != nullptr) {
            flush();
            if (!placed) blocks.push_back(ratings_placeholder);
            placed = true;
            gap = true;
            continue;
        }
        const std::string text = tidy(line.text);
        if (text.empty() || is_page_number(text)) {
            gap = true;
            continue;
        }
        if (is_section_heading(text)) {
            flush();
            std::string heading = text;
            if (heading.front() != '#') heading = "## " + heading;
            blocks.push_back(heading);
            gap = false;
            continue;
        }
        // A line continues the paragraph unless the paragraph could end where it stopped, or the line starts a
        // numbered part; across a blank line only a long unfinished line continues (a page break inside it).
        const bool starts_part = heading_number(text) || list_number(text);
        const bool continues = !paragraph.empty() && !ends_paragraph(paragraph) && !starts_part &&
                               (!gap || last_line >= 20);
        if (!continues) flush();
        paragraph += text;
        last_line = length_in_chars(text);
        gap = false;
    }
    flush();
    std::string out;
    for (const auto& b : blocks) out += (out.empty() ? "" : "\n") + b + "\n";
    return out;
}

}  // namespace gongshi::importer
