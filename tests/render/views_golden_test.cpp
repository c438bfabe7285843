// The views as a reader gets them: a few pages of the good fixture rendered through the in-memory sink (no binary,
// no staging folder) and compared byte for byte with the golden files in tests/fixtures/golden/. After a deliberate
// change to a template, a view or an asset, rewrite them with GONGSHI_UPDATE_GOLDEN=1 and read the diff.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "io/input_files.h"
#include "load/load.h"
#include "model/site.h"
#include "publish/assets.h"
#include "render/render.h"
#include "test_support.h"
#include "validate/validate.h"

using namespace gongshi;
using namespace gongshi::testing;

namespace {

std::map<std::string, std::string> render_fixture() {
    const io::DiskFiles disk;
    diag::Diagnostics diags;
    model::Records records = load::load_content(disk, fixture("good"), diags);
    validate::validate(records, {false}, diags);
    const render::Templates templates = render::Templates::load(disk, source_dir() / "templates", diags);
    INFO(diag::format_all(diags, disk));
    REQUIRE_FALSE(diags.has_errors());
    const model::Site site = model::build_model(std::move(records), false);
    render::MemorySink sink;
    const render::PublishedAssets assets = publish::publish_assets(disk, source_dir() / "assets", sink, {});
    render::render_site(site, templates, assets, sink, 2, {}, {});
    return sink.files();
}

}  // namespace

TEST_CASE("pages of every kind render exactly as their golden files", "[render][golden]") {
    const auto files = render_fixture();
    const bool update = std::getenv("GONGSHI_UPDATE_GOLDEN") != nullptr;
    for (const std::string page : {"index.html", "projects/taiyuan-qingxu-jinshatan-2023/index.html",
                                   "ratings/2023/good/index.html", "notices/jinminhan-2023-169/index.html",
                                   "replies/changminhan-2023-94/index.html", "cities/taiyuan/index.html",
                                   "tasks/2023/index.html", "projects/index.html", "404.html", "feed.xml",
                                   "projects/taiyuan-qingxu-old-2023/index.html"}) {
        INFO(page);
        REQUIRE(files.count(page) == 1);
        const fs::path golden = fixture("golden") / page;
        if (update) {
            fs::create_directories(golden.parent_path());
            write_text(golden, files.at(page));
        }
        REQUIRE(fs::exists(golden));
        CHECK(files.at(page) == read_text(golden));
    }
}
