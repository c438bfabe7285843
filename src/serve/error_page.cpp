#include "serve/error_page.h"

#include <algorithm>

#include "diag/excerpt.h"
#include "render/templates.h"

namespace gongshi::serve {

namespace {

using render::escape_html;

// The quoted line, escaped, with the character at the column marked.
std::string quote(const diag::Excerpt& e, int col) {
    if (col <= 0 || e.mark_begin == e.mark_end) return escape_html(e.text);
    return escape_html(e.text.substr(0, e.mark_begin)) + "<mark>" +
           escape_html(e.text.substr(e.mark_begin, e.mark_end - e.mark_begin)) + "</mark>" +
           escape_html(e.text.substr(e.mark_end));
}

std::string render_item(const diag::Diagnostic& d, const io::InputFiles& sources) {
    const bool error = d.severity == diag::Severity::error;
    std::string location = d.pos.path;
    if (d.pos.line > 0)
        location += ":" + std::to_string(d.pos.line) + ":" + std::to_string(std::max(d.pos.col, 1));
    std::string out = std::string("<li class=\"") + (error ? "error" : "warning") + "\">";
    out += "<code class=\"where\">" + escape_html(location) + "</code> ";
    out += std::string("<strong>") + (error ? "错误 error" : "警告 warning") + "</strong>";
    out += "<p>" + escape_html(d.message) + "</p>";
    if (!d.hint.empty()) out += "<p class=\"hint\">" + escape_html(d.hint) + "</p>";
    if (const auto e = diag::excerpt(d, sources); e && !e->text.empty())
        out += "<pre><span class=\"line-number\">" + std::to_string(d.pos.line) + " | </span>" + quote(*e, d.pos.col) +
               "</pre>";
    return out + "</li>\n";
}

}  // namespace

std::string render_error_page(const std::vector<diag::Diagnostic>& diagnostics, const io::InputFiles& sources) {
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
    for (const auto& d : diagnostics) out += render_item(d, sources);
    out += "</ol>\n</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace gongshi::serve
