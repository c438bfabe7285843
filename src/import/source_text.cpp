#include "import/source_text.h"

#include "import/converter.h"
#include "io/input_files.h"
#include "text/utf8.h"

#include <cstdio>

namespace gongshi::importer {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t max_notice_bytes = 64 * 1024 * 1024;

struct Converter {
    const char* program;
    const char* package;
};
const Converter pandoc{"pandoc", "pandoc"};
const Converter pdftotext{"pdftotext", "poppler-utils"};


std::string lower_extension(const fs::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext;
}

// The line and column of byte `at`, for a message about it.
diag::SourcePos position_of(std::string_view text, size_t at, const std::string& path) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < at; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    int col = 1;
    for (size_t i = line_start; i < at;) {
        const size_t n = text::utf8_length(text, i);
        i += n == 0 ? 1 : n;
        ++col;
    }
    return {path, line, col};
}

// The converted text of a Word or PDF file, or nothing after an error naming what to install or what failed.
std::optional<std::string> convert(const Converter& converter, std::vector<std::string> argv, const std::string& shown,
                                   diag::Diagnostics& diags) {
    if (!program_on_path(converter.program)) {
        diags.error({shown, 0, 0},
                    std::string("reading this file needs the program '") + converter.program + "', which is not installed",
                    std::string("install Debian's package ") + converter.package + " (sudo apt-get install " +
                        converter.package + "), or give the notice as a .txt file");
        return std::nullopt;
    }
    std::string why;
    const auto run = run_program(argv, why);
    if (!run) {
        diags.error({shown, 0, 0}, std::string("cannot run ") + converter.program + ": " + why,
                    std::string("check that ") + converter.program + " works: " + converter.program + " --version");
        return std::nullopt;
    }
    if (run->status != 0) {
        std::string said = run->err.substr(0, run->err.find('\n'));
        diags.error({shown, 0, 0},
                    std::string(converter.program) + " could not read the file (exit status " +
                        std::to_string(run->status) + (said.empty() ? "" : ": " + said) + ")",
                    "check that it opens in a word processor or PDF reader; a scanned PDF has no text to read");
        return std::nullopt;
    }
    return run->out;
}

}  // namespace

std::optional<SourceText> notice_text(std::string bytes, const std::string& path, SourceText::Format format,
                                      diag::Diagnostics& diags) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
    const std::string what = format == SourceText::Format::text ? "the file" : "the converted text";
    if (bytes.find_first_not_of(" \t\r\n\f") == std::string::npos) {
        diags.error({path, 1, 1}, what + " is empty: there is no notice to read",
                    "give the notice's file, or paste its text into a .txt file");
        return std::nullopt;
    }
    for (size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const size_t n = text::utf8_length(bytes, i);
        const bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
        if (n == 0 || control) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            diags.error(position_of(bytes, i, path),
                        what + " is not UTF-8 text (byte " + hex + (c == 0 ? ", a binary file" : "") + ")",
                        "give a .txt (UTF-8), .md, .docx or .pdf file; text in GBK can be converted with "
                        "iconv -f GBK -t UTF-8");
            return std::nullopt;
        }
        i += n;
    }
    SourceText source;
    source.path = path;
    source.format = format;
    int page = 1;
    std::string line;
    const auto finish_line = [&] {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        source.lines.push_back({static_cast<int>(source.lines.size()) + 1, line});
        if (format == SourceText::Format::pdf) source.pages.push_back(page);
        source.text += line;
        source.text += '\n';
        line.clear();
    };
    for (size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\f') {
            ++page;  // pdftotext ends every page with a form feed
        } else if (c == '\n') {
            finish_line();
        } else if (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')) {
            finish_line();
        } else {
            line += c;
        }
    }
    if (!line.empty()) finish_line();
    return source;
}

std::optional<SourceText> read_notice_file(const fs::path& file, diag::Diagnostics& diags) {
    const std::string shown = file.generic_string();
    const io::ReadResult read = io::DiskFiles().read(file, max_notice_bytes);
    if (!read.bytes) {
        using F = io::ReadResult::Failure;
        const std::string why = read.failure == F::missing       ? "there is no such file"
                                : read.failure == F::too_big     ? "the file is larger than 64 MB"
                                : read.failure == F::symlink     ? "it is a symbolic link; give the file it points to"
                                : read.failure == F::not_regular ? "it is not a regular file"
                                                                 : "the file cannot be read";
        diags.error({shown, 0, 0}, "cannot read the notice: " + why, "give the path of the notice's file");
        return std::nullopt;
    }
    const std::string& bytes = *read.bytes;
    const std::string ext = lower_extension(file);
    // A converter would take a path starting with '-' for an option.
    const std::string arg = shown.rfind('-', 0) == 0 ? "./" + shown : shown;
    if (bytes.starts_with("%PDF") || ext == ".pdf") {
        const auto text = convert(pdftotext, {"pdftotext", "-layout", "-enc", "UTF-8", "-eol", "unix", arg, "-"},
                                  shown, diags);
        return text ? notice_text(*text, shown, SourceText::Format::pdf, diags) : std::nullopt;
    }
    if (bytes.starts_with("\xD0\xCF\x11\xE0") || ext == ".doc") {
        diags.error({shown, 0, 0}, "this is an old Word file (.doc), which pandoc cannot read",
                    "save it as .docx (Word or LibreOffice: Save As → Word 2007-365), then import that");
        return std::nullopt;
    }
    if (bytes.starts_with("PK\x03\x04") || ext == ".docx") {
        const auto text = convert(pandoc, {"pandoc", "--from", "docx", "--to", "plain", "--wrap", "none", arg},
                                  shown, diags);
        return text ? notice_text(*text, shown, SourceText::Format::docx, diags) : std::nullopt;
    }
    return notice_text(bytes, shown, SourceText::Format::text, diags);
}

}  // namespace gongshi::importer
