#include "load/source_file.h"

#include <fstream>
#include <sstream>

namespace gongshi::load {

namespace fs = std::filesystem;

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if it is not one.
size_t utf8_length(std::string_view s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
    if (n == 2 && c < 0xC2) return 0;                               // overlong
    if (n == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))) return 0;  // overlong; surrogate
    if (n == 4 && ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90))) return 0;  // overlong; > U+10FFFF
    return n;
}

}  // namespace

bool check_source_text(std::string_view text, const std::string& shown, diag::Diagnostics& diags) {
    if (text.empty()) {
        diags.error({shown, 0, 0}, "file is empty", "fill it in (see docs/content-model.md) or delete it");
        return false;
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
        diags.error({shown, 1, 1}, "file starts with a byte-order mark (BOM)", "save it as UTF-8 without BOM");
        return false;
    }
    int line = 1, col = 1;
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\r') {
            diags.error({shown, line, col}, "Windows line end (CR LF)", "save the file with Unix (LF) line ends");
            return false;
        }
        if (c == '\0' || (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')) {
            diags.error({shown, line, col}, "control character in text", "delete it");
            return false;
        }
        const size_t n = utf8_length(text, i);
        if (n == 0) {
            diags.error({shown, line, col}, "invalid UTF-8 byte sequence", "save the file as UTF-8 (it may be GBK)");
            return false;
        }
        if (c == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
        i += n;
    }
    return true;
}

std::optional<std::string> read_source(const fs::path& file, const std::string& shown, diag::Diagnostics& diags) {
    std::error_code ec;
    const auto status = fs::symlink_status(file, ec);
    if (ec || fs::is_symlink(status)) {
        diags.error({shown, 0, 0}, "is a symbolic link", "content files must be real files inside content/; copy the file instead");
        return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
        diags.error({shown, 0, 0}, "is not a regular file", "remove it from content/");
        return std::nullopt;
    }
    const auto size = fs::file_size(file, ec);
    if (ec || size > max_file_bytes) {
        diags.error({shown, 0, 0}, "file is larger than 4 MiB", "split it, or check that it is the right file");
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string text = std::move(buf).str();
    if (!in && !in.eof()) {
        diags.error({shown, 0, 0}, "cannot be read", "check the file's permissions");
        return std::nullopt;
    }
    if (!check_source_text(text, shown, diags)) return std::nullopt;
    return text;
}

std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& shown,
                                              diag::Diagnostics& diags) {
    if (text.rfind("---\n", 0) != 0) {
        diags.error({shown, 1, 1}, "missing front matter", "start the file with a line '---', the YAML fields, then '---'");
        return std::nullopt;
    }
    const std::string_view rest = text.substr(4);
    size_t at = 0;
    int line = 2;
    while (at <= rest.size()) {
        const size_t end = rest.find('\n', at);
        const std::string_view l = rest.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        if (l == "---") {
            FrontMatter fm;
            fm.yaml = rest.substr(0, at);
            fm.body = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
            fm.body_line = line + 1;
            return fm;
        }
        if (end == std::string_view::npos) break;
        at = end + 1;
        ++line;
    }
    diags.error({shown, 1, 1}, "front matter is not closed", "add a line '---' after the last YAML field");
    return std::nullopt;
}

}  // namespace gongshi::load
