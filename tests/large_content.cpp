#include "large_content.h"

#include <catch2/catch.hpp>
#include <cstdio>

#include "io/input_files.h"
#include "load/load.h"
#include "publish/assets.h"
#include "render/render.h"
#include "validate/validate.h"

namespace gongshi::testing {

std::string example_id(int n) {
    char id[32];
    std::snprintf(id, sizeof id, "example-%04d", n);
    return id;
}

std::string example_name(const std::string& id) { return "太原市迎泽区示例街道" + id + "社区养老幸福工程（示例）"; }

std::string example_project(const std::string& id, int year, const std::string& county) {
    return "id: " + id + "\nname: " + example_name(id) + "\nyear: " + std::to_string(year) +
           "\ncity: taiyuan\ncounty: " + county + "\ntown: 示例街道\ncommunity: " + id + "社区\n";
}

std::string example_notice(const std::string& letter, const std::string& date) {
    return "---\ndoc_number: 晋民函〔2023〕9" + std::to_string(letter[0] - 'a') + "号\ntitle: 示例通报" + letter +
           "\nissuer: 山西省民政厅\nkind: 通报\ndate: " + date +
           "\nyear: 2023\ndisclosure: 主动公开\nsource_file: example.txt\nsummary: 示例通报摘要（示例数据）。\n---\n"
           "示例正文。\n\n<!-- gongshi:ratings -->\n";
}

std::string example_ratings(const std::string& notice, int first, int count) {
    std::string out = "notice: " + notice + "\ngroups:\n  - year: 2023\n    tier: good\n    declared: " +
                      std::to_string(count) + "\n    heading: （一）良好等次（共" + std::to_string(count) +
                      "家）\n    entries:\n";
    for (int i = 0; i < count; ++i) {
        const std::string id = example_id(first + i);
        out += "      - rank: " + std::to_string(i + 1) + "\n        project: " + id + "\n        printed: " +
               example_name(id) + "\n";
    }
    return out;
}

void add_large_content(const fs::path& content, const LargeContent& sizes) {
    for (int n = 1; n <= sizes.projects; ++n) {
        const std::string id = example_id(n);
        write_text(content / "projects/taiyuan" / (id + ".yaml"), example_project(id, 2023));
    }
    write_text(content / "notices/example-notice-a.md", example_notice("a", "2023-11-01"));
    write_text(content / "notices/example-notice-b.md", example_notice("b", "2023-12-01"));
    write_text(content / "ratings/example-notice-a.yaml", example_ratings("example-notice-a", 1, sizes.first_rated));
    write_text(content / "ratings/example-notice-b.yaml",
               example_ratings("example-notice-b", 1 + sizes.first_rated, sizes.second_rated));
}

model::Site site_of(const fs::path& content) {
    const io::DiskFiles disk;
    diag::Diagnostics diags;
    model::Records records = load::load_content(disk, content, diags);
    validate::validate(records, {false}, diags);
    INFO(diag::format_all(diags, disk));
    REQUIRE_FALSE(diags.has_errors());
    return model::build_model(std::move(records), false);
}

std::map<std::string, std::string> render_in_memory(const model::Site& site) {
    const io::DiskFiles disk;
    diag::Diagnostics diags;
    const render::Templates templates = render::Templates::load(disk, source_dir() / "templates", diags);
    REQUIRE_FALSE(diags.has_errors());
    render::MemorySink sink;
    const render::PublishedAssets assets = publish::publish_assets(disk, source_dir() / "assets", sink, {});
    render::render_site(site, templates, assets, sink, 2, {}, {});
    return sink.files();
}

}  // namespace gongshi::testing
