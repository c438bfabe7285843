// Walks content/, reads each file once and hands it to the loader of its kind.
#include <algorithm>
#include <atomic>
#include <thread>

#include <xxhash.h>

#include "load/field_reader.h"
#include "load/load.h"
#include "load/progress_loaders.h"
#include "load/record_loaders.h"
#include "load/source_file.h"

namespace gongshi::load {

namespace fs = std::filesystem;

namespace {

struct Walker {
    const io::InputFiles& input;
    const fs::path& root;
    diag::Diagnostics& diags;
    model::Records& out;

    std::string shown(const fs::path& p) const { return p.lexically_normal().generic_string(); }

    // Files with the extension in dir (recursively if asked), sorted for a deterministic order.
    std::vector<fs::path> files(const fs::path& dir, const std::string& ext, bool recursive) {
        std::vector<fs::path> found;
        const io::FileKind kind = input.kind(dir);
        if (kind == io::FileKind::symlink) {  // listing it would follow it out of content/
            diags.error({shown(dir), 0, 0}, "is a symbolic link",
                        "content folders must be real folders inside content/; copy the folder instead");
            return found;
        }
        if (kind != io::FileKind::folder) return found;
        for (const io::Entry& e : input.list(dir, recursive)) {
            if (e.kind == io::FileKind::symlink) {
                diags.error({shown(e.path), 0, 0}, "is a symbolic link",
                            "content files must be real files inside content/; copy the file instead");
                out.unreadable.insert(e.path.stem().string());
            } else if (e.kind == io::FileKind::file && e.path.extension() == ext) {
                found.push_back(e.path);
            }
        }
        return found;
    }

    std::optional<YamlNode> read_yaml(const fs::path& file) {
        const std::string name = shown(file);
        auto text = read_source(input, file, name, diags);
        ++out.files_read;
        std::optional<YamlNode> node;
        if (text) {
            out.shared_source_hash = XXH3_64bits_withSeed(&out.shared_source_hash, sizeof out.shared_source_hash,
                                                          source_hash(name, *text));
            node = parse_yaml(*text, name, diags);
        }
        if (!node) out.unreadable.insert(file.stem().string());
        return node;
    }

    static void check_file_name(const fs::path& file, const model::Located& id, diag::Diagnostics& diags) {
        if (!id.value.empty() && file.stem().string() != id.value)
            diags.error(id.pos, "id '" + id.value + "' differs from the file name '" + file.filename().string() + "'",
                        "rename the file to " + id.value + file.extension().string() + " or correct the id");
    }

    // Loads each file on every core: `load(file, diags, unreadable)` reads one file into a record (or nothing),
    // with the file's diagnostics collected apart; then records and diagnostics are appended in file order, so
    // the result does not depend on the thread count. Projects are most of the files (100 000 in a national
    // edition), ratings lists the largest.
    template <typename Record, typename Load>
    void load_all(const std::vector<fs::path>& found, std::vector<Record>& into, const Load& load) {
        struct Loaded {
            diag::Diagnostics diags;
            std::optional<Record> record;
            bool unreadable = false;
        };
        std::vector<Loaded> loaded(found.size());
        std::atomic<size_t> next{0};
        auto worker = [&] {
            for (size_t i = next++; i < found.size(); i = next++) {
                Loaded& l = loaded[i];
                l.record = load(found[i], l.diags, l.unreadable);
            }
        };
        const size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), found.size() / 16 + 1);
        std::vector<std::thread> pool;
        for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
        worker();
        for (auto& t : pool) t.join();
        into.reserve(into.size() + found.size());
        for (size_t i = 0; i < found.size(); ++i) {
            Loaded& l = loaded[i];
            ++out.files_read;
            diags.append(l.diags);
            if (l.unreadable) out.unreadable.insert(found[i].stem().string());
            if (l.record) into.push_back(std::move(*l.record));
        }
    }

