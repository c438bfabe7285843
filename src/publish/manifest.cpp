#include "publish/manifest.h"

#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include "hash/sha256.h"
#include "publish/build_cache.h"
#include "publish/edition_record.h"
#include "publish/line_fields.h"
#include "render/data_escaping.h"

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

std::string sha256_of_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string() + " to hash it");
    hash::Sha256 sha;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) sha.add(std::string_view(buf, static_cast<size_t>(in.gcount())));
    return sha.hex();
}

bool is_manifest(std::string_view path) { return path == manifest_sums_path || path == manifest_json_path; }

// What the hash cache knows of one file: it is the same file if inode, size and modification time are.
struct KnownHash {
    std::uint64_t ino = 0, size = 0;
    std::int64_t mtime_ns = 0;
    std::string sha256;
    bool same_file(std::uint64_t i, std::uint64_t s, std::int64_t m) const {
        return ino == i && size == s && mtime_ns == m;
    }
};

// "<ino> <size> <mtime_ns> <sha256> <path>" per line, the site's files by path, then the manifest's own two; around
// them, the lines of the edition's record (edition_record.h), which do not parse as a file's and are passed over.
// Read a line at a time as the staged files are listed in the same order: find() moves forward only, so a line
// out of order, or one that does not parse, is passed over (that file is hashed again).
class HashCacheReader {
  public:
    explicit HashCacheReader(const fs::path& file) : in_(file, std::ios::binary) { next(); }

    const KnownHash* find(std::string_view path) {
        while (has_ && path_ < path) next();
        return has_ && path_ == path ? &known_ : nullptr;
    }
    // What it says of the manifest's file at `path` (read to the end for them).
    const std::optional<KnownHash>& manifest(std::string_view path) {
        while (has_) next();
        return path == manifest_sums_path ? sums_ : json_;
    }

  private:
    std::ifstream in_;
    std::string line_;
    bool has_ = false;
    std::string_view path_;
    KnownHash known_;
    std::optional<KnownHash> sums_, json_;

    void next() {
        while ((has_ = static_cast<bool>(std::getline(in_, line_)))) {
            std::string_view line = line_;
            KnownHash k;
            if (!take_number(line, k.ino) || !take_number(line, k.size) || !take_number(line, k.mtime_ns) ||
                line.size() < 66 || line[64] != ' ')
                continue;
            k.sha256 = std::string(line.substr(0, 64));
            line.remove_prefix(65);
            if (line == manifest_sums_path) sums_ = std::move(k);
            else if (line == manifest_json_path) json_ = std::move(k);
            else {
                known_ = std::move(k);
                path_ = line;
                return;
            }
        }
    }
};

// Text gathered a megabyte at a time, then handed on.
class Buffered {
  public:
    template <class Put>
    explicit Buffered(Put put) : put_(std::move(put)) {}
    std::string& text() { return text_; }
    void flush(size_t at_least = 1 << 20) {
        if (text_.size() < at_least) return;
        put_(text_);
        text_.clear();
    }

  private:
    std::function<void(std::string_view)> put_;
    std::string text_;
};

void append_cache_line(std::string& out, std::uint64_t ino, std::uint64_t size, std::int64_t mtime_ns,
                       std::string_view sha256, std::string_view path) {
    ((((out += std::to_string(ino)) += ' ') += std::to_string(size)) += ' ') += std::to_string(mtime_ns);
    (((out += ' ') += sha256) += ' ') += path;
    out += '\n';
}

