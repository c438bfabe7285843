#include "publish/record_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <fstream>

#include "hash/fingerprint.h"
#include "io/input_files.h"

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

// "gongshi-records 2\n<generator>\n", then blocks: the length of the bytes, their checksum (XXH3), the bytes.
constexpr std::string_view magic = "gongshi-records 2\n";

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// A block: the length of the bytes and their checksum, then the bytes, written as they are (no copy: at 1 000 000
// projects the bytes are ~0.9 GB).
bool write_block(int fd, std::string_view bytes) {
    const std::uint64_t head[2] = {bytes.size(), hash::Fingerprint().add(bytes).value()};
    return write_all(fd, std::string_view(reinterpret_cast<const char*>(head), sizeof head)) && write_all(fd, bytes);
}

}  // namespace

fs::path record_cache_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".records"); }

std::optional<std::string> read_record_cache(const fs::path& out_dir, const std::string& generator) {
    std::optional<std::string> text = io::read_file(record_cache_path(out_dir));
    const std::string head = std::string(magic) + generator + "\n";
    if (!text || !text->starts_with(head)) return std::nullopt;
    // The blocks' bytes are moved to the front, one after another, over their lengths and checksums.
    size_t at = head.size(), kept = 0;
    while (at < text->size()) {
        std::uint64_t h[2];
        if (text->size() - at < sizeof h) return std::nullopt;
        std::memcpy(h, text->data() + at, sizeof h);
        at += sizeof h;
        if (h[0] > text->size() - at) return std::nullopt;
        const std::string_view bytes(text->data() + at, h[0]);
        if (hash::Fingerprint().add(bytes).value() != h[1]) return std::nullopt;
        std::memmove(text->data() + kept, bytes.data(), bytes.size());
        kept += bytes.size();
        at += bytes.size();
    }
    text->resize(kept);
    return text;
}

void write_record_cache(const fs::path& out_dir, const std::string& generator, const RecordPieces& pieces) {
    const fs::path target = record_cache_path(out_dir);
    const fs::path tmp = fs::path(target.string() + ".tmp-" + std::to_string(::getpid()));
    std::error_code ec;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = fd >= 0 && write_all(fd, std::string(magic) + generator + "\n");
    pieces([&](std::string_view bytes) { ok = ok && write_block(fd, bytes); });
    if (fd >= 0) ::close(fd);
    if (ok) fs::rename(tmp, target, ec);
    if (!ok || ec) {
        fs::remove(tmp, ec);
        fs::remove(target, ec);  // no cache: the next build parses every file, which is always right
    }
}

void append_record_cache(const fs::path& out_dir, const RecordPieces& pieces) {
    const fs::path file = record_cache_path(out_dir);
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) return;  // none to add to: the next build parses what this one did, and writes a new one
    bool ok = true;
    pieces([&](std::string_view bytes) { ok = ok && write_block(fd, bytes); });
    ::close(fd);
    std::error_code ec;
    if (!ok) fs::remove(file, ec);
}

}  // namespace gongshi::publish
