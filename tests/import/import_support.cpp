#include "import/import_support.h"

#include <catch2/catch.hpp>

#include "load/load.h"

namespace gongshi::testing {

fs::path seed_169() {
    const fs::path seed = fixture("seeds/000_000a35ee371ff37c.txt");
    REQUIRE(fs::exists(seed));
    return seed;
}

fs::path seed_7() {
    const fs::path seed = fixture("seeds/001_e55b586ccff1a522.txt");
    REQUIRE(fs::exists(seed));
    return seed;
}

fs::path content_without(const fs::path& dir, const std::vector<std::string>& removed) {
    const fs::path content = dir / "content";
    fs::copy(source_dir() / "content", content, fs::copy_options::recursive);
    for (const auto& r : removed) REQUIRE(fs::remove_all(content / r) > 0);
    return content;
}

std::vector<std::string> ratings_rows(const fs::path& content, const std::string& notice_id) {
    diag::Diagnostics diags;  // an imported file may hold 待填写 (a correction to confirm): the rows load anyway
    const model::Records records = load::load_content(io::DiskFiles(), content, diags);
    std::vector<std::string> rows;
    for (const auto& list : records.ratings) {
        if (list.notice.value != notice_id) continue;
        for (const auto& g : list.groups)
            for (const auto& e : g.entries)
                rows.push_back(std::to_string(g.year) + " " + g.tier.value + " " + std::to_string(g.declared) + " " +
                               g.heading + " | " + std::to_string(e.rank) + " " + e.project.value + " " + e.printed);
    }
    return rows;
}

std::string notice_html(const std::string& text) {
    std::string body;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.find_first_not_of(" \r") == std::string::npos) continue;
        std::string escaped;
        for (const char c : line) escaped += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
        body += "<p>" + escaped + "</p>\n";
    }
    return "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>notice</title>"
           "<style>body{font-family:\"WenQuanYi Micro Hei\",sans-serif;font-size:12pt}p{margin:0 0 .3em}</style>\n" +
           body + "</html>\n";
}

fs::path make_docx(const fs::path& html, const fs::path& dir) {
    const fs::path docx = dir / "notice.docx";
    std::string out;
    INFO(out);
    REQUIRE(run_command("pandoc --from html --to docx -o '" + docx.string() + "' '" + html.string() + "'", out) == 0);
    return docx;
}

fs::path make_pdf(const fs::path& html, const fs::path& dir) {
    const fs::path pdf = dir / "notice.pdf";
    const fs::path profile = dir / "chromium-profile";
    std::string out;
    const int rc = run_command("chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
                               "--no-pdf-header-footer --user-data-dir='" + profile.string() + "' --print-to-pdf='" +
                                   pdf.string() + "' 'file://" + html.string() + "'",
                               out);
    INFO(out);
    REQUIRE(rc == 0);
    REQUIRE(fs::exists(pdf));
    return pdf;
}

}  // namespace gongshi::testing
