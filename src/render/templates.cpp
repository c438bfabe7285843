// The only file that sees mstch.
#include "render/templates.h"

#include <mstch/mstch.hpp>

#include <fstream>
#include <functional>
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

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
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
    std::string all;
    for (const auto& f : files) {
        std::string text = read_file(f);
        const std::string name = f.stem().string();
        all += name + '\0' + text + '\0';
        if (f.parent_path().filename() == "partials") t.partials_[name] = std::move(text);
        else t.pages_[name] = std::move(text);
    }
    t.fingerprint_ = std::to_string(std::hash<std::string>{}(all));
    for (const char* required : {"layout"})
        if (!t.pages_.count(required))
            diags.error({(dir / (std::string(required) + ".mustache")).generic_string(), 0, 0},
                        "template is missing", "restore it from the repository");
    return t;
}

std::string Templates::render_bare(const std::string& name, const View& view) const {
    return mstch::render(pages_.at(name), to_node(view), partials_);
}

std::string Templates::render_page(const std::string& name, const View& view) const {
    mstch::node root = to_node(view);
    std::string content = mstch::render(pages_.at(name), root, partials_);
    boost::get<mstch::map>(root)["content"] = std::move(content);
    return mstch::render(pages_.at("layout"), root, partials_);
}

}  // namespace gongshi::render
