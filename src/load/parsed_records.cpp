#include "load/parsed_records.h"

#include <algorithm>

namespace gongshi::load {

namespace {

// An entry in the bytes: path, stamp, kind, source hash, record.
template <class Writer>
void put_entry(Writer& w, std::string_view path, const FileStamp& stamp, int kind, std::uint64_t source_hash,
               std::string_view record) {
    w(path, stamp.size, static_cast<std::uint64_t>(stamp.mtime_ns), kind, source_hash, record);
}

}  // namespace

// The bytes: groups, each the number of its entries and then the entries (each group is what one build
// wrote).
bool ParsedRecords::decode(std::string bytes) {
    decoded_ = std::move(bytes);
    ArchiveReader reader(decoded_);
    std::vector<Entry> all;
    while (reader.ok() && !reader.done()) {
        std::uint64_t count = 0;
        reader(count);
        for (std::uint64_t i = 0; i < count && reader.ok(); ++i) {
            Entry e;
            std::uint64_t mtime = 0;
            e.path = reader.view();
            reader(e.stamp.size, mtime, e.kind, e.source_hash);
            e.record = reader.view();
            e.stamp.mtime_ns = static_cast<std::int64_t>(mtime);
            all.push_back(e);
        }
    }
    if (!reader.done() || decoded_.empty()) {
        decoded_.clear();
        return false;
    }
    // The last entry of a path is the one that counts; it is used only if its file has the same stamp now.
    std::stable_sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
    for (size_t i = 0; i < all.size(); ++i) {
        if (i + 1 < all.size() && all[i + 1].path == all[i].path) continue;
        const auto now = stamps_.find(all[i].path);
        if (now != stamps_.end() && now->second == all[i].stamp) found_.push_back(all[i]);
    }
    decoded_ok_ = true;
    return true;
}

const ParsedRecords::Entry* ParsedRecords::found(std::string_view file) const {
    const auto it = std::lower_bound(found_.begin(), found_.end(), file,
                                     [](const Entry& e, std::string_view f) { return e.path < f; });
    return it != found_.end() && it->path == file ? &*it : nullptr;
}

void ParsedRecords::encode_to(RecordsToWrite::How how, const std::function<void(std::string_view)>& put) const {
    if (how == RecordsToWrite::How::none) return;
    const bool found_too = how == RecordsToWrite::How::replace;
    constexpr size_t piece = size_t{4} << 20;
    std::string out;
    out.reserve(piece + (64 << 10));
    ArchiveWriter w(out);
    size_t count = kept_.size();
    if (found_too)
        for (const Entry& e : found_) count += !kept_.count(e.path);
    w(static_cast<std::uint64_t>(count));
    const auto flush = [&](size_t at_least) {
        if (out.size() < at_least) return;
        put(out);
        out.clear();
    };
    // Both are by path: merged, a path parsed again by this build written once, as parsed.
    auto f = found_too ? found_.begin() : found_.end();
    auto k = kept_.begin();
    while (f != found_.end() || k != kept_.end()) {
        if (k == kept_.end() || (f != found_.end() && f->path < k->first)) {
            put_entry(w, f->path, f->stamp, f->kind, f->source_hash, f->record);
            ++f;
        } else {
            if (f != found_.end() && f->path == k->first) ++f;
            put_entry(w, k->first, k->second.stamp, k->second.kind, k->second.source_hash, k->second.record);
            ++k;
        }
        flush(piece);
    }
    flush(1);
}

RecordsToWrite::How ParsedRecords::write_how() const {
    if (kept_.empty()) return RecordsToWrite::How::none;
    // Entries of files since changed or gone stay in the file until it is replaced: when they are most of it.
    size_t live = 0;
    for (const Entry& e : found_) live += e.path.size() + e.record.size();
    if (decoded_ok_ && decoded_.size() < 2 * live + (64 << 10)) return RecordsToWrite::How::append;
    return RecordsToWrite::How::replace;
}

RecordsToWrite ParsedRecords::to_write() const {
    RecordsToWrite out{write_how(), {}};
    encode_to(out.how, [&](std::string_view bytes) { out.bytes += bytes; });
    return out;
}

}  // namespace gongshi::load
