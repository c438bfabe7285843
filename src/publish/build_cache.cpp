#include "publish/build_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <functional>

#include "json/json.h"

#include "publish/file_tree.h"
#include "hash/fingerprint.h"
#include "publish/cbor_writer.h"

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

using Json = json::Tree;

// The file: "gongshi-cache 8 <checksum>", a line with the length of the first CBOR document, then two CBOR
// documents: the site's (generator, options, folders, output files, digest of the input stamps) and the record
// summaries. The checksum (of everything after the first line) catches a flipped byte that would still decode.
// When the digest says the inputs are unchanged, the summaries — most of the file at 100 000 projects — are not
// decoded at all: a no-op needs only the first document.
// 8: dependency keys; 7: inputs as a digest; 6: two documents; 4: previous edition
constexpr std::string_view magic = "gongshi-cache 8 ";

fs::path pending_cache_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".cache.next"); }

std::uint64_t checksum(std::string_view bytes) { return hash::Fingerprint().add(bytes).value(); }

// Reads one of the CBOR documents straight into a BuildCache, without building a Json tree first (at 100 000
// projects the tree and the copy out of it took ~2 s, most of a no-op rebuild). Any unexpected shape, or a field
// of the other document, stops the parse: the cache is then ignored.
enum class Field { generator, site, options, inputs, outputs, projects, documents, ratings, previous, unknown };
constexpr unsigned bit(Field f) { return 1u << static_cast<int>(f); }

class CacheReader : public json::Sax<Json> {
public:
    enum class Document { site, summary };
    CacheReader(BuildCache& c, Document d) : c_(c), wanted_(d == Document::site ? site_fields : summary_fields) {}
    bool complete() const { return seen_ == wanted_; }

    bool null() override { return false; }
    bool boolean(bool) override { return false; }
    bool number_float(number_float_t, const string_t&) override { return false; }
    bool binary(binary_t&) override { return false; }
    bool number_integer(number_integer_t) override { return false; }  // nothing in the cache is negative
    bool number_unsigned(number_unsigned_t n) override {
        if (depth_ == 1 && field_ == Field::inputs) {
            c_.inputs_digest = n;
            return true;
        }
        if (depth_ != 3) return false;
        if (field_ == Field::outputs && index_ == 0) output_->second.key = n;
        else if (field_ == Field::outputs && index_ == 1) output_->second.size = n;
        else if (field_ == Field::outputs && index_ == 2) output_->second.depends = n;
        else return false;
        ++index_;
        return true;
    }
    bool string(string_t& v) override {
        if (depth_ == 1) {
            std::string* into = field_ == Field::generator ? &c_.generator
                                : field_ == Field::site    ? &c_.site
                                : field_ == Field::options ? &c_.options
                                : field_ == Field::previous ? &c_.previous
                                                            : nullptr;
            if (!into) return false;
            *into = std::move(v);
            return true;
        }
        if (depth_ == 2 && summary_) {
            summary_->emplace_hint(summary_->end(), std::move(key_), std::move(v));
            return true;
        }
        return false;
    }
    bool key(string_t& k) override {
        if (depth_ == 1) {
            field_ = field_named(k);
            if (field_ == Field::unknown || !(wanted_ & bit(field_)) || (seen_ & bit(field_))) return false;
            seen_ |= bit(field_);
            summary_ = field_ == Field::projects ? &c_.summary.projects
                       : field_ == Field::documents ? &c_.summary.documents
                       : field_ == Field::ratings ? &c_.summary.ratings
                                                  : nullptr;
            return true;
        }
        if (depth_ != 2) return false;
        key_ = std::move(k);
        return true;
    }
    bool start_object(std::size_t) override {
        ++depth_;
        return depth_ == 1 || (depth_ == 2 && (summary_ || field_ == Field::outputs));
    }
    bool end_object() override {
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        ++depth_;
        index_ = 0;
        if (depth_ != 3 || field_ != Field::outputs) return false;
        output_ = c_.outputs.emplace_hint(c_.outputs.end(), std::move(key_), OutputStamp{});
        return true;
    }
    bool end_array() override {
        --depth_;
        return index_ == 3;  // [key, size, depends]
    }
    bool parse_error(std::size_t, const std::string&, const json::ParseError&) override { return false; }

private:
    static constexpr unsigned site_fields = bit(Field::generator) | bit(Field::site) | bit(Field::options) |
                                            bit(Field::outputs) | bit(Field::previous) | bit(Field::inputs);
    static constexpr unsigned summary_fields = bit(Field::projects) | bit(Field::documents) | bit(Field::ratings);
    static Field field_named(const std::string& k) {
        static const std::pair<const char*, Field> names[] = {
            {"generator", Field::generator}, {"site", Field::site},         {"options", Field::options},
            {"inputs", Field::inputs},       {"outputs", Field::outputs},   {"projects", Field::projects},
            {"documents", Field::documents}, {"ratings", Field::ratings},   {"previous", Field::previous}};
        for (const auto& [name, f] : names)
            if (k == name) return f;
        return Field::unknown;
    }

