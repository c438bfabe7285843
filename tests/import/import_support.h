// Helpers of the import tests: the 169号 seed, copies of content/ with records taken out, a ratings file as rows,
// and the seed turned into the Word and PDF files notices arrive as.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace gongshi::testing {

// tests/fixtures/seeds/000_000a35ee371ff37c.txt (a copy of ../shared/seeds/'s): 晋民函〔2023〕169号, the notice
// rating 130 projects.
fs::path seed_169();
// tests/fixtures/seeds/001_e55b586ccff1a522.txt: 晋民发〔2023〕7号, the 2023 plan.
fs::path seed_7();

// A copy of the repository's content/ in <dir>/content, without the given files or folders (relative paths).
fs::path content_without(const fs::path& dir, const std::vector<std::string>& removed);

// One ratings entry with its group, as a line to compare: "2022 excellent 20 （一）优秀等次（共20家） | 1 id printed".
std::vector<std::string> ratings_rows(const fs::path& content, const std::string& notice_id);

// The text as an HTML page, one paragraph a line, in the CJK font the test setup installs.
std::string notice_html(const std::string& text);
// The HTML made into a .docx by pandoc, and into a .pdf by headless Chromium (checked by the tests through what
// pdftotext reads back).
fs::path make_docx(const fs::path& html, const fs::path& dir);
fs::path make_pdf(const fs::path& html, const fs::path& dir);

}  // namespace gongshi::testing
