// The compiled Mustache renderer against mstch (the library it replaced) as the oracle, and its syntax errors.
#include <catch2/catch.hpp>

#include <mstch/mstch.hpp>

#include "load/load.h"
#include "model/site.h"
#include "render/mustache.h"
#include "render/page_list.h"
#include "render/templates.h"
#include "render/view_hash.h"
#include "test_support.h"

using namespace gongshi;
using namespace gongshi::testing;
using render::View;
using render::ViewList;
using render::ViewMap;

namespace {

mstch::node to_node(const View& v) {
    struct Visitor {
        mstch::node operator()(const std::string& s) const { return s; }
        mstch::node operator()(bool b) const { return b; }
        mstch::node operator()(const ViewList& l) const {
            mstch::array a;
            for (const View& item : l) a.push_back(to_node(item));
            return a;
        }
        mstch::node operator()(const ViewMap& m) const {
            mstch::map out;
            // Own fields, then each layer of shared fields under them, unless a field above hides one of the same name.
            for (const ViewMap* layer = &m; layer; layer = layer->shared() ? &layer->shared()->fields : nullptr)
                for (const auto& [k, item] : *layer) out.emplace(k, to_node(item));
            return out;
        }
    };
    return std::visit(Visitor{}, v.value);
}

// mstch with gongshi's escaping, as render/templates.cpp used it before render/mustache.cpp replaced it.
std::string with_mstch(const std::string& text, const mstch::node& root, const std::map<std::string, std::string>& partials) {
    mstch::config::escape = [](const std::string& s) { return render::escape_html(s); };
    return mstch::render(text, root, partials);
}

std::string with_mstch(const std::string& text, const View& view, const std::map<std::string, std::string>& partials = {}) {
    return with_mstch(text, to_node(view), partials);
}

// A page as templates.cpp rendered it with mstch: the page template, then the layout with {{{content}}} added.
std::string page_with_mstch(const std::string& page, const std::string& layout, const View& view,
                            const std::map<std::string, std::string>& partials) {
    mstch::node root = to_node(view);
    std::string content = with_mstch(page, root, partials);
    boost::get<mstch::map>(root)["content"] = std::move(content);
    return with_mstch(layout, root, partials);
}

std::string with_ours(const std::string& text, const View& view, const std::map<std::string, std::string>& partials = {}) {
    diag::Diagnostics diags;
    render::mustache::Partials compiled;
    for (const auto& [name, t] : partials) compiled[name] = render::mustache::Template::compile(t, name, diags);
    const auto tmpl = render::mustache::Template::compile(text, "t.mustache", diags);
    REQUIRE(diags.all().empty());
    std::string out;
    tmpl.render(view, compiled, out);
    return out;
}

View sample_view() {
    View v;
    v["title"] = "<b>标题</b> & \"引号\" 'x' {{tag}}";
    v["empty"] = "";
    v["yes"] = true;
    v["no"] = false;
    v["items"] = ViewList{View("一"), View("二"), View("<三>")};
    View a, b;
    a["name"] = "甲";
    a["flag"] = true;
    b["name"] = "乙";
    b["flag"] = false;
    b["title"] = "inner title";
    // Rows standing on shared fields (a project's row in every list): one hides a shared field with its own.
    hash::Fingerprint scratch;
    ViewMap link;  // two layers: the row's shared fields stand on a shared link (ProjectRows)
    link["name"] = "丙 <共享>";
    link["title"] = "hidden by the layer above";
    ViewMap common = ViewMap::over(render::share_fields(std::move(link), scratch));
    common["flag"] = true;
    common["title"] = "shared title";
    const auto shared = render::share_fields(std::move(common), scratch);
    View c(ViewMap::over(shared)), d(ViewMap::over(shared));
    c["title"] = "own title";
    v["rows"] = ViewList{a, b, c, d};
    v["none"] = ViewList{};
    View nested;
    nested["deep"]["value"] = "深";
    v["nested"] = nested;
    return v;
}

}  // namespace