    BuildCache& c_;
    const unsigned wanted_;
    int depth_ = 0;
    Field field_ = Field::unknown;
    unsigned seen_ = 0;
    int index_ = 0;  // position in the [key, size, depends] array being read
    std::string key_;
    std::map<std::string, std::string>* summary_ = nullptr;
    std::map<std::string, OutputStamp>::iterator output_;
};

bool parse_cache_document(BuildCache& c, std::string_view cbor, CacheReader::Document d) {
    CacheReader reader(c, d);
    try {
        return Json::sax_parse(cbor.begin(), cbor.end(), &reader, Json::input_format_t::cbor) && reader.complete();
    } catch (const Json::exception&) {
        return false;
    }
}

std::optional<BuildCache> read_cache_file(const fs::path& file, const std::string& generator) {
    // Mapped, not read: at 100 000 projects the file is ~20 MB, and a no-op decodes only its first document. The
    // mapping stays with the cache until its summaries are decoded (read_cache_summary) or let go.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    const bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
    void* map = ok ? ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    ::close(fd);
    if (map == MAP_FAILED) return std::nullopt;
    const auto size = static_cast<size_t>(st.st_size);
    std::shared_ptr<const void> mapping(map, [size](const void* at) { ::munmap(const_cast<void*>(at), size); });
    const std::string_view text(static_cast<const char*>(map), size);
    const size_t eol = text.find('\n');
    if (eol == std::string_view::npos || !text.starts_with(magic)) return std::nullopt;
    const std::string_view rest = text.substr(eol + 1);
    if (text.substr(magic.size(), eol - magic.size()) != std::to_string(checksum(rest))) return std::nullopt;
    // "<length of the site document>\n<site document><summary document>"
    const size_t length_end = rest.find('\n');
    if (length_end == std::string_view::npos) return std::nullopt;
    const std::string length(rest.substr(0, length_end));
    const std::string_view body = rest.substr(length_end + 1);
    if (length.empty() || length.size() > 18 || length.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const size_t site_size = std::stoull(length);
    if (site_size > body.size()) return std::nullopt;
    BuildCache c;
    if (!parse_cache_document(c, body.substr(0, site_size), CacheReader::Document::site) || c.generator != generator)
        return std::nullopt;
    c.summary_cbor = body.substr(site_size);
    c.mapping = std::move(mapping);
    return c;
}

}  // namespace

fs::path cache_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".cache"); }

fs::path summary_file_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".cache.summary"); }

static std::string identity_of(const struct stat& st) {
    return S_ISDIR(st.st_mode) ? std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) : "";
}

std::string folder_identity(const fs::path& dir) {
    struct stat st {};
    return ::stat(dir.c_str(), &st) == 0 ? identity_of(st) : "";
}

std::string folder_identity(int dir_fd) {
    struct stat st {};
    return ::fstat(dir_fd, &st) == 0 ? identity_of(st) : "";
}

std::string generator_identity() {
    struct stat st {};
    if (::stat("/proc/self/exe", &st) != 0) return "unknown";
    return std::to_string(st.st_size) + "-" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

std::uint64_t stamp_hash(const InputStamp& stamp) {
    return hash::Fingerprint().add(stamp.path).add(stamp.size).add(static_cast<std::uint64_t>(stamp.mtime_ns)).value();
}

std::uint64_t path_hash(std::string_view path) { return hash::Fingerprint().add(path).value(); }

std::uint64_t inputs_digest(const std::vector<InputStamp>& inputs) {
    std::uint64_t sum = 0;
    for (const auto& i : inputs) sum += stamp_hash(i);
    return sum;
}

std::vector<InputStamp> stamp_inputs(const std::vector<fs::path>& dirs) {
    // Never throws: a file or folder removed during the walk (a `git checkout`, an editor's temporary files) is
    // left out; the stamps then differ from any cache's, which is always safe.
    std::vector<InputStamp> out;
    for (const auto& dir : dirs)
        for (const TreeEntry& e : list_tree(dir))
            out.push_back({(dir / e.path).generic_string(), e.stat.size, e.stat.mtime_ns});
    std::sort(out.begin(), out.end(), [](const InputStamp& a, const InputStamp& b) { return a.path < b.path; });
    return out;
}

void encode_summary(const model::ModelSummary& summary, const std::function<void(std::string_view)>& put) {
    std::string out;
    CborWriter cbor(out);
    const auto flush = [&](bool last) {
        if (!last && out.size() < (std::size_t{1} << 20)) return;
        put(out);
        out.clear();
    };
    const auto table = [&](std::string_view name, const std::map<std::string, std::string>& entries) {
        cbor.text(name).map(entries.size());
        for (const auto& [key, value] : entries) {
            cbor.text(key).text(value);
            flush(false);
        }
    };
    cbor.map(3);  // its fields in the order nlohmann::json wrote them (by name)
    table("documents", summary.documents);
    table("projects", summary.projects);
    table("ratings", summary.ratings);
    flush(true);
}

// The site document: its fields by name, as nlohmann::json wrote them. Each output is [key, size, depends].
static std::string encode_site(const CacheToWrite& c) {
    std::string out;
    CborWriter cbor(out);
    cbor.map(6);
    cbor.text("generator").text(c.generator);
    cbor.text("inputs").number(c.inputs_digest);
    cbor.text("options").text(c.options);
    cbor.text("outputs").map(c.outputs.size());
    for (const auto& [path, o] : c.outputs) cbor.text(path).array(3).number(o.key).number(o.size).number(o.depends);
    cbor.text("previous").text(c.previous);
    cbor.text("site").text(c.site);
    return out;
}

namespace {

// Each piece of a file, 1 MB at a time; false if it could not be read whole.
bool each_piece(const fs::path& file, std::uint64_t size, const std::function<void(std::string_view)>& put) {
    std::ifstream in(file, std::ios::binary);
    std::string piece(std::size_t{1} << 20, '\0');
    std::uint64_t read = 0;
    while (in && read < size) {
        in.read(piece.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(piece.size(), size - read)));
        const auto n = static_cast<std::uint64_t>(in.gcount());
        if (n == 0) break;
        put(std::string_view(piece.data(), n));
        read += n;
    }
    return read == size;
}

}  // namespace

