// What the preview adds to pages (the live-reload tag) and the error page it shows while a build has failed.
#include "serve/live_reload.h"

#include <catch2/catch.hpp>

#include "serve/error_page.h"
#include "test_support.h"

using namespace gongshi;
using namespace gongshi::testing;

TEST_CASE("the live-reload tag goes before the last </body>, whatever its case", "[serve]") {
    CHECK(serve::inject_live_reload("<body><p>x</p></body>\n</html>", "7-1") ==
          "<body><p>x</p><script src=\"/__gongshi/live-reload.js\" "
          "data-version=\"7-1\"></script>\n</body>\n</html>");
    CHECK(serve::inject_live_reload("<p>&lt;/body&gt;</p></BODY>", "7-2") ==
          "<p>&lt;/body&gt;</p><script src=\"/__gongshi/live-reload.js\" "
          "data-version=\"7-2\"></script>\n</BODY>");
}

TEST_CASE("a page without </body> gets the live-reload tag at its end", "[serve]") {
    CHECK(serve::inject_live_reload("<p>x</p>", "1-0") ==
          "<p>x</p><script src=\"/__gongshi/live-reload.js\" data-version=\"1-0\"></script>\n");
}

TEST_CASE("a version event is one Server-Sent Event with the version as its data", "[serve]") {
    CHECK(serve::version_event("123-4") == "retry: 1000\ndata: 123-4\n\n");
}

TEST_CASE("the error page lists each diagnostic with its location and the source line, all escaped",
          "[serve]") {
    TempDir tmp;
    const fs::path file = tmp.path() / "content" / "projects" / "x.yaml";
    write_text(file, "id: x\nname: <script>alert(1)</script> & [\n");
    diag::Diagnostics diags;
    diags.error({file.string(), 2, 7}, "bad <name> \"quoted\"", "write it as 'plain' text");
    diags.warning({file.string(), 0, 0}, "a warning", "");
    const std::string page = serve::render_error_page(diags.sorted(), io::DiskFiles());
    CHECK_THAT(page, Catch::Contains(file.string() + ":2:7"));
    CHECK_THAT(page, Catch::Contains("bad &lt;name&gt; &quot;quoted&quot;"));
    CHECK_THAT(page, Catch::Contains("write it as &#39;plain&#39; text"));
    CHECK_THAT(
        page, Catch::Contains("2 | </span>name: <mark>&lt;</mark>script&gt;alert(1)&lt;/script&gt; &amp; ["));
    CHECK_THAT(page, Catch::Contains("1 个错误"));
    CHECK_THAT(page, Catch::Contains("a warning"));
    CHECK_THAT(page, !Catch::Contains("<script>alert"));
    CHECK_THAT(page, !Catch::Contains("<name>"));
}

TEST_CASE("the error page marks the character at the column, counted in characters as every position is",
          "[serve]") {
    TempDir tmp;
    const fs::path file = tmp.path() / "x.yaml";
    write_text(file, "id: x\nname: 金沙滩: 社区\n");
    diag::Diagnostics diags;
    diags.error({file.string(), 2, 10}, "invalid YAML: invalid nested block mapping on the same line", "");
    diags.error({file.string(), 2, 8}, "a Chinese character marked whole", "");
    diags.error({file.string(), 2, 40}, "past the line's end: no mark", "");
    diags.error({file.string(), 3, 1}, "past the end: no line", "");
    const std::string page = serve::render_error_page(diags.sorted(), io::DiskFiles());
    CHECK_THAT(page, Catch::Contains("2 | </span>name: 金沙滩<mark>:</mark> 社区</pre>"));
    CHECK_THAT(page, Catch::Contains("2 | </span>name: 金<mark>沙</mark>滩: 社区</pre>"));
    CHECK_THAT(page, Catch::Contains("2 | </span>name: 金沙滩: 社区</pre>"));
    CHECK_THAT(page, !Catch::Contains("3 | "));
}
