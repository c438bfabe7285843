// content/published-urls.txt: every URL the site has published keeps being made; a build adds the new ones.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

constexpr const char* header = "# Every URL the site has published (gongshi adds new ones; never delete a line).\n";

struct RegistrySite {
    InputCopy in;
    fs::path registry = in.content / "published-urls.txt";
    fs::path out = in.dir.path() / "site";
    RegistrySite() { write_text(registry, header); }
    int build(std::string& output, const std::string& extra = "--no-search") {
        return run_gongshi(build_command(in.content, out, extra, in.templates, in.assets), output);
    }
    // The project renamed to a new id (file, id and the rating that names it), without an alias.
    void rename_project() {
        const fs::path old_file = in.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml";
        const fs::path new_file = in.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-new-2023.yaml";
        fs::rename(old_file, new_file);
        edit(new_file, "id: taiyuan-qingxu-jinshatan-2023", "id: taiyuan-qingxu-jinshatan-new-2023");
        edit(in.content / "ratings/jinminhan-2023-169.yaml", "project: taiyuan-qingxu-jinshatan-2023",
             "project: taiyuan-qingxu-jinshatan-new-2023");
    }
};

int line_of(const std::string& text, const std::string& line) {
    const auto at = text.find("\n" + line + "\n");
    REQUIRE(at != std::string::npos);
    int n = 1;
    for (size_t i = 0; i <= at; ++i) n += text[i] == '\n';
    return n;
}

}  // namespace

TEST_CASE("a build adds every URL it publishes to published-urls.txt, sorted, and leaves assets out", "[publish]") {
    RegistrySite s;
    std::string output;
    REQUIRE(s.build(output) == 0);
    CHECK_THAT(output, Contains("published-urls: "));
    const std::string text = read_text(s.registry);
    CHECK(text.rfind(header, 0) == 0);
    CHECK_THAT(text, Contains("\n/projects/taiyuan-qingxu-jinshatan-2023/\n"));
    CHECK_THAT(text, Contains("\n/projects/taiyuan-qingxu-old-2023/\n"));  // an alias's redirect is a URL too
    CHECK_THAT(text, Contains("\n/checks/\n"));
    CHECK_THAT(text, Contains("\n/data/projects.csv\n"));
    CHECK_THAT(text, Contains("\n/SHA256SUMS\n"));
    CHECK_THAT(text, !Contains("/assets/"));
    CHECK_THAT(text, !Contains("/_server/"));
    CHECK(text.find("\n/404.html\n") < text.find("\n/checks/\n"));  // sorted
}

TEST_CASE("the build's own addition to published-urls.txt does not make the next build a rebuild", "[publish]") {
    RegistrySite s;
    std::string output;
    REQUIRE(s.build(output) == 0);
    const std::string first = read_text(s.registry);
    REQUIRE(s.build(output) == 0);
    CHECK_THAT(output, Contains("is up to date"));
    CHECK(read_text(s.registry) == first);
}

TEST_CASE("a build with --drafts checks published-urls.txt but adds nothing to it", "[publish]") {
    RegistrySite s;
    std::string output;
    REQUIRE(s.build(output, "--no-search --drafts") == 0);
    CHECK(read_text(s.registry) == header);
}

TEST_CASE("renaming a published project without an alias fails the build at the URL's line, naming the project "
          "and the alias that keeps it", "[publish]") {
    RegistrySite s;
    std::string output;
    REQUIRE(s.build(output) == 0);
    const std::string before = read_text(s.out / "projects/taiyuan-qingxu-jinshatan-2023/index.html");
    const int line = line_of(read_text(s.registry), "/projects/taiyuan-qingxu-jinshatan-2023/");
    s.rename_project();
    REQUIRE(s.build(output) == 1);
    CHECK_THAT(output, Contains(s.registry.string() + ":" + std::to_string(line) +
                                ":1: error: /projects/taiyuan-qingxu-jinshatan-2023/ was published, but this build no "
                                "longer makes it (the page of project `taiyuan-qingxu-jinshatan-2023`) — if the "
                                "project was renamed, add `taiyuan-qingxu-jinshatan-2023` to the aliases of its new "
                                "record (content/projects/<city>/)"));
    CHECK(read_text(s.out / "projects/taiyuan-qingxu-jinshatan-2023/index.html") == before);  // the site as it was

    edit(s.in.content / "projects/taiyuan/taiyuan-qingxu-jinshatan-new-2023.yaml", "aliases: [taiyuan-qingxu-old-2023]",
         "aliases: [taiyuan-qingxu-old-2023, taiyuan-qingxu-jinshatan-2023]");
    REQUIRE(s.build(output) == 0);
    CHECK_THAT(read_text(s.out / "projects/taiyuan-qingxu-jinshatan-2023/index.html"),
               Contains("/projects/taiyuan-qingxu-jinshatan-new-2023/"));
    CHECK_THAT(read_text(s.out / "_server/nginx-http.conf"),
               Contains("    /projects/taiyuan-qingxu-jinshatan-2023/ /projects/taiyuan-qingxu-jinshatan-new-2023/;\n"));
    CHECK_THAT(read_text(s.out / "_redirects"),
               Contains("/projects/taiyuan-qingxu-jinshatan-2023/ /projects/taiyuan-qingxu-jinshatan-new-2023/ 301\n"));
    CHECK_THAT(read_text(s.registry), Contains("\n/projects/taiyuan-qingxu-jinshatan-new-2023/\n"));
}

TEST_CASE("a line of published-urls.txt that is not a site URL is an error at that line", "[publish]") {
    RegistrySite s;
    write_text(s.registry, std::string(header) + "/\nprojects/x/\n");
    std::string output;
    REQUIRE(s.build(output) == 1);
    CHECK_THAT(output, Contains(s.registry.string() + ":3:1: error: not a site URL: `projects/x/` — write one URL per "
                                                      "line, starting with / (e.g. /projects/<id>/); lines starting "
                                                      "with # are comments"));
}
