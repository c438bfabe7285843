// Reading files: encoding, line ends, size, links, front matter, YAML syntax — each a located error.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;

namespace {

const char* project = "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml";

std::vector<std::string> errors_with_project_text(const std::string& text) {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    write_text(content / project, text);
    return check_errors(content);
}

std::string good_project() { return read_text(fixture("good") / project); }

}  // namespace

TEST_CASE("invalid YAML is an error at the parser's position", "[load]") {
    CHECK(errors_with_project_text("id: a\nname: [unclosed\n") ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:3:1: error: "
                                   "invalid YAML: flow sequence without a closing bracket — fix the syntax at this position "
                                   "(indentation, quotes, a missing ':')"});
}

TEST_CASE("a duplicate key is an error at the second key", "[load]") {
    CHECK(errors_with_project_text(good_project() + "year: 2023\n") ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:8:1: error: "
                                   "duplicate key 'year' — keep one of the two entries and delete the other"});
}

TEST_CASE("a byte-order mark, CR LF line ends and bad UTF-8 are errors at their position", "[load]") {
    const std::string prefix = "content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml:";
    CHECK(errors_with_project_text("\xEF\xBB\xBF" + good_project()) ==
          std::vector<std::string>{prefix + "1:1: error: file starts with a byte-order mark (BOM) — save it as UTF-8 "
                                            "without BOM"});
    CHECK(errors_with_project_text("id: x\r\n") ==
          std::vector<std::string>{prefix + "1:6: error: Windows line end (CR LF) — save the file with Unix (LF) line ends"});
    CHECK(errors_with_project_text("id: x\nname: \xC3\x28\n") ==
          std::vector<std::string>{prefix + "2:7: error: invalid UTF-8 byte sequence — save the file as UTF-8 (it may be GBK)"});
}

TEST_CASE("an empty file and a file too large are errors naming the file", "[load]") {
    const std::string prefix = "content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml: error: ";
    CHECK(errors_with_project_text("") ==
          std::vector<std::string>{prefix + "file is empty — fill it in (see docs/content-model.md) or delete it"});
    CHECK(errors_with_project_text("name: " + std::string(10 * 1024 * 1024, 'x') + "\n") ==
          std::vector<std::string>{prefix + "file is larger than 4 MiB — split it, or check that it is the right file"});
}

TEST_CASE("a symbolic link in content/ is refused", "[load]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    write_text(dir.path() / "outside.yaml", good_project());
    fs::remove(content / project);
    fs::create_symlink(dir.path() / "outside.yaml", content / project);
    CHECK(check_errors(content) ==
          std::vector<std::string>{"content/projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml: error: is a "
                                   "symbolic link — content files must be real files inside content/; copy the file instead"});
}

TEST_CASE("a notice without closed front matter is an error at line 1", "[load]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    write_text(content / "notices/jinminfa-2023-7.md", "---\ntitle: x\n正文\n");
    CHECK(check_errors(content) ==
          std::vector<std::string>{"content/notices/jinminfa-2023-7.md:1:1: error: front matter is not closed — add a "
                                   "line '---' after the last YAML field"});
}

TEST_CASE("front matter errors point at the line in the Markdown file", "[load]") {
    TempDir dir;
    const fs::path content = copy_fixture("good", dir.path());
    edit(content / "notices/jinminfa-2023-7.md", "disclosure: 依申请公开", "disclosure: 公开");
    CHECK(check_errors(content) ==
          std::vector<std::string>{"content/notices/jinminfa-2023-7.md:8:13: error: '公开' is not a valid disclosure of "
                                   "notice — use one of: 主动公开 | 依申请公开 | 可以公开 | 不予公开 | 未注明"});
}
