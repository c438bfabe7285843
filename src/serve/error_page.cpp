#include "serve/error_page.h"

#include <algorithm>
#include <fstream>

#include "render/templates.h"

namespace gongshi::serve {

namespace {

using render::escape_html;

constexpr size_t max_source_line = 400;  // bytes of the quoted line; content lines are far shorter

bool continues_utf8(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The 1-based line of a file, if it can be read.
std::string source_line(const std::string& path, int line) {
    if (line <= 0) return {};
    std::ifstream in(path, std::ios::binary);
    std::string text;
    for (int n = 1; n <= line && std::getline(in, text); ++n)
        if (n == line) {
            if (!text.empty() && text.back() == '\r') text.pop_back();
            if (text.size() > max_source_line) {
                size_t cut = max_source_line;
                while (cut > 0 && continues_utf8(text[cut])) --cut;  // whole UTF-8 characters
                text = text.substr(0, cut) + "…";
            }
            return text;
        }
    return {};
}

// The line, escaped, with the character at the (1-based) column marked. Columns count characters, as every
// position gongshi reports does (source_file.cpp, the YAML parser), so a caret lands on a whole Chinese character.
std::string mark_column(const std::string& line, int col) {
    if (col <= 0) return escape_html(line);
    size_t at = 0;
    for (int c = 1; c < col && at < line.size(); ++c)
        for (++at; at < line.size() && continues_utf8(line[at]);) ++at;
    if (at >= line.size()) return escape_html(line);
    size_t end = at + 1;
    while (end < line.size() && continues_utf8(line[end])) ++end;
    return escape_html(line.substr(0, at)) + "<mark>" + escape_html(line.substr(at, end - at)) + "</mark>" +
           escape_html(line.substr(end));
}

std::string render_item(const diag::Diagnostic& d) {
    const bool error = d.severity == diag::Severity::error;
    std::string location = d.pos.path;
    if (d.pos.line > 0)
        location += ":" + std::to_string(d.pos.line) + ":" + std::to_string(std::max(d.pos.col, 1));
    std::string out = std::string("<li class=\"") + (error ? "error" : "warning") + "\">";
    out += "<code class=\"where\">" + escape_html(location) + "</code> ";
    out += std::string("<strong>") + (error ? "错误 error" : "警告 warning") + "</strong>";
    out += "<p>" + escape_html(d.message) + "</p>";
    if (!d.hint.empty()) out += "<p class=\"hint\">" + escape_html(d.hint) + "</p>";
    const std::string quoted = source_line(d.pos.path, d.pos.line);
    if (!quoted.empty())
        out += "<pre><span class=\"line-number\">" + std::to_string(d.pos.line) + " | </span>" +
               mark_column(quoted, d.pos.col) + "</pre>";
    return out + "</li>\n";
}

}  // namespace

std::string render_error_page(const std::vector<diag::Diagnostic>& diagnostics) {
    const auto errors = std::count_if(diagnostics.begin(), diagnostics.end(), [](const diag::Diagnostic& d) {
        return d.severity == diag::Severity::error;
    });
    std::string out = R"(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>构建失败 · build failed</title>
<style>
body{font:16px/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{color:#a4000f;font-size:1.5rem}
ol{padding-left:1.5rem}li{margin:0 0 1.25rem}
.where{font-weight:bold}.error strong{color:#a4000f}.warning strong{color:#7a5200}
.hint{color:#444}p{margin:.25rem 0}
pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;white-space:pre-wrap}.line-number{color:#666}
mark{background:#ffd5d5;outline:1px solid #a4000f}
</style>
</head>
<body>
<main>
)";
    out += "<h1>构建失败：" + std::to_string(errors) + " 个错误 · the last build failed with " +
           std::to_string(errors) + (errors == 1 ? " error" : " errors") + "</h1>\n";
    out +=
        "<p>预览显示的不是旧页面：请按下列位置修改文件并保存，本页会在重新构建成功后自动刷新。<br>"
        "This preview does not show stale pages: fix the files at the places below and save; "
        "this page reloads by itself once a build succeeds.</p>\n<ol>\n";
    for (const auto& d : diagnostics) out += render_item(d);
    out += "</ol>\n</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace gongshi::serve
