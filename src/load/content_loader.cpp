// Walks content/, reads each file once and hands it to the loader of its kind.
#include <algorithm>
#include <atomic>
#include <thread>

#include <xxhash.h>

#include "load/field_reader.h"
#include "load/load.h"
#include "load/parsed_records.h"
#include "load/progress_loaders.h"
#include "load/record_loaders.h"
#include "load/source_file.h"

namespace gongshi::load {

namespace fs = std::filesystem;

namespace {

std::optional<CitiesFile> load_cities_file(const YamlNode& root, diag::Diagnostics& diags) {
    model::Records r;
    load_cities(root, r, diags);
    return CitiesFile{std::move(r.cities), std::move(r.cities_pos), std::move(r.cities_source)};
}

struct Walker {
    const io::InputFiles& input;
    const fs::path& root;
    diag::Diagnostics& diags;
    model::Records& out;
    ParsedRecords* parsed = nullptr;  // the parsed-record cache, if the build keeps one

    // A file's name in messages and the parsed-record cache. Made each time it is needed: 1 000 000 names kept
    // beside their paths were 92 MB of a national build's peak.
    static std::string shown(const fs::path& p) { return io::shown_path(p); }

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

    void add_shared(std::uint64_t hash) {
        out.shared_source_hash = XXH3_64bits_withSeed(&out.shared_source_hash, sizeof out.shared_source_hash, hash);
    }

    // A file every page may read from (site.yaml, cities.yaml, tasks/, schedules/): its record from the cache, or
    // read, parsed and loaded by `load` (its diagnostics into the given ones), and kept if it gave none.
    template <typename Record, typename Load>
    std::optional<Record> load_shared(const fs::path& file, const Load& load) {
        const std::string name = shown(file);
        ++out.files_read;
        if (parsed)
            if (auto hit = parsed->find<Record>(name)) {
                add_shared(hit->source_hash);
                return std::move(hit->record);
            }
        ++out.files_parsed;
        diag::Diagnostics d;
        std::optional<Record> record;
        std::uint64_t hash = 0;
        if (auto text = read_source(input, file, name, d)) {
            hash = source_hash(name, *text);
            add_shared(hash);
            if (auto node = parse_yaml(*text, name, d)) record = load(*node, d);
            else out.unreadable.insert(file.stem().string());
        } else {
            out.unreadable.insert(file.stem().string());
        }
        if (parsed && record && d.all().empty()) parsed->keep(name, *record, hash);
        diags.append(d);
        return record;
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
    // Each record is loaded straight into its place in `into` (made room for at once), and the places of files
    // that gave none are closed up after: holding the records apart first, then moving them in, held every record
    // twice at the end of the load (at 100 000 projects ~70 MB more, the build's peak).
    template <typename Record, typename Load>
    void load_all(const std::vector<fs::path>& found, std::vector<Record>& into, const Load& load) {
        struct Loaded {
            diag::Diagnostics diags;
            bool present = false;  // into[base + i] holds its record
            bool unreadable = false;
            bool was_parsed = false;
        };
        const size_t base = into.size();
        into.resize(base + found.size());
        std::vector<Loaded> loaded(found.size());
        std::atomic<size_t> next{0};
        auto worker = [&] {
            for (size_t i = next++; i < found.size(); i = next++) {
                Loaded& l = loaded[i];
                Record& place = into[base + i];
                const std::string name = shown(found[i]);
                if (parsed)
                    if (auto hit = parsed->find<Record>(name)) {
                        place = std::move(hit->record);
                        l.present = true;
                        continue;
                    }
                l.was_parsed = true;
                std::optional<Record> record = load(found[i], l.diags, l.unreadable);
                if (!record) continue;
                if (parsed && !l.unreadable && l.diags.all().empty()) parsed->keep(name, *record, record->source_hash);
                place = std::move(*record);
                l.present = true;
            }
        };
        const size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), found.size() / 16 + 1);
        std::vector<std::thread> pool;
        for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
        worker();
        for (auto& t : pool) t.join();
        size_t kept = base;
        for (size_t i = 0; i < found.size(); ++i) {
            Loaded& l = loaded[i];
            ++out.files_read;
            out.files_parsed += l.was_parsed;
            diags.append(l.diags);
            if (l.unreadable) out.unreadable.insert(found[i].stem().string());
            if (!l.present) continue;
            if (kept != base + i) into[kept] = std::move(into[base + i]);
            ++kept;
        }
        into.erase(into.begin() + static_cast<std::ptrdiff_t>(kept), into.end());
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
        } else {
            out.site = load_shared<model::SiteConfig>(
                site, [](const YamlNode& y, diag::Diagnostics& d) { return load_site(y, d); });
        }
        const fs::path cities = root / "cities.yaml";
        if (input.kind(cities) == io::FileKind::missing) {
            diags.error({shown(cities), 0, 0}, "cities.yaml is missing", "create it (see docs/content-model.md)");
        } else if (auto c = load_shared<CitiesFile>(cities, load_cities_file)) {
            out.cities = std::move(c->cities);
            out.cities_pos = std::move(c->pos);
            out.cities_source = std::move(c->source);
        } else {
            out.cities_unreadable = true;
        }
        return true;
    }

    void run() {
        if (!run_site_and_cities()) return;
        for (const fs::path& file : files(root / "tasks", ".yaml", false)) {
            auto t = load_shared<model::TaskTable>(file, [&](const YamlNode& y, diag::Diagnostics& d) {
                auto table = load_task_table(y, d);
                if (table && file.stem().string() != std::to_string(table->year))
                    d.error(table->pos, "task table for " + std::to_string(table->year) + " is in " + file.filename().string(),
                            "name the file " + std::to_string(table->year) + ".yaml");
                return table;
            });
            if (t) out.tasks.push_back(std::move(*t));
        }
        load_yaml_records(files(root / "projects", ".yaml", true), out.projects, load_project, &model::Project::id, true);
        load_yaml_records(files(root / "ratings", ".yaml", false), out.ratings, load_rating_list,
                          &model::RatingList::notice, false);
        for (const fs::path& file : files(root / "schedules", ".yaml", false)) {
            auto s = load_shared<model::Schedule>(file, [&](const YamlNode& y, diag::Diagnostics& d) {
                auto schedule = load_schedule(y, d);
                if (schedule && file.stem().string() != std::to_string(schedule->year))
                    d.error(schedule->pos, "schedule for " + std::to_string(schedule->year) + " is in " + file.filename().string(),
                            "name the file " + std::to_string(schedule->year) + ".yaml");
                return schedule;
            });
            if (s) out.schedules.push_back(std::move(*s));
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

model::Records load_content(const io::InputFiles& input, const fs::path& content_dir, diag::Diagnostics& diags,
                            ParsedRecords* parsed) {
    model::Records out;
    Walker{input, content_dir, diags, out, parsed}.run();
    return out;
}

model::Records load_site_and_cities(const io::InputFiles& input, const fs::path& content_dir,
                                   diag::Diagnostics& diags) {
    model::Records out;
    Walker{input, content_dir, diags, out}.run_site_and_cities();
    return out;
}

}  // namespace gongshi::load
