#include "load/parsed_records.h"

namespace gongshi::load {

// The bytes: the number of entries, then each entry's path, stamp, kind, source hash and record bytes.
bool ParsedRecords::decode(std::string_view bytes) {
    ArchiveReader reader(bytes);
    std::uint64_t count = 0;
    reader(count);
    std::map<std::string, Entry> found;
    bool dropped = false;
    for (std::uint64_t i = 0; i < count && reader.ok(); ++i) {
        std::string path;
        Entry e;
        std::uint64_t mtime = 0;
        reader(path, e.stamp.size, mtime, e.kind, e.source_hash, e.bytes);
        e.stamp.mtime_ns = static_cast<std::int64_t>(mtime);
        const auto now = stamps_.find(path);
        if (now == stamps_.end() || now->second != e.stamp) {
            dropped = true;  // the file changed or is gone
            continue;
        }
        found.emplace_hint(found.end(), std::move(path), std::move(e));
    }
    if (!reader.done()) {
        changed_ = true;  // written again, without the damaged entries
        return false;
    }
    found_ = std::move(found);
    changed_ = changed_ || dropped;
    return true;
}

std::string ParsedRecords::encode() const {
    std::map<std::string, const Entry*> all;
    for (const auto& [path, e] : found_) all[path] = &e;
    for (const auto& [path, e] : kept_) all[path] = &e;
    std::string out;
    ArchiveWriter writer(out);
    writer(static_cast<std::uint64_t>(all.size()));
    for (const auto& [path, e] : all)
        writer(path, e->stamp.size, static_cast<std::uint64_t>(e->stamp.mtime_ns), e->kind, e->source_hash, e->bytes);
    return out;
}

}  // namespace gongshi::load
