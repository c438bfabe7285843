// Editorial notes (notes: on a notice or reply): loaded with their quotes, checked word for word against the
// documents they quote, and shown on the document's page and on /checks/.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

const char* notice = "notices/jinminhan-2023-169.md";

// A note on the fixture's 169号 quoting its own opening words and the title of the fixture's 7号; `second_quote`
// replaces the second quote's lines (the note's front matter starts at line 10 of the file).
std::string note(const std::string& first_text = "通报正文开头", const std::string& second_quote =
                                                                      "      - where: 方案标题\n"
                                                                      "        text: 测试实施方案\n"
                                                                      "        document: jinminfa-2023-7\n",
                 const std::string& id = "opening") {
    return "source_file: test.txt\n"
           "notes:\n"
           "  - id: " + id + "\n"
           "    about: 两处说法<b>不一</b>\n"
           "    explanation: 编者说明<script>alert(1)</script>\n"
           "    quotes:\n"
           "      - where: 正文开头\n"
           "        text: " + first_text + "\n" +
           second_quote;
}

std::vector<std::string> errors_with(const std::string& front_matter) {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / notice, "source_file: test.txt\n", front_matter);
    return check_errors(content);
}

}  // namespace

TEST_CASE("an editorial note whose quotes stand in the documents is shown, escaped, on the document's page and on "
          "/checks/", "[validate][render]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / notice, "source_file: test.txt\n", note());
    REQUIRE(check_errors(content).empty());
    std::string output;
    const fs::path out = dir.path() / "site";
    REQUIRE(run_gongshi(build_command(content, out, "--no-search"), output) == 0);

    const std::string page = read_text(out / "notices/jinminhan-2023-169/index.html");
    CHECK_THAT(page, Contains("<div class=\"editorial-note\" id=\"note-opening\">"));
    CHECK_THAT(page, Contains("<h3>两处说法&lt;b&gt;不一&lt;/b&gt;</h3>"));
    CHECK_THAT(page, Contains("<li>正文开头：<q>通报正文开头</q></li>"));
    CHECK_THAT(page, Contains("<li>方案标题（<a href=\"/notices/jinminfa-2023-7/\">晋民发〔2023〕7号</a>）：<q>测试实施方案</q></li>"));
    CHECK_THAT(page, Contains("编者说明&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(page, !Contains("<script>alert"));

    const std::string checks = read_text(out / "checks/index.html");
    CHECK_THAT(checks, Contains("共1处"));
    CHECK_THAT(checks, Contains("<a href=\"/notices/jinminhan-2023-169/#note-opening\">两处说法&lt;b&gt;不一&lt;/b&gt;</a>"));
    CHECK_THAT(checks, Contains("方案标题（晋民发〔2023〕7号）作<q>测试实施方案</q>"));

    // The notice without notes has no notes section; /checks/ without any note says so.
    CHECK_THAT(read_text(out / "notices/jinminfa-2023-7/index.html"), !Contains("editorial-note"));
}

TEST_CASE("a quote that is not word for word in its document is an error at the quote", "[validate]") {
    CHECK(errors_with(note("通报正文的开头")) ==
          std::vector<std::string>{"content/notices/jinminhan-2023-169.md:16:15: error: the quoted passage is not in this "
                                   "document's text — copy the passage word for word from the document as transcribed "
                                   "(only spaces and line breaks may differ)"});
    CHECK(errors_with(note("通报正文开头", "      - where: 方案标题\n        text: 测试通报\n        document: jinminfa-2023-7\n")) ==
          std::vector<std::string>{"content/notices/jinminhan-2023-169.md:18:15: error: the quoted passage is not in "
                                   "jinminfa-2023-7's text — copy the passage word for word from the document as "
                                   "transcribed (only spaces and line breaks may differ)"});
    // Spaces and line breaks may differ.
    CHECK(errors_with(note("通报 正文开头")).empty());
}

TEST_CASE("a quote from a document that does not exist is an error at its id", "[validate]") {
    CHECK(errors_with(note("通报正文开头", "      - where: 方案标题\n        text: 测试实施方案\n        document: jinminfa-2023-8\n")) ==
          std::vector<std::string>{"content/notices/jinminhan-2023-169.md:19:19: error: the quote names document "
                                   "jinminfa-2023-8, which is not in notices/ or replies/ — write the id of the document "
                                   "the passage is quoted from (its file name without .md)"});
}

TEST_CASE("a note needs the two passages that disagree, and an id of its own", "[validate]") {
    CHECK(errors_with(note("通报正文开头", "")) ==
          std::vector<std::string>{"content/notices/jinminhan-2023-169.md:15:7: error: a note quotes 1 passage(s); it "
                                   "needs at least the two that disagree — add each passage under quotes: with where "
                                   "it stands and its text as printed"});
    const std::string twice = note() + note().substr(std::string("source_file: test.txt\nnotes:\n").size());
    CHECK(errors_with(twice) == std::vector<std::string>{
                                    "content/notices/jinminhan-2023-169.md:20:5: error: a second note with id opening on "
                                    "this document — give every note of a document its own id"});
}
