#include "serve/site_files.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

namespace gongshi::serve {

namespace fs = std::filesystem;

namespace {

std::string_view extension_of(std::string_view name) {
    const size_t slash = name.rfind('/');
    const size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
    return name.substr(dot);
}

bool looks_like_page(std::string_view url_path) {
    const std::string_view ext = extension_of(url_path);
    return ext.empty() || ext == ".html" || ext == ".htm";
}

// True if `inside` is `root` or below it, after resolving symbolic links (defence in depth: the build writes
// none, but a hand-placed link must not expose the rest of the disk).
bool is_within(const fs::path& root, const fs::path& inside) {
    std::error_code ec;
    const fs::path r = fs::canonical(root, ec);
    if (ec) return false;
    const fs::path p = fs::canonical(inside, ec);
    if (ec) return false;
    auto [end_r, end_p] = std::mismatch(r.begin(), r.end(), p.begin(), p.end());
    return end_r == r.end();
}

}  // namespace

SiteFile find_site_file(const fs::path& root, std::string_view url_path) {
    SiteFile out;
    out.is_page = looks_like_page(url_path);
    if (url_path.empty() || url_path.front() != '/') {
        out.kind = SiteFile::Kind::forbidden;
        return out;
    }
    std::vector<std::string_view> parts;
    size_t at = 1;
    while (at <= url_path.size()) {
        const size_t end = std::min(url_path.find('/', at), url_path.size());
        const std::string_view part = url_path.substr(at, end - at);
        if (part == "." || part == ".." || part.find('\\') != std::string_view::npos ||
            part.find('\0') != std::string_view::npos) {
            out.kind = SiteFile::Kind::forbidden;
            return out;
        }
        if (!part.empty()) parts.push_back(part);
        at = end + 1;
    }
    fs::path file = root;
    for (const auto part : parts) file /= fs::path(std::string(part));
    const bool wants_folder = url_path.back() == '/';
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
        if (!wants_folder) {
            out.kind = SiteFile::Kind::add_slash;
            out.is_page = true;
            return out;
        }
        file /= "index.html";
        out.is_page = true;
    }
    if (fs::is_regular_file(file, ec) && is_within(root, file)) {
        out.kind = SiteFile::Kind::file;
        out.path = file;
        out.is_page = looks_like_page(file.filename().string());
    }
    return out;
}

std::string content_type_for(std::string_view file_name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> types{{
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".xml", "application/xml; charset=utf-8"},
        {".svg", "image/svg+xml; charset=utf-8"},
        {".csv", "text/csv; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".md", "text/plain; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".pdf", "application/pdf"},
        {".webmanifest", "application/manifest+json"},
    }};
    // Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pf_filter, .pagefind) are binary: the
    // default.
    std::string ext(extension_of(file_name));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const auto& [e, type] : types)
        if (e == ext) return std::string(type);
    return "application/octet-stream";
}

}  // namespace gongshi::serve
