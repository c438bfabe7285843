// Walks content/, reads each file once and hands it to the loader of its kind.
#include <algorithm>
#include <atomic>
#include <thread>

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

    // Projects are most of the files (100 000 in a national edition), so they are read and parsed on every core;
    // each file's diagnostics are collected apart and appended in file order, so the output does not depend on
    // the thread count.
    void load_projects(const std::vector<fs::path>& found) {
        struct Loaded {
            diag::Diagnostics diags;
            std::optional<model::Project> project;
            bool unreadable = false;
        };
        std::vector<Loaded> loaded(found.size());
        std::atomic<size_t> next{0};
        auto worker = [&] {
            for (size_t i = next++; i < found.size(); i = next++) {
                Loaded& l = loaded[i];
                Walker w{root, l.diags, out};
                const std::string name = shown(found[i]);
                std::optional<YamlNode> y;
                if (auto text = read_source(found[i], name, l.diags)) y = parse_yaml(*text, name, l.diags);
                if (!y) {
                    l.unreadable = true;
                    continue;
                }
                l.project = load_project(*y, name, l.diags);
                if (l.project) w.check_file_name(found[i], l.project->id);
            }
        };
        const size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), found.size() / 64 + 1);
        std::vector<std::thread> pool;
        for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
        worker();
        for (auto& t : pool) t.join();
        out.projects.reserve(out.projects.size() + found.size());
        for (size_t i = 0; i < found.size(); ++i) {
            Loaded& l = loaded[i];
            ++out.files_read;
            diags.append(l.diags);
            // unreadable, not a mapping (no "unknown project" cascade), or without an id
            if (l.unreadable || !l.project || l.project->id.value.empty()) out.unreadable.insert(found[i].stem().string());
            if (l.project) out.projects.push_back(std::move(*l.project));
        }
    }

    // False when there is no content folder at all.
    bool run_site_and_cities() {
        std::error_code ec;
        if (!fs::is_directory(root, ec)) {
            diags.error({shown(root), 0, 0}, "content folder not found", "pass --content DIR pointing at content/");
            return false;
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
        return true;
    }

    void run() {
        if (!run_site_and_cities()) return;
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
        load_projects(files(root / "projects", ".yaml", true));
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

model::Records load_site_and_cities(const fs::path& content_dir, diag::Diagnostics& diags) {
    model::Records out;
    Walker{content_dir, diags, out}.run_site_and_cities();
    return out;
}

}  // namespace gongshi::load
