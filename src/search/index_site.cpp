#include "search/index_site.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "hash/fingerprint.h"
#include "search/index_files.h"
#include "search/partition_inputs.h"

namespace gongshi::search {

namespace {

struct Writer {
    render::OutputSink& sink;
    const render::PreviousOutput& previous;
    render::RenderedFiles& files;
    IndexReport& report;

    std::optional<render::RenderedFile> before(const std::string& path) const {
        return previous ? previous(path) : std::nullopt;
    }
    void emit(const std::string& path, const std::string& bytes, std::uint64_t depends) {
        const std::uint64_t key = hash::Fingerprint().add(bytes).value();
        const auto was = before(path);
        const bool write = !was || was->key != key;
        if (write) {
            sink.write(path, bytes);
            ++report.written;
            report.bytes_written += static_cast<long long>(bytes.size());
        }
        keep(path, {key, bytes.size(), write, depends});
    }
    void keep(const std::string& path, const render::RenderedFile& f) {
        files[path] = f;
        ++report.files;
        report.bytes += static_cast<long long>(f.size);
    }
};

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The partition's files except its filter blocks as the previous build left them, if what they are made from
// is the same (`depends`) and every file is still there; false: make them again.
bool keep_text_files(Writer& w, const std::string& part, std::uint64_t depends,
                     const std::filesystem::path& live, PartitionShape& shape) {
    const std::string shape_file = "search-index/" + part + "/shape.txt";
    const auto was = w.before(shape_file);
    if (!was || was->depends != depends) return false;
    if (!parse_part_json(read_file(live / shape_file), shape)) return false;
    std::vector<std::pair<std::string, render::RenderedFile>> kept;
    for (const auto& path : partition_paths(part, shape)) {
        auto f = w.before(path);
        if (!f || f->depends != depends) return false;
        f->written = false;
        kept.emplace_back(path, *f);
    }
    for (const auto& [path, f] : kept) w.keep(path, f);
    return true;
}

std::string facet_path(const std::string& part, size_t block) {
    return "search-index/" + part + "/f/" + std::to_string(block) + ".bin";
}

size_t facet_blocks(size_t records) { return (records + facet_block - 1) / facet_block; }

// The partition's filter blocks as the previous build left them, if their inputs are the same; false: make
// them.
bool keep_facet_files(Writer& w, const PartitionInputs& part) {
    std::vector<std::pair<std::string, render::RenderedFile>> kept;
    for (size_t b = 0; b < facet_blocks(part.sources.size()); ++b) {
        auto f = w.before(facet_path(part.id, b));
        if (!f || f->depends != part.filter_key) return false;
        f->written = false;
        kept.emplace_back(facet_path(part.id, b), *f);
    }
    for (const auto& [path, f] : kept) w.keep(path, f);
    return true;
}

}  // namespace

IndexReport index_site(const model::Site& site, render::OutputSink& sink,
                       const render::PreviousOutput& previous, const std::filesystem::path& live_site,
                       render::RenderedFiles& files) {
    const auto start = std::chrono::steady_clock::now();
    IndexReport report;
    Writer w{sink, previous, files, report};
    const Facets facets = search_facets(site);
    std::vector<std::pair<std::string, PartitionShape>> shapes;
    // A partition's records are made only if its inputs changed: all of them when its text did, only their
    // order and filters when only its filters did (a new rating of its projects).
    for (const PartitionInputs& part : partition_inputs(site, facets)) {
        report.records += static_cast<long long>(part.sources.size());
        PartitionShape shape;
        const bool text_kept = keep_text_files(w, part.id, part.text_key, live_site, shape);
        const bool facets_kept = keep_facet_files(w, part);
        std::vector<RecordFilters> filters;
        if (!text_kept) {
            ++report.parts_rebuilt;
            const std::vector<SearchRecord> records = make_records(site, part.sources, part.filters);
            std::vector<const SearchRecord*> in_order;
            in_order.reserve(records.size());
            for (const auto& r : records) {
                in_order.push_back(&r);
                filters.push_back(r.filters);
            }
            for (const auto& [path, bytes] : partition_files(part.id, in_order, shape))
                w.emit(path, bytes, part.text_key);
        } else if (!facets_kept) {
            filters = ordered_filters(site, part.sources, part.filters);
        }
        if (!facets_kept)
            for (size_t b = 0; b < facet_blocks(filters.size()); ++b)
                w.emit(facet_path(part.id, b), facet_file(filters, b), part.filter_key);
        shapes.emplace_back(part.id, std::move(shape));
    }
    report.parts = static_cast<long long>(shapes.size());
    w.emit("search-index/index.json", manifest(facets, shapes), 0);
    report.built = true;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace gongshi::search
