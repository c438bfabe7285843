// A notice's text, whatever file it came in: plain text or Markdown as it is, Word (.docx) through pandoc, PDF
// through `pdftotext -layout` (Debian's poppler-utils). Positions in messages are lines and columns of this text:
// the file itself for text, what the converter printed for Word and PDF.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace gongshi::importer {

struct SourceLine {
    int number = 0;     // 1-based
    std::string text;   // without its line end
};

struct SourceText {
    enum class Format { text, docx, pdf };
    std::string path;  // as given: messages name it
    Format format = Format::text;
    std::string text;  // UTF-8 with LF line ends, no BOM, no form feeds
    std::vector<SourceLine> lines;
    std::vector<int> pages;  // PDF: the page of each line (index: line number − 1); empty otherwise
};

// The file's text, or nothing after a located error (empty, not text, a converter missing or failing).
std::optional<SourceText> read_notice_file(const std::filesystem::path& file, diag::Diagnostics& diags);

// The text as a SourceText, for text already read (`path` is what messages name). Nothing after an error.
std::optional<SourceText> notice_text(std::string bytes, const std::string& path, SourceText::Format format,
                                      diag::Diagnostics& diags);

}  // namespace gongshi::importer