// Closes one of the manifest's files. When its bytes are the published file's (as the hash cache knew it, and it
// is still that file), the published one is linked in its place. Adds its line to the hash cache.
void close_manifest_file(render::OutputFile& file, std::string_view path, const fs::path& staging_dir,
                         const fs::path& out_dir, const std::optional<KnownHash>& known, std::string& cache) {
    const fs::path live = out_dir / path, staged = staging_dir / path;
    std::optional<render::ClosedFile> published;
    struct stat st {};
    if (known && ::lstat(live.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        known->same_file(static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_size),
                         static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec))
        published = render::ClosedFile{known->size, known->sha256};
    const render::ClosedFile closed = file.close(published ? &*published : nullptr);
    if (!closed.written) {
        const fs::path tmp = staged.string() + ".link-" + std::to_string(::getpid());
        std::error_code ec;
        fs::remove(tmp, ec);
        if (::link(live.c_str(), tmp.c_str()) != 0 || ::rename(tmp.c_str(), staged.c_str()) != 0) {
            fs::remove(tmp, ec);
            throw std::runtime_error("cannot link the unchanged " + std::string(path) + " into the new site");
        }
    }
    if (::lstat(staged.c_str(), &st) != 0) throw std::runtime_error("cannot stat " + staged.string());
    append_cache_line(cache, static_cast<std::uint64_t>(st.st_ino), closed.size,
                      static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, closed.sha256,
                      path);
}

}  // namespace

void write_manifest(Staging& staging, const fs::path& out_dir) {
    const auto staged = staging.contents();
    size_t count = 0;
    for (const auto& [path, f] : staged) count += !is_manifest(path);

    HashCacheReader known(hash_cache_path(out_dir));
    const fs::path cache_file = hash_cache_path(out_dir);
    const fs::path cache_tmp = cache_file.string() + ".tmp-" + std::to_string(::getpid());
    std::ofstream cache_out(cache_tmp, std::ios::binary | std::ios::trunc);
    const std::unique_ptr<render::OutputFile> sums_file = staging.open(std::string(manifest_sums_path));
    const std::unique_ptr<render::OutputFile> json_file = staging.open(std::string(manifest_json_path));
    Buffered sums([&](std::string_view b) { sums_file->append(b); });
    Buffered json([&](std::string_view b) { json_file->append(b); });
    Buffered cache([&](std::string_view b) { cache_out.write(b.data(), static_cast<std::streamsize>(b.size())); });

    cache.text() = edition_line(folder_identity(staging.dir()));
    json.text() = "{\n\t\"algorithm\": \"sha256\",\n\t\"count\": " + std::to_string(count) + ",\n\t\"files\": [";
    bool first = true;
    for (const auto& [path, f] : staged) {
        if (is_manifest(path)) continue;
        std::string sha(f->sha256_hex());
        if (sha.empty()) {
            const KnownHash* k = known.find(path);
            sha = k && k->same_file(f->ino, f->size, f->mtime_ns) ? k->sha256 : sha256_of_file(staging.dir() / path);
        }
        (((sums.text() += sha) += "  ") += path) += '\n';
        json.text() += first ? "\n\t\t{\"path\": " : ",\n\t\t{\"path\": ";
        first = false;
        render::append_json_string(json.text(), path);
        ((((json.text() += ", \"size\": ") += std::to_string(f->size)) += ", \"sha256\": \"") += sha) += "\"}";
        append_cache_line(cache.text(), f->ino, f->size, f->mtime_ns, sha, path);
        sums.flush();
        json.flush();
        cache.flush();
    }
    json.text() += count == 0 ? "]\n}\n" : "\n\t]\n}\n";
    sums.flush(1);
    json.flush(1);
    close_manifest_file(*sums_file, manifest_sums_path, staging.dir(), out_dir, known.manifest(manifest_sums_path),
                        cache.text());
    close_manifest_file(*json_file, manifest_json_path, staging.dir(), out_dir, known.manifest(manifest_json_path),
                        cache.text());
    // The edition's record, now that nothing more is written into it. The manifest's two files are in the top folder.
    std::vector<std::string_view> paths;
    paths.reserve(staged.size());
    for (const auto& [path, f] : staged) paths.push_back(path);
    cache.text() += folder_lines(staging.dir(), paths, staging.take_known_folders(), staging.take_touched());
    cache.flush(1);
    std::error_code ec;
    // The cache of the site being replaced stays as the record of that edition, which the build after next adopts.
    fs::rename(cache_file, previous_hash_cache_path(out_dir), ec);
    if (cache_out.flush()) fs::rename(cache_tmp, cache_file, ec);  // a cache: if it cannot be written, the next
    else fs::remove(cache_tmp, ec);                                // build rehashes
}

}  // namespace gongshi::publish
