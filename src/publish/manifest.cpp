#include "publish/manifest.h"

#include <charconv>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <unistd.h>

#include "hash/sha256.h"
#include "io/input_files.h"
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

// What the hash cache knows of one file: it is the same file if inode, size and modification time are.
struct KnownHash {
    std::uint64_t ino = 0, size = 0;
    std::int64_t mtime_ns = 0;
    std::string_view sha256;
};

fs::path hash_cache_path(const fs::path& out_dir) { return out_dir.string() + ".hashes"; }

template <typename T>
bool number_field(std::string_view& line, T& value) {
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), value);
    if (ec != std::errc() || end == line.data() + line.size() || *end != ' ') return false;
    line.remove_prefix(static_cast<size_t>(end - line.data()) + 1);
    return true;
}

// "<ino> <size> <mtime_ns> <sha256> <path>" per line; a line that does not parse is skipped (then rehashed). The
// views point into `text`.
std::unordered_map<std::string_view, KnownHash> parse_hash_cache(const std::string& text) {
    std::unordered_map<std::string_view, KnownHash> known;
    for (size_t at = 0; at < text.size();) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + at, end - at);
        at = end + 1;
        KnownHash k;
        if (!number_field(line, k.ino) || !number_field(line, k.size) || !number_field(line, k.mtime_ns) ||
            line.size() < 66 || line[64] != ' ')
            continue;
        k.sha256 = line.substr(0, 64);
        known[line.substr(65)] = k;
    }
    return known;
}

void write_hash_cache(const fs::path& out_dir, const std::vector<ManifestEntry>& entries,
                      const std::vector<const StagedFile*>& files) {
    std::string text;
    text.reserve(entries.size() * 140);
    for (size_t i = 0; i < entries.size(); ++i) {
        text += std::to_string(files[i]->ino);
        text += ' ';
        text += std::to_string(files[i]->size);
        text += ' ';
        text += std::to_string(files[i]->mtime_ns);
        text += ' ';
        text += entries[i].sha256;
        text += ' ';
        text += entries[i].path;
        text += '\n';
    }
    const fs::path target = hash_cache_path(out_dir);
    const fs::path tmp = target.string() + ".tmp-" + std::to_string(::getpid());
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    std::error_code ec;
    if (out.flush()) fs::rename(tmp, target, ec);  // a cache: if it cannot be written, the next build rehashes
    else fs::remove(tmp, ec);
}

}  // namespace

std::vector<ManifestEntry> hash_files(const fs::path& dir, const std::vector<std::pair<std::string, StagedFile>>& staged,
                                      const fs::path& out_dir) {
    const std::string cache_text = io::read_file(hash_cache_path(out_dir)).value_or("");
    const auto known = parse_hash_cache(cache_text);
    std::vector<ManifestEntry> entries;
    std::vector<const StagedFile*> files;
    entries.reserve(staged.size());
    files.reserve(staged.size());
    for (const auto& [path, f] : staged) {
        if (path == manifest_sums_path || path == manifest_json_path) continue;
        std::string sha(f.sha256_hex());
        if (sha.empty()) {
            const auto k = known.find(path);
            if (k != known.end() && k->second.ino == f.ino && k->second.size == f.size &&
                k->second.mtime_ns == f.mtime_ns)
                sha = k->second.sha256;
            else sha = sha256_of_file(dir / path);
        }
        entries.push_back({path, f.size, std::move(sha)});
        files.push_back(&f);
    }
    write_hash_cache(out_dir, entries, files);
    return entries;
}

std::string manifest_sums(const std::vector<ManifestEntry>& entries) {
    std::string out;
    for (const auto& e : entries) out += e.sha256 + "  " + e.path + "\n";
    return out;
}

std::string manifest_json(const std::vector<ManifestEntry>& entries) {
    std::string out = "{\n\t\"algorithm\": \"sha256\",\n\t\"count\": " + std::to_string(entries.size()) +
                      ",\n\t\"files\": [";
    for (size_t i = 0; i < entries.size(); ++i) {
        out += i ? ",\n\t\t{\"path\": " : "\n\t\t{\"path\": ";
        render::append_json_string(out, entries[i].path);
        out += ", \"size\": " + std::to_string(entries[i].size) + ", \"sha256\": \"" + entries[i].sha256 + "\"}";
    }
    out += entries.empty() ? "]\n}\n" : "\n\t]\n}\n";
    return out;
}

namespace {

// A manifest equal to the published one is hard-linked from the site, as every unchanged file is: it keeps its
// inode and modification time, so a build that changed nothing changes nothing here either.
void put(Staging& staging, const fs::path& out_dir, std::string_view path, const std::string& bytes) {
    const fs::path live = out_dir / path;
    std::error_code ec;
    if (fs::file_size(live, ec) == bytes.size() && !ec && io::read_file(live) == bytes) {
        const fs::path target = staging.dir() / path;
        const fs::path tmp = target.string() + ".link-" + std::to_string(::getpid());
        fs::remove(tmp, ec);
        if (::link(live.c_str(), tmp.c_str()) == 0 && ::rename(tmp.c_str(), target.c_str()) == 0) return;
        fs::remove(tmp, ec);
    }
    staging.write(std::string(path), bytes);
}

}  // namespace

void write_manifest(Staging& staging, const fs::path& out_dir) {
    const std::vector<ManifestEntry> entries = hash_files(staging.dir(), staging.contents(), out_dir);
    put(staging, out_dir, manifest_sums_path, manifest_sums(entries));
    put(staging, out_dir, manifest_json_path, manifest_json(entries));
}

}  // namespace gongshi::publish
