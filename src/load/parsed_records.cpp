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
    // The last entry of a path is the one that counts; it is used only if its file has the same stamp now. The
    // entries and the stamps are walked in step, both sorted by path (a cache written whole is sorted already).
    const auto by_path = [](const Entry& a, const Entry& b) { return a.path < b.path; };
    if (!std::is_sorted(all.begin(), all.end(), by_path)) std::stable_sort(all.begin(), all.end(), by_path);
    auto now = stamps_.begin();
    for (size_t i = 0; i < all.size(); ++i) {
        if (i + 1 < all.size() && all[i + 1].path == all[i].path) continue;
        while (now != stamps_.end() && std::string_view(now->first) < all[i].path) ++now;
        if (now != stamps_.end() && now->first == all[i].path && now->second == all[i].stamp) found_.push_back(all[i]);
    }
    decoded_ok_ = true;
    return true;
}

const ParsedRecords::Entry* ParsedRecords::found(std::string_view file) const {
    const auto it = std::lower_bound(found_.begin(), found_.end(), file,
                                     [](const Entry& e, std::string_view f) { return e.path < f; });
    return it != found_.end() && it->path == file ? &*it : nullptr;
}

namespace {

// Calls `each(record, kind)` for every record of one file the load gave.
template <class Each>
void each_file_record(const model::Records& r, const Each& each) {
    for (const auto& x : r.projects) each(x, 4);
    for (const auto& x : r.ratings) each(x, 5);
    for (const auto& x : r.progress) each(x, 7);
    for (const auto& x : r.scores) each(x, 8);
    for (const auto& x : r.notices) each(x, 9);
    for (const auto& x : r.replies) each(x, 9);
}

}  // namespace

void ParsedRecords::encode_to(RecordsToWrite::How how, const model::Records& loaded,
                              const std::function<void(std::string_view)>& put, size_t piece_bytes) {
    if (how == RecordsToWrite::How::none) return;
    std::sort(marked_.begin(), marked_.end(),
              [](const Marked& a, const Marked& b) { return a.input->first < b.input->first; });
    const auto marked = [&](std::string_view path) -> const Marked* {
        const auto it = std::lower_bound(marked_.begin(), marked_.end(), path,
                                         [](const Marked& m, std::string_view p) { return m.input->first < p; });
        return it != marked_.end() && it->input->first == path ? &*it : nullptr;
    };
    // The marked records as the load gave them (each is found by its file, which names it in stamps_).
    const auto each_marked = [&](const auto& each) {
        each_file_record(loaded, [&](const auto& record, int kind) {
            const Marked* m = marked(record.file);
            if (m && m->kind == kind) each(*m, record);
        });
    };
    const bool found_too = how == RecordsToWrite::How::replace;
    const auto parsed_again = [&](const Entry& e) { return kept_.count(e.path) || marked(e.path); };

    std::string out;
    out.reserve(piece_bytes + (64 << 10));
    ArchiveWriter w(out);
    std::uint64_t count = kept_.size();
    if (found_too)
        for (const Entry& e : found_) count += !parsed_again(e);
    each_marked([&](const Marked&, const auto&) { ++count; });
    w(count);
    const auto flush = [&](size_t at_least) {
        if (out.size() < at_least) return;
        put(out);
        out.clear();
    };
    // The order of a group's entries does not matter (decode() sorts them by path), only that a path parsed
    // again by this build is written once, as parsed.
    if (found_too)
        for (const Entry& e : found_) {
            if (parsed_again(e)) continue;
            put_entry(w, e.path, e.stamp, e.kind, e.source_hash, e.record);
            flush(piece_bytes);
        }
    for (const auto& [path, k] : kept_) {
        put_entry(w, path, k.stamp, k.kind, k.source_hash, k.record);
        flush(piece_bytes);
    }
    std::string record;
    each_marked([&](const Marked& m, const auto& r) {
        record.clear();
        ArchiveWriter writer(record);
        writer(r);
        put_entry(w, m.input->first, m.input->second, m.kind, m.source_hash, record);
        flush(piece_bytes);
    });
    flush(1);
}

RecordsToWrite::How ParsedRecords::write_how() const {
    if (kept_.empty() && marked_.empty()) return RecordsToWrite::How::none;
    // Entries of files since changed or gone stay in the file until it is replaced: when they are most of it.
    size_t live = 0;
    for (const Entry& e : found_) live += e.path.size() + e.record.size();
    if (decoded_ok_ && decoded_.size() < 2 * live + (64 << 10)) return RecordsToWrite::How::append;
    return RecordsToWrite::How::replace;
}

RecordsToWrite ParsedRecords::to_write(const model::Records& loaded) {
    RecordsToWrite out{write_how(), {}};
    encode_to(out.how, loaded, [&](std::string_view bytes) { out.bytes += bytes; });
    return out;
}

}  // namespace gongshi::load