void write_pending_cache(const fs::path& out_dir, const CacheToWrite& c) {
    const std::string site = encode_site(c);
    const std::string length = std::to_string(site.size()) + "\n";
    std::error_code ec;
    const std::uint64_t summary_size = fs::file_size(c.summary, ec);
    if (ec) return;
    // The checksum of everything after the first line, made of its three parts as of one string.
    hash::Fingerprint whole;
    whole.add(static_cast<std::uint64_t>(length.size() + site.size() + summary_size)).add_unframed(length).add_unframed(site);
    if (!each_piece(c.summary, summary_size, [&](std::string_view piece) { whole.add_unframed(piece); })) return;
    const std::uint64_t sum = whole.value();
    const fs::path target = pending_cache_path(out_dir);
    const fs::path tmp = fs::path(target.string() + ".tmp-" + std::to_string(::getpid()));
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << magic << sum << '\n' << length;
        f.write(site.data(), static_cast<std::streamsize>(site.size()));
        const bool copied = each_piece(c.summary, summary_size, [&](std::string_view piece) {
            f.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        });
        if (!copied || !f.flush()) {
            std::error_code ec;
            fs::remove(tmp, ec);
            return;  // no cache: the next build is a full one, which is always correct
        }
    }
    fs::rename(tmp, target);
}

void promote_pending_cache(const fs::path& out_dir) {
    std::error_code ec;
    fs::rename(pending_cache_path(out_dir), cache_path(out_dir), ec);  // if it fails: no cache, a full build next
}

std::optional<BuildCache> read_cache(const fs::path& out_dir, const std::string& generator) {
    const std::string site = folder_identity(out_dir);
    if (site.empty()) return std::nullopt;
    std::error_code ec;
    if (fs::exists(pending_cache_path(out_dir), ec)) {
        auto pending = read_cache_file(pending_cache_path(out_dir), generator);
        if (pending && pending->site == site) {  // its build swapped the site in and was stopped before the rename
            promote_pending_cache(out_dir);
            return pending;
        }
        fs::remove(pending_cache_path(out_dir), ec);  // its build never swapped its site in
    }
    auto current = read_cache_file(cache_path(out_dir), generator);
    if (!current || current->site != site) return std::nullopt;
    return current;
}

bool read_cache_summary(BuildCache& cache) {
    const bool ok = parse_cache_document(cache, cache.summary_cbor, CacheReader::Document::summary);
    release_cache_file(cache);
    return ok;
}

void release_cache_file(BuildCache& cache) {
    cache.summary_cbor = {};
    cache.mapping.reset();
}

std::optional<StatsByPath> check_outputs(const fs::path& out_dir, const BuildCache& cache) {
    std::vector<std::string_view> paths;
    paths.reserve(cache.outputs.size());
    for (const auto& [path, o] : cache.outputs) paths.push_back(path);
    const std::vector<FileStat> found = stat_files(out_dir, paths);
    StatsByPath stats;
    size_t i = 0;
    for (const auto& [path, o] : cache.outputs) {  // a std::map: ascending paths
        const FileStat& f = found[i++];
        if (!f.exists || !S_ISREG(f.mode) || f.size != o.size) return std::nullopt;
        stats.add(path, f);
    }
    return stats;
}

}  // namespace gongshi::publish
