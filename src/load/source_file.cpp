#include "load/source_file.h"

#include <xxhash.h>

#include "text/utf8.h"

namespace gongshi::load {

namespace fs = std::filesystem;

std::uint64_t source_hash(std::string_view shown, std::string_view text) {
    return XXH3_64bits_withSeed(text.data(), text.size(), XXH3_64bits(shown.data(), shown.size()));
}

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
        const size_t n = gongshi::text::utf8_length(text, i);
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

std::optional<std::string> read_source(const io::InputFiles& input, const fs::path& file, const std::string& shown,
                                       diag::Diagnostics& diags) {
    io::ReadResult r = input.read(file, max_file_bytes);
    using Failure = io::ReadResult::Failure;
    switch (r.failure) {
        case Failure::none: break;
        case Failure::symlink:
            diags.error({shown, 0, 0}, "is a symbolic link", "content files must be real files inside content/; copy the file instead");
            return std::nullopt;
        case Failure::not_regular:
            diags.error({shown, 0, 0}, "is not a regular file", "remove it from content/");
            return std::nullopt;
        case Failure::too_big:
            diags.error({shown, 0, 0}, "file is larger than 4 MiB", "split it, or check that it is the right file");
            return std::nullopt;
        case Failure::missing:
        case Failure::unreadable:
            diags.error({shown, 0, 0}, "cannot be read", "check the file's permissions");
            return std::nullopt;
    }
    if (!check_source_text(*r.bytes, shown, diags)) return std::nullopt;
    return std::move(r.bytes);
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
