#include "publish/manifest.h"

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include "hash/sha256.h"
#include "publish/file_tree.h"
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
    std::string sha256;
};

fs::path hash_cache_path(const fs::path& out_dir) { return out_dir.string() + ".hashes"; }

// "<ino> <size> <mtime_ns> <sha256> <path>" per line; a line that does not parse is skipped (then rehashed).
std::map<std::string, KnownHash> read_hash_cache(const fs::path& out_dir) {
    std::map<std::string, KnownHash> known;
    std::ifstream in(hash_cache_path(out_dir), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        KnownHash k;
        std::string path;
        if (!(s >> k.ino >> k.size >> k.mtime_ns >> k.sha256) || k.sha256.size() != 64) continue;
        s.get();
        std::getline(s, path);
        if (!path.empty()) known[path] = std::move(k);
    }
    return known;
}

void write_hash_cache(const fs::path& out_dir, const std::vector<ManifestEntry>& entries,
                      const std::vector<TreeEntry>& files) {
    std::ostringstream text;
    for (size_t i = 0; i < entries.size(); ++i)
        text << files[i].stat.ino << ' ' << files[i].stat.size << ' ' << files[i].stat.mtime_ns << ' '
             << entries[i].sha256 << ' ' << entries[i].path << '\n';
    const fs::path target = hash_cache_path(out_dir);
    const fs::path tmp = target.string() + ".tmp-" + std::to_string(::getpid());
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text.str();
    std::error_code ec;
    if (out.flush()) fs::rename(tmp, target, ec);  // a cache: if it cannot be written, the next build rehashes
    else fs::remove(tmp, ec);
}

}  // namespace

std::vector<ManifestEntry> hash_tree(const fs::path& dir, const fs::path& out_dir) {
    const std::map<std::string, KnownHash> known = read_hash_cache(out_dir);
    std::vector<TreeEntry> files;
    for (auto& e : list_tree(dir))
        if (e.path != manifest_sums_path && e.path != manifest_json_path && S_ISREG(e.stat.mode))
            files.push_back(std::move(e));
    std::vector<ManifestEntry> entries;
    entries.reserve(files.size());
    for (const TreeEntry& f : files) {
        const auto k = known.find(f.path);
        const bool same = k != known.end() && k->second.ino == f.stat.ino && k->second.size == f.stat.size &&
                          k->second.mtime_ns == f.stat.mtime_ns;
        entries.push_back({f.path, f.stat.size, same ? k->second.sha256 : sha256_of_file(dir / f.path)});
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

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A manifest equal to the published one is hard-linked from the site, as every unchanged file is: it keeps its
// inode and modification time, so a build that changed nothing changes nothing here either.
void put(Staging& staging, const fs::path& out_dir, std::string_view path, const std::string& bytes) {
    const fs::path live = out_dir / path;
    std::error_code ec;
    if (fs::file_size(live, ec) == bytes.size() && !ec && read_file(live) == bytes) {
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
    const std::vector<ManifestEntry> entries = hash_tree(staging.dir(), out_dir);
    put(staging, out_dir, manifest_sums_path, manifest_sums(entries));
    put(staging, out_dir, manifest_json_path, manifest_json(entries));
}

}  // namespace gongshi::publish