    void load_documents(const std::string& folder, model::Document::Type type, std::vector<model::Document>& into) {
        load_all(files(root / folder, ".md", false), into,
                 [&](const fs::path& file, diag::Diagnostics& d, bool& unreadable) -> std::optional<model::Document> {
                     const std::string name = shown(file);
                     unreadable = true;  // until it has loaded
                     auto text = read_source(input, file, name, d);
                     if (!text) return std::nullopt;
                     auto fm = split_front_matter(*text, name, d);
                     if (!fm) return std::nullopt;
                     auto front = parse_yaml(fm->yaml, name, d, 1);
                     if (!front) return std::nullopt;
                     unreadable = false;
                     const std::string stem = file.stem().string();
                     if (!is_valid_id(stem)) {
                         d.error({name, 0, 0}, "file name '" + stem + "' is not a valid id",
                                 "rename the file using only a-z, 0-9 and '-', e.g. jinminhan-2024-12.md");
                         return std::nullopt;
                     }
                     auto document = load_document(type, *front, {stem, {name, 1, 1}}, std::string(fm->body),
                                                   fm->body_line, name, d);
                     if (document) document->source_hash = source_hash(name, *text);
                     return document;
                 });
    }

    // Projects and rating lists: one YAML record per file, whose id (`id`) must match the file name. The file's
    // stem is marked unreadable (no "unknown id" cascade) if it cannot be read, parsed or loaded — or, where
    // `id_required`, has no id.
    template <typename Record>
    void load_yaml_records(const std::vector<fs::path>& found, std::vector<Record>& into,
                           std::optional<Record> (*load)(const YamlNode&, const std::string&, diag::Diagnostics&),
                           model::Located Record::*id, bool id_required) {
        load_all(found, into, [&](const fs::path& file, diag::Diagnostics& d, bool& unreadable) -> std::optional<Record> {
            const std::string name = shown(file);
            unreadable = true;
            std::optional<YamlNode> y;
            std::uint64_t hash = 0;
            if (auto text = read_source(input, file, name, d)) {
                y = parse_yaml(*text, name, d);
                hash = source_hash(name, *text);
            }
            if (!y) return std::nullopt;
            auto record = load(*y, name, d);
            if (!record) return std::nullopt;
            record->source_hash = hash;
            check_file_name(file, (*record).*id, d);
            unreadable = id_required && ((*record).*id).value.empty();
            return record;
        });
    }

    // False when there is no content folder at all.
    bool run_site_and_cities() {
        if (input.kind(root) != io::FileKind::folder) {
            diags.error({shown(root), 0, 0}, "content folder not found", "pass --content DIR pointing at content/");
            return false;
        }
        const fs::path site = root / "site.yaml";
        if (input.kind(site) == io::FileKind::missing) {
            diags.error({shown(site), 0, 0}, "site.yaml is missing", "create it (see docs/content-model.md)");
        } else if (auto y = read_yaml(site)) {
            out.site = load_site(*y, diags);
        }
        const fs::path cities = root / "cities.yaml";
        if (input.kind(cities) == io::FileKind::missing) {
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
        load_yaml_records(files(root / "projects", ".yaml", true), out.projects, load_project, &model::Project::id, true);
        load_yaml_records(files(root / "ratings", ".yaml", false), out.ratings, load_rating_list,
                          &model::RatingList::notice, false);
        for (const fs::path& file : files(root / "schedules", ".yaml", false)) {
            auto y = read_yaml(file);
            if (!y) continue;
            if (auto s = load_schedule(*y, diags)) {
                if (file.stem().string() != std::to_string(s->year))
                    diags.error(s->pos, "schedule for " + std::to_string(s->year) + " is in " + file.filename().string(),
                                "name the file " + std::to_string(s->year) + ".yaml");
                out.schedules.push_back(std::move(*s));
            }
        }
        load_yaml_records(files(root / "progress", ".yaml", false), out.progress, load_progress_report,
                          &model::ProgressReport::notice, false);
        load_yaml_records(files(root / "scores", ".yaml", false), out.scores, load_score_sheet, &model::ScoreSheet::notice,
                          false);
        load_documents("notices", model::Document::Type::notice, out.notices);
        load_documents("replies", model::Document::Type::reply, out.replies);
    }
};

}  // namespace

model::Records load_content(const io::InputFiles& input, const fs::path& content_dir, diag::Diagnostics& diags) {
    model::Records out;
    Walker{input, content_dir, diags, out}.run();
    return out;
}

model::Records load_site_and_cities(const io::InputFiles& input, const fs::path& content_dir,
                                   diag::Diagnostics& diags) {
    model::Records out;
    Walker{input, content_dir, diags, out}.run_site_and_cities();
    return out;
}

}  // namespace gongshi::load
