// Walks content/, reads each file once and hands it to the loader of its kind.
#include <algorithm>

#include "load/field_reader.h"
#include "load/load.h"
#include "load/record_loaders.h"
#include "load/source_file.h"

namespace gongshi::load {

namespace fs = std::filesystem;

namespace {

struct Walker {
    const fs::path& root;
    diag::Diagnostics& diags;
    model::Records& out;

    std::string shown(const fs::path& p) const { return p.lexically_normal().generic_string(); }

    // Files with the extension in dir (recursively if asked), sorted for a deterministic order.
    std::vector<fs::path> files(const fs::path& dir, const std::string& ext, bool recursive) {
        std::vector<fs::path> found;
        std::error_code ec;
        if (fs::is_symlink(dir, ec)) {  // the iterator would follow it out of content/
            diags.error({shown(dir), 0, 0}, "is a symbolic link",
                        "content folders must be real folders inside content/; copy the folder instead");
            return found;
        }
        if (!fs::is_directory(dir, ec)) return found;
        auto visit = [&](const fs::directory_entry& e) {
            if (e.is_symlink()) {
                diags.error({shown(e.path()), 0, 0}, "is a symbolic link",
                            "content files must be real files inside content/; copy the file instead");
                out.unreadable.insert(e.path().stem().string());
                return;
            }
            if (e.is_regular_file() && e.path().extension() == ext) found.push_back(e.path());
        };
        if (recursive) {
            for (const auto& e : fs::recursive_directory_iterator(dir, fs::directory_options::none, ec)) visit(e);
        } else {
            for (const auto& e : fs::directory_iterator(dir, ec)) visit(e);
        }
        std::sort(found.begin(), found.end());
        return found;
    }

    std::optional<YamlNode> read_yaml(const fs::path& file) {
        const std::string name = shown(file);
        auto text = read_source(file, name, diags);
        ++out.files_read;
        std::optional<YamlNode> node;
        if (text) node = parse_yaml(*text, name, diags);
        if (!node) out.unreadable.insert(file.stem().string());
        return node;
    }

    void check_file_name(const fs::path& file, const model::Located& id) {
        if (!id.value.empty() && file.stem().string() != id.value)
            diags.error(id.pos, "id '" + id.value + "' differs from the file name '" + file.filename().string() + "'",
                        "rename the file to " + id.value + file.extension().string() + " or correct the id");
    }

    void load_documents(const std::string& folder, model::Document::Type type, std::vector<model::Document>& into) {
        for (const fs::path& file : files(root / folder, ".md", false)) {
            const std::string name = shown(file);
            auto text = read_source(file, name, diags);
            ++out.files_read;
            out.unreadable.insert(file.stem().string());  // until it has loaded
            if (!text) continue;
            auto fm = split_front_matter(*text, name, diags);
            if (!fm) continue;
            auto front = parse_yaml(fm->yaml, name, diags, 1);
            if (!front) continue;
            out.unreadable.erase(file.stem().string());
            const std::string stem = file.stem().string();
            if (!is_valid_id(stem)) {
                diags.error({name, 0, 0}, "file name '" + stem + "' is not a valid id",
                            "rename the file using only a-z, 0-9 and '-', e.g. jinminhan-2024-12.md");
                continue;
            }
            auto doc = load_document(type, *front, {stem, {name, 1, 1}}, std::string(fm->body), fm->body_line, name,
                                     diags);
            if (doc) into.push_back(std::move(*doc));
        }
    }

    void run() {
        std::error_code ec;
        if (!fs::is_directory(root, ec)) {
            diags.error({shown(root), 0, 0}, "content folder not found", "pass --content DIR pointing at content/");
            return;
        }
        const fs::path site = root / "site.yaml";
        if (!fs::exists(site)) {
            diags.error({shown(site), 0, 0}, "site.yaml is missing", "create it (see docs/content-model.md)");
        } else if (auto y = read_yaml(site)) {
            out.site = load_site(*y, diags);
        }
        const fs::path cities = root / "cities.yaml";
        if (!fs::exists(cities)) {
            diags.error({shown(cities), 0, 0}, "cities.yaml is missing", "create it (see docs/content-model.md)");
        } else if (auto y = read_yaml(cities)) {
            load_cities(*y, out, diags);
        } else {
            out.cities_unreadable = true;
        }
        for (const fs::path& file : files(root / "tasks", ".yaml", false)) {
            auto y = read_yaml(file);
            if (!y) continue;
            if (auto t = load_task_table(*y, diags)) {
                if (file.stem().string() != std::to_string(t->year))
                    diags.error(t->pos, "task table for " + std::to_string(t->year) + " is in " + file.filename().string(),
                                "name the file " + std::to_string(t->year) + ".yaml");
                out.tasks.push_back(std::move(*t));
            }
        }
        for (const fs::path& file : files(root / "projects", ".yaml", true)) {
            auto y = read_yaml(file);
            if (!y) continue;
            if (auto p = load_project(*y, shown(file), diags)) {
                if (p->id.value.empty()) out.unreadable.insert(file.stem().string());
                check_file_name(file, p->id);
                out.projects.push_back(std::move(*p));
            } else {
                out.unreadable.insert(file.stem().string());  // not a mapping: no "unknown project" cascade
            }
        }
        for (const fs::path& file : files(root / "ratings", ".yaml", false)) {
            auto y = read_yaml(file);
            if (!y) continue;
            if (auto r = load_rating_list(*y, shown(file), diags)) {
                check_file_name(file, r->notice);
                out.ratings.push_back(std::move(*r));
            } else {
                out.unreadable.insert(file.stem().string());
            }
        }
        load_documents("notices", model::Document::Type::notice, out.notices);
        load_documents("replies", model::Document::Type::reply, out.replies);
    }
};

}  // namespace

model::Records load_content(const fs::path& content_dir, diag::Diagnostics& diags) {
    model::Records out;
    Walker{content_dir, diags, out}.run();
    return out;
}

}  // namespace gongshi::load
