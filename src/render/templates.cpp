// The only file that sees mstch.
#include "render/templates.h"

#include "render/view_hash.h"

#include <mstch/mstch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace gongshi::render {

namespace fs = std::filesystem;

std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            // Mustache delimiters in data must never be read as tags by a later render.
            case '{': out += "&#123;"; break;
            case '}': out += "&#125;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

mstch::node to_node(const View& v) {
    struct Visitor {
        mstch::node operator()(const std::string& s) const { return s; }
        mstch::node operator()(bool b) const { return b; }
        mstch::node operator()(const ViewList& l) const {
            mstch::array a;
            a.reserve(l.size());
            for (const View& item : l) a.push_back(to_node(item));
            return a;
        }
        mstch::node operator()(const ViewMap& m) const {
            mstch::map out;
            for (const auto& [k, item] : m) out.emplace(k, to_node(item));
            return out;
        }
    };
    return std::visit(Visitor{}, v.value);
}

// mstch renders unbalanced sections without complaint; check them here so a broken template fails the build.
void check_sections(const std::string& text, const std::string& path, diag::Diagnostics& diags) {
    std::vector<std::pair<std::string, diag::SourcePos>> open;
    size_t at = 0;
    while ((at = text.find("{{", at)) != std::string::npos) {
        const size_t end = text.find("}}", at + 2);
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
        const size_t line_start = text.rfind('\n', at);
        const int col = static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
        const diag::SourcePos pos{path, line, col};
        if (end == std::string::npos) {
            diags.error(pos, "unclosed tag '{{'", "close it with '}}'");
            return;
        }
        const std::string tag = text.substr(at + 2, end - at - 2);
        if (!tag.empty() && (tag[0] == '#' || tag[0] == '^')) open.push_back({tag.substr(1), pos});
        if (!tag.empty() && tag[0] == '/') {
            if (open.empty() || open.back().first != tag.substr(1)) {
                diags.error(pos, "'{{" + tag + "}}' closes no open section",
                            open.empty() ? "remove it" : "close '" + open.back().first + "' first");
                return;
            }
            open.pop_back();
        }
        at = end + 2;
    }
    if (!open.empty())
        diags.error(open.back().second, "section '" + open.back().first + "' is never closed",
                    "add '{{/" + open.back().first + "}}'");
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The partials `text` names ("{{> name}}"), and the ones those name in turn.
std::map<std::string, std::string> used_partials(const std::string& text,
                                                 const std::map<std::string, std::string>& partials) {
    std::map<std::string, std::string> used;
    std::vector<const std::string*> todo{&text};
    while (!todo.empty()) {
        const std::string& t = *todo.back();
        todo.pop_back();
        for (size_t at = t.find("{{>"); at != std::string::npos; at = t.find("{{>", at + 3)) {
            const size_t end = t.find("}}", at + 3);
            if (end == std::string::npos) break;
            std::string name = t.substr(at + 3, end - at - 3);
            name.erase(0, name.find_first_not_of(" \t"));
            name.erase(name.find_last_not_of(" \t") + 1);
            auto p = partials.find(name);
            if (p != partials.end() && used.emplace(name, p->second).second) todo.push_back(&p->second);
        }
    }
    return used;
}

}  // namespace

Templates Templates::load(const fs::path& dir, diag::Diagnostics& diags) {
    mstch::config::escape = [](const std::string& s) { return escape_html(s); };
    Templates t;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diags.error({dir.generic_string(), 0, 0}, "templates folder not found", "pass --templates DIR");
        return t;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file() && !e.is_symlink() && e.path().extension() == ".mustache") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::string text = read_file(f);
        check_sections(text, f.generic_string(), diags);
        const std::string name = f.stem().string();
        if (f.parent_path().filename() == "partials") t.partials_[name] = std::move(text);
        else t.pages_[name] = std::move(text);
    }
    for (const auto& [name, text] : t.pages_) t.used_partials_[name] = used_partials(text, t.partials_);
    for (const char* required : {"layout", "home", "project", "project_list", "notice", "notice_list", "reply",
                                 "reply_list", "city", "city_list", "task", "rating_list", "not_found", "data", "search",
                                 "redirect", "feed", "sitemap", "changes"})
        if (!t.pages_.count(required))
            diags.error({(dir / (std::string(required) + ".mustache")).generic_string(), 0, 0},
                        "template is missing", "restore it from the repository");
    return t;
}

std::uint64_t Templates::fingerprint(const std::string& name, bool with_layout) const {
    Fingerprint f;
    f.add(name).add(pages_.at(name));
    if (with_layout) f.add(pages_.at("layout"));
    for (const auto& [partial, text] : partials_) f.add(partial).add(text);
    return f.value();
}

std::string Templates::render_bare(const std::string& name, const View& view) const {
    return mstch::render(pages_.at(name), to_node(view), used_partials_.at(name));
}

std::string Templates::render_page(const std::string& name, const View& view) const {
    mstch::node root = to_node(view);
    std::string content = mstch::render(pages_.at(name), root, used_partials_.at(name));
    boost::get<mstch::map>(root)["content"] = std::move(content);
    return mstch::render(pages_.at("layout"), root, used_partials_.at("layout"));
}

}  // namespace gongshi::render
