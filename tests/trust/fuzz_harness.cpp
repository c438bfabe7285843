#include "trust/fuzz_harness.h"

#include <filesystem>
#include <string>

#include "load/load.h"
#include "load/record_loaders.h"
#include "load/source_file.h"
#include "load/yaml_tree.h"
#include "model/site.h"
#include "publish/assets.h"
#include "render/output_sink.h"
#include "render/markdown.h"
#include "render/render.h"
#include "render/templates.h"
#include "validate/validate.h"

namespace gongshi::trust {

namespace fs = std::filesystem;

namespace {

const fs::path source_root = GONGSHI_SOURCE_DIR;

// The good fixture, loaded once: each input replaces or joins one of its records.
const model::Records& good_records() {
    static const model::Records records = [] {
        diag::Diagnostics diags;
        return load::load_content(io::DiskFiles(), source_root / "tests/fixtures/good", diags);
    }();
    return records;
}

const render::Templates& templates() {
    static const render::Templates t = [] {
        diag::Diagnostics diags;
        return render::Templates::load(io::DiskFiles(), source_root / "templates", diags);
    }();
    return t;
}

// The stages after loading, exactly as a build runs them, rendering into memory.
void validate_and_render(model::Records records, diag::Diagnostics& diags) {
    validate::validate(records, {false}, diags);
    for (const auto& d : diags.all()) (void)diag::format(d);
    if (diags.has_errors()) return;
    const model::Site site = model::build_model(std::move(records), false);
    render::MemorySink sink;
    render::render_site(site, templates(), publish::publish_assets(io::DiskFiles(), source_root / "assets", sink, {}), sink, 1, {}, {});
}

}  // namespace

void run_record_input(std::string_view bytes) {
    const std::string shown = "content/projects/taiyuan/fuzz.yaml";
    diag::Diagnostics diags;
    if (!load::check_source_text(bytes, shown, diags)) return;
    const auto node = load::parse_yaml(bytes, shown, diags);
    if (!node) return;
    model::Records records = good_records();
    if (auto p = load::load_project(*node, shown, diags)) records.projects.push_back(std::move(*p));
    if (auto r = load::load_rating_list(*node, shown, diags)) records.ratings.push_back(std::move(*r));
    if (auto t = load::load_task_table(*node, diags)) records.tasks.push_back(std::move(*t));
    // site.yaml and cities.yaml replace the fixture's own only when they are read without an error.
    diag::Diagnostics site_diags;
    if (auto s = load::load_site(*node, site_diags); s && !site_diags.has_errors()) records.site = std::move(*s);
    model::Records with_cities;
    diag::Diagnostics city_diags;
    load::load_cities(*node, with_cities, city_diags);
    if (!city_diags.has_errors() && !with_cities.cities.empty()) records.cities = std::move(with_cities.cities);
    validate_and_render(std::move(records), diags);
}

void run_document_input(std::string_view bytes) {
    const std::string shown = "content/notices/fuzz.md";
    diag::Diagnostics diags;
    if (!load::check_source_text(bytes, shown, diags)) return;
    const auto fm = load::split_front_matter(bytes, shown, diags);
    if (!fm) return;
    (void)render::markdown_to_html(fm->body);
    (void)render::markdown_to_text(fm->body, 120);
    const auto front = load::parse_yaml(fm->yaml, shown, diags, 1);
    if (!front) return;
    model::Records records = good_records();
    const model::Located id{"fuzz", {shown, 1, 1}};
    if (auto n = load::load_document(model::Document::Type::notice, *front, id, std::string(fm->body), fm->body_line,
                                     shown, diags))
        records.notices.push_back(std::move(*n));
    if (auto r = load::load_document(model::Document::Type::reply, *front, id, std::string(fm->body), fm->body_line,
                                     shown, diags))
        records.replies.push_back(std::move(*r));
    validate_and_render(std::move(records), diags);
}

}  // namespace gongshi::trust