TEST_CASE("the renderer writes what mstch writes for every Mustache construct our templates can use", "[render]") {
    const View v = sample_view();
    const std::map<std::string, std::string> partials{
        {"row", "<li>{{name}}</li>\n"},
        {"block", "<div>\n  {{title}}\n{{#rows}}\n<p>{{name}}</p>\n{{/rows}}\n</div>\n"},
        {"nested_partial", "before\n  {{> row}}\nafter\n"},
    };
    const std::vector<std::string> templates{
        "plain text, no tags\nsecond line",
        "{{title}}|{{{title}}}|{{&title}}|{{ title }}|{{missing}}|{{yes}}|{{no}}|{{items}}",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}not-no{{/no}}{{#empty}}E{{/empty}}{{^empty}}not-empty{{/empty}}",
        "{{#items}}[{{.}}]{{/items}}{{^none}}nothing{{/none}}{{#none}}never{{/none}}",
        "<ul>\n{{#rows}}\n  <li>{{name}}{{#flag}} ✓{{/flag}} {{title}}</li>\n{{/rows}}\n</ul>\n",
        "{{#nested}}{{deep.value}}{{/nested}}|{{nested.deep.value}}|{{nested.missing.value}}",
        "  {{#rows}}  \n  {{name}}\n  {{/rows}}  \n",
        "{{! a comment }}\nline\n  {{! standalone comment }}  \nend {{! inline }} here\n",
        "<ol>\n  {{> row}}\n  {{#rows}}\n    {{> row}}\n  {{/rows}}\n</ol>\n",
        "{{> block}}{{> missing_partial}}\n",
        "\t{{> nested_partial}}\n",
        "<main>\n  {{> block}}\n</main>\n",
        "{{#rows}}{{/rows}}\n{{#yes}}\n{{/yes}}",
        "no newline at the end {{title}}",
        "{{#rows}}{{name}}{{/rows}} {{#yes}}\n  x\n{{/yes}}\r\n{{#yes}}\r\nin\r\n{{/yes}}\r\n",
    };
    for (const std::string& t : templates) {
        INFO(t);
        CHECK(with_ours(t, v, partials) == with_mstch(t, v, partials));
    }
}

TEST_CASE("fields shared by many views count in each view's fingerprint, as their own fields do", "[render]") {
    hash::Fingerprint scratch;
    const auto shared_of = [&](const std::string& name) {
        ViewMap m;
        m["name"] = name;
        m["year"] = 2024;
        return render::share_fields(std::move(m), scratch);
    };
    const auto row = [](const std::shared_ptr<const render::SharedFields>& shared, const std::string& rank) {
        View r(ViewMap::over(shared));
        if (!rank.empty()) r["rank"] = rank;
        return r;
    };
    const auto fingerprint = [](const View& v) { hash::Fingerprint f; return render::add_view(f, v).value(); };
    const auto a = shared_of("甲"), a_again = shared_of("甲"), b = shared_of("乙");
    CHECK(a->fingerprint == a_again->fingerprint);  // made with the same scratch, reset each time
    CHECK(fingerprint(row(a, "1")) == fingerprint(row(a_again, "1")));
    CHECK(fingerprint(row(a, "1")) != fingerprint(row(b, "1")));  // a shared field changed
    CHECK(fingerprint(row(a, "1")) != fingerprint(row(a, "2")));  // an own field changed
    CHECK(fingerprint(row(a, "")) != fingerprint(row(a, "1")));
    // A plain map with the same fields is a different view-model (its fingerprint need not match), but lookups agree.
    View lookup = row(a, "1");
    CHECK(std::get<ViewMap>(lookup.value).get("name") != nullptr);
    CHECK(std::get<std::string>(std::get<ViewMap>(lookup.value).get("name")->value) == "甲");
    CHECK(std::get<ViewMap>(lookup.value).get("missing") == nullptr);
}

TEST_CASE("every page of the real content renders byte for byte as mstch renders it", "[render]") {
    diag::Diagnostics diags;
    model::Records records = load::load_content(io::DiskFiles(), source_dir() / "content", diags);
    REQUIRE(!diags.has_errors());
    const model::Site site = model::build_model(std::move(records), false);
    const auto templates = render::Templates::load(io::DiskFiles(), source_dir() / "templates", diags);
    REQUIRE(!diags.has_errors());

    std::map<std::string, std::string> texts, partial_texts;
    for (const auto& e : fs::recursive_directory_iterator(source_dir() / "templates"))
        if (e.path().extension() == ".mustache")
            (e.path().parent_path().filename() == "partials" ? partial_texts : texts)[e.path().stem().string()] =
                read_text(e.path());

    const render::Assets assets{"/assets/style.css", "/assets/site.js", "/assets/search.js"};
    int compared = 0;
    const render::PageList list = render::list_pages(site, assets);
    for (const auto& job : list.jobs) {
        if (job.kind == render::PageJob::Kind::raw) continue;
        INFO(job.path);
        const View view = job.view();
        if (job.kind == render::PageJob::Kind::page) {
            CHECK(templates.render_page(job.template_name, view) ==
                  page_with_mstch(texts.at(job.template_name), texts.at("layout"), view, partial_texts));
        } else {
            CHECK(templates.render_bare(job.template_name, view) == with_mstch(texts.at(job.template_name), view, partial_texts));
        }
        ++compared;
    }
    CHECK(compared > 150);
}

TEST_CASE("a template's syntax error is reported at its line and column", "[render]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"<p>\n  {{title</p>", "t.mustache:2:3: error: unclosed tag '{{' — close it with '}}'"},
        {"{{#a}}\n{{/b}}", "t.mustache:2:1: error: '{{/b}}' closes no open section — close 'a' first"},
        {"x {{/a}}", "t.mustache:1:3: error: '{{/a}}' closes no open section — remove it"},
        {"line\n {{#rows}}\n{{name}}", "t.mustache:2:2: error: section 'rows' is never closed — add '{{/rows}}'"},
        {"{{=<% %>=}}", "t.mustache:1:1: error: set-delimiter tags ('{{=…=}}') are not supported — use the default '{{' and '}}'"},
        {"a {{ }}", "t.mustache:1:3: error: empty tag '{{}}' — name a value, or remove the tag"},
        {"{{#}}", "t.mustache:1:1: error: tag '{{#}}' names nothing — name a value after the sigil"},
    };
    for (const auto& [text, message] : cases) {
        INFO(text);
        diag::Diagnostics diags;
        const auto t = render::mustache::Template::compile(text, "t.mustache", diags);
        REQUIRE(diags.all().size() == 1);
        CHECK(diag::format(diags.all()[0]) == message);
        std::string out;
        t.render(sample_view(), {}, out);
        CHECK(out.empty());
    }
}

TEST_CASE("a partial that includes itself is an error at load, not an endless render", "[render]") {
    TempDir dir;
    fs::copy(source_dir() / "templates", dir.path() / "templates", fs::copy_options::recursive);
    write_text(dir.path() / "templates/partials/loop_a.mustache", "a {{> loop_b}}");
    write_text(dir.path() / "templates/partials/loop_b.mustache", "b {{#x}}{{> loop_a}}{{/x}}");
    diag::Diagnostics diags;
    render::Templates::load(io::DiskFiles(), dir.path() / "templates", diags);
    std::vector<std::string> messages;
    for (const auto& d : diags.all()) messages.push_back(diag::format(d));
    const std::string root = (dir.path() / "templates/partials/").generic_string();
    CHECK(messages == std::vector<std::string>{
                          root + "loop_a.mustache: error: partial 'loop_a' includes itself — remove the '{{> loop_a}}' that leads back to it",
                          root + "loop_b.mustache: error: partial 'loop_b' includes itself — remove the '{{> loop_b}}' that leads back to it"});
}

TEST_CASE("escaping gives every byte that needs an entity its entity, wherever it falls in short and long text",
          "[render]") {
    // The reference: byte by byte, as the escaper was before it learned to skip 16 plain bytes at a time.
    const auto reference = [](std::string_view s) {
        std::string out;
        for (char c : s) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                case '{': out += "&#123;"; break;
                case '}': out += "&#125;"; break;
                default: out += c;
            }
        }
        return out;
    };
    const std::string fillers[] = {"a", "养老", "/projects/x-1/", "\xe2\x80\xa6", " "};
    int checked = 0;
    for (const std::string& filler : fillers) {
        for (size_t length = 0; length <= 40; ++length) {
            std::string plain;
            while (plain.size() < length) plain += filler;
            CHECK(render::escape_html(plain) == reference(plain));
            for (char special : std::string("&<>\"'{}")) {
                for (size_t at = 0; at <= plain.size(); ++at) {
                    std::string s = plain;
                    s.insert(at, 1, special);
                    INFO("text: " << s);
                    CHECK(render::escape_html(s) == reference(s));
                    s += special;  // a second one, at the end
                    CHECK(render::escape_html(s) == reference(s));
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 10000);
    const std::string all = "<a href=\"x\">{{t}}</a> & 'q' — " + std::string(100, 'x') + "<>";
    CHECK(render::escape_html(all) == reference(all));
}
