// How the preview maps request paths onto the built site: folders, pages, content types, and no way out of
// it.
#include "serve/site_files.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace gongshi;
using namespace gongshi::testing;
using Kind = serve::SiteFile::Kind;

namespace {

// A small built site in <tmp>/site and a file beside it that must never be served.
struct SmallSite {
    TempDir tmp;
    fs::path root = tmp.path() / "site";
    SmallSite() {
        write_text(root / "index.html", "<p>home</p>");
        write_text(root / "projects" / "index.html", "<p>projects</p>");
        write_text(root / "assets" / "style.css", "body{}");
        write_text(tmp.path() / "secret.txt", "SECRET");
    }
};

}  // namespace

TEST_CASE("a folder request with its slash serves the folder's index.html as a page", "[serve]") {
    SmallSite s;
    const auto home = serve::find_site_file(s.root, "/");
    CHECK(home.kind == Kind::file);
    CHECK(home.path == s.root / "index.html");
    CHECK(home.is_page);
    const auto list = serve::find_site_file(s.root, "/projects/");
    CHECK(list.kind == Kind::file);
    CHECK(list.path == s.root / "projects" / "index.html");
}

TEST_CASE("a folder request without its slash is redirected to the slash form", "[serve]") {
    SmallSite s;
    CHECK(serve::find_site_file(s.root, "/projects").kind == Kind::add_slash);
}

TEST_CASE("a file is served as itself and is not a page unless it is HTML", "[serve]") {
    SmallSite s;
    const auto css = serve::find_site_file(s.root, "/assets/style.css");
    CHECK(css.kind == Kind::file);
    CHECK_FALSE(css.is_page);
}

TEST_CASE("a missing path is missing, and a page if it looks like one", "[serve]") {
    SmallSite s;
    const auto page = serve::find_site_file(s.root, "/projects/nobody/");
    CHECK(page.kind == Kind::missing);
    CHECK(page.is_page);
    const auto css = serve::find_site_file(s.root, "/assets/gone.css");
    CHECK(css.kind == Kind::missing);
    CHECK_FALSE(css.is_page);
}

TEST_CASE("a path with '..', '.' or a backslash is refused, whatever follows", "[serve]") {
    SmallSite s;
    for (const char* path :
         {"/../secret.txt", "/projects/../../secret.txt", "/./index.html", "/..", "/projects/..",
          "/..\\secret.txt", "/assets\\..\\..\\secret.txt", "relative/index.html", ""}) {
        INFO(path);
        CHECK(serve::find_site_file(s.root, path).kind == Kind::forbidden);
    }
}

TEST_CASE("a symbolic link out of the site is not followed", "[serve]") {
    SmallSite s;
    fs::create_symlink(s.tmp.path() / "secret.txt", s.root / "link.txt");
    CHECK(serve::find_site_file(s.root, "/link.txt").kind == Kind::missing);
}

TEST_CASE("content types follow the file extension, Pagefind's index files are binary", "[serve]") {
    CHECK(serve::content_type_for("index.html") == "text/html; charset=utf-8");
    CHECK(serve::content_type_for("style.css") == "text/css; charset=utf-8");
    CHECK(serve::content_type_for("site.js") == "text/javascript; charset=utf-8");
    CHECK(serve::content_type_for("chart.svg") == "image/svg+xml; charset=utf-8");
    CHECK(serve::content_type_for("feed.xml") == "application/xml; charset=utf-8");
    CHECK(serve::content_type_for("projects.json") == "application/json; charset=utf-8");
    CHECK(serve::content_type_for("projects.csv") == "text/csv; charset=utf-8");
    CHECK(serve::content_type_for("robots.txt") == "text/plain; charset=utf-8");
    CHECK(serve::content_type_for("pagefind.wasm") == "application/wasm");
    CHECK(serve::content_type_for("zh_abc.pf_meta") == "application/octet-stream");
    CHECK(serve::content_type_for("zh_abc.pf_fragment") == "application/octet-stream");
    CHECK(serve::content_type_for("wasm.zh.pagefind") == "application/octet-stream");
    CHECK(serve::content_type_for("INDEX.HTML") == "text/html; charset=utf-8");
    CHECK(serve::content_type_for("no-extension") == "application/octet-stream");
}
