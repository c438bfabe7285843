// Loads and compiles the templates folder once; renders pages with the compiled templates (render/mustache.h).
#include "render/templates.h"

#include "hash/fingerprint.h"

#include <algorithm>
#include <set>

namespace gongshi::render {

namespace fs = std::filesystem;

std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    mustache::append_escaped(out, s);
    return out;
}

namespace {

// A partial that includes itself (directly or through others) would render forever: an error at its file.
void check_partial_cycles(const mustache::Partials& partials, const std::filesystem::path& dir,
                          diag::Diagnostics& diags) {
    for (const auto& [name, partial] : partials) {
        std::set<std::string> seen;
        std::vector<std::string> todo = partial.partial_names();
        while (!todo.empty()) {
            const std::string next = todo.back();
            todo.pop_back();
            if (next == name) {
                diags.error({(dir / "partials" / (name + ".mustache")).generic_string(), 0, 0},
                            "partial '" + name + "' includes itself", "remove the '{{> " + name + "}}' that leads back to it");
                break;
            }
            const auto it = partials.find(next);
            if (it != partials.end() && seen.insert(next).second)
                for (auto& n : it->second.partial_names()) todo.push_back(std::move(n));
        }
    }
}

}  // namespace

Templates Templates::load(const io::InputFiles& input, const fs::path& dir, diag::Diagnostics& diags) {
    Templates t;
    if (input.kind(dir) != io::FileKind::folder) {
        diags.error({dir.generic_string(), 0, 0}, "templates folder not found", "pass --templates DIR");
        return t;
    }
    std::vector<fs::path> files;
    for (const io::Entry& e : input.list(dir, true))
        if (e.kind == io::FileKind::file && e.path.extension() == ".mustache") files.push_back(e.path);
    std::map<std::string, std::string> page_texts, partial_texts;
    for (const auto& f : files) {
        io::ReadResult read = input.read(f, static_cast<std::uintmax_t>(-1));
        if (!read.bytes) {
            diags.error({f.generic_string(), 0, 0}, "cannot be read", "check the file's permissions");
            continue;
        }
        std::string text = std::move(*read.bytes);
        mustache::Template compiled = mustache::Template::compile(text, f.generic_string(), diags);
        const std::string name = f.stem().string();
        if (f.parent_path().filename() == "partials") {
            t.partials_[name] = std::move(compiled);
            partial_texts[name] = std::move(text);
        } else {
            t.pages_[name] = std::move(compiled);
            page_texts[name] = std::move(text);
        }
    }
    check_partial_cycles(t.partials_, dir, diags);
    for (const char* required : {"layout", "home", "project", "project_list", "notice", "notice_list", "reply",
                                 "reply_list", "city", "city_list", "task", "rating_list", "not_found", "data", "search",
                                 "redirect", "feed", "sitemap", "sitemap_index", "changes", "city_year"})
        if (!t.pages_.count(required))
            diags.error({(dir / (std::string(required) + ".mustache")).generic_string(), 0, 0},
                        "template is missing", "restore it from the repository");
    if (diags.has_errors()) return t;

    hash::Fingerprint partials;
    for (const auto& [name, text] : partial_texts) partials.add(name).add(text);
    for (const auto& [name, text] : page_texts) {
        t.fingerprint_bare_[name] = hash::Fingerprint().add(name).add(text).add(partials.value()).value();
        t.fingerprint_page_[name] =
            hash::Fingerprint().add(name).add(text).add(page_texts.at("layout")).add(partials.value()).value();
    }
    return t;
}

std::uint64_t Templates::fingerprint(const std::string& name, bool with_layout) const {
    return (with_layout ? fingerprint_page_ : fingerprint_bare_).at(name);
}

std::string Templates::render_bare(const std::string& name, const View& view) const {
    std::string out;
    pages_.at(name).render(view, partials_, out);
    return out;
}

std::string Templates::render_page(const std::string& name, const View& view) const {
    View overlay;
    overlay["content"] = std::string();
    std::string& content = std::get<std::string>(overlay["content"].value);
    pages_.at(name).render(view, partials_, content);
    std::string out;
    out.reserve(content.size() + 8192);
    pages_.at("layout").render(view, partials_, out, &overlay);
    return out;
}

}  // namespace gongshi::render
