#include "search/index_site.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "hash/fingerprint.h"
#include "search/index_files.h"
#include "search/records.h"

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

// The partition's files as the previous build left them, if its records are the same (`depends`) and every file
// is still there; false: make them again.
bool keep_unchanged(Writer& w, const std::string& part, std::uint64_t depends, const std::filesystem::path& live,
                    PartitionShape& shape) {
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

}  // namespace

IndexReport index_site(const model::Site& site, render::OutputSink& sink, const render::PreviousOutput& previous,
                       const std::filesystem::path& live_site, render::RenderedFiles& files) {
    const auto start = std::chrono::steady_clock::now();
    IndexReport report;
    Writer w{sink, previous, files, report};
    const Facets facets = search_facets(site);
    const std::vector<SearchRecord> records = search_records(site, facets);
    report.records = static_cast<long long>(records.size());

    std::vector<std::pair<std::string, PartitionShape>> shapes;
    for (size_t i = 0; i < records.size();) {
        std::vector<const SearchRecord*> part;
        const std::string& id = records[i].part;
        for (; i < records.size() && records[i].part == id; ++i) part.push_back(&records[i]);
        const std::uint64_t depends = hash::KeyChain().add(partition_key(part)).value() | 1;  // 0 means "none"
        PartitionShape shape;
        if (!keep_unchanged(w, id, depends, live_site, shape)) {
            ++report.parts_rebuilt;
            for (const auto& [path, bytes] : partition_files(id, part, shape)) w.emit(path, bytes, depends);
        }
        for (size_t b = 0; b * facet_block < part.size(); ++b)
            w.emit("search-index/" + id + "/f/" + std::to_string(b) + ".bin", facet_file(part, b), 0);
        shapes.emplace_back(id, std::move(shape));
    }
    report.parts = static_cast<long long>(shapes.size());
    w.emit("search-index/index.json", manifest(facets, shapes), 0);
    report.built = true;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace gongshi::search
