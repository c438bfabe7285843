#include "render/open_data_files.h"

#include <stdexcept>

#include "hash/fingerprint.h"
#include "hash/sha256.h"
#include "render/open_data.h"
#include "render/open_data_tables.h"

namespace gongshi::render {

namespace {

std::uint64_t bytes_key(std::string_view bytes) { return hash::Fingerprint().add(bytes).value(); }

// A year's key: the site-wide files (site.yaml, cities.yaml, tasks/: names, codes, the base URL), which table
// and format, the year, and every record's key in order.
std::uint64_t part_key(const model::Site& site, size_t table, DataFormat format, const DataPart& part) {
    hash::KeyChain k;
    k.add(site.shared_source_hash).add(table).add(static_cast<std::uint64_t>(format));
    k.add(static_cast<std::uint64_t>(part.year)).add(part.records.size());
    for (const int record : part.records) k.add(data_record_key(site, table, record));
    return k.value() | 1;  // 0 means "none"
}

// The whole file's key: its years' keys and, for the JSON, the head's date (data_updated).
std::uint64_t whole_key(DataFormat format, const std::vector<std::uint64_t>& parts, const std::string& updated) {
    hash::KeyChain k;
    for (const std::uint64_t p : parts) k.add(p);
    if (format == DataFormat::json) k.add(bytes_key(updated));
    return k.value() | 1;
}

}  // namespace

OpenDataFiles::OpenDataFiles(const model::Site& site, OutputSink& sink, const PreviousOutput& previous,
                             const PreviousBytes& previous_bytes)
    : site_(site), sink_(sink), previous_(previous), previous_bytes_(previous_bytes), made_(job_count()) {
    const std::string package(data_package_path);
    if (const auto was = before(package))
        if (const auto bytes = bytes_before(package, *was)) facts_before_ = data_package_facts(*bytes);
}

size_t OpenDataFiles::job_count() const { return data_tables().size() * std::size(data_formats); }

std::optional<RenderedFile> OpenDataFiles::before(const std::string& path) const {
    return previous_ ? previous_(path) : std::nullopt;
}

// The last build's file, if it still holds what the last build wrote there.
std::optional<std::string> OpenDataFiles::bytes_before(const std::string& path,
                                                       const RenderedFile& was) const {
    if (!previous_bytes_) return std::nullopt;
    auto bytes = previous_bytes_(path);
    if (!bytes || bytes->size() != was.size || bytes_key(*bytes) != was.key) return std::nullopt;
    return bytes;
}

// Writes the file unless the last build's has the same bytes (or `force`: the last build's file is not what
// the cache says it wrote).
RenderedFile OpenDataFiles::emit(const std::string& path, const std::string& bytes, std::uint64_t depends,
                                 bool force, Made& into) {
    const std::uint64_t key = bytes_key(bytes);
    const auto was = before(path);
    const bool write = force || !was || was->key != key;
    if (write) sink_.write(path, bytes);
    into.facts[path] = {bytes.size(), hash::sha256_hex(bytes)};
    return into.files[path] = {key, bytes.size(), write, depends};
}

void OpenDataFiles::run(size_t job) {
    const size_t table = job / std::size(data_formats);
    const DataFormat format = data_formats[job % std::size(data_formats)];
    const DataTable& t = data_tables()[table];
    Made& made = made_[job];
    const std::vector<DataPart> parts = data_parts(site_, table);
    std::vector<std::uint64_t> keys;
    size_t rows = 0;
    for (const DataPart& part : parts) {
        keys.push_back(part_key(site_, table, format, part));
        rows += part.rows;
    }
    // Kept as it was: a file whose key is the one the last build recorded, and whose facts its package gave.
    const auto keep = [&](const std::string& path, std::uint64_t key) {
        const auto was = before(path);
        const auto facts = facts_before_.find(path);
        if (!was || was->depends != key || facts == facts_before_.end() || facts->second.bytes != was->size)
            return false;
        made.files[path] = {was->key, was->size, false, key};
        made.facts[path] = facts->second;
        return true;
    };
    const std::string whole_path = data_whole_path(t, format);
    const std::string updated = format == DataFormat::json ? data_updated(site_, table) : std::string();
    const std::uint64_t whole = whole_key(format, keys, updated);
    const bool whole_kept = keep(whole_path, whole);
    // Not kept: written as its years' bytes come, straight into the output (never held whole).
    std::unique_ptr<OutputFile> whole_file;
    std::optional<WholeDataFile> assembled;
    if (!whole_kept) {
        whole_file = sink_.open(whole_path);
        assembled.emplace(site_, table, format, rows, updated, *whole_file);
    }
    long long made_parts = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        const std::string path = data_part_path(t, parts[i].year, format);
        if (keep(path, keys[i])) {
            if (!assembled) continue;
            // The whole file needs its bytes: read back, and checked against what the last build wrote.
            const auto bytes = bytes_before(path, *before(path));
            if (bytes && assembled->add_part(*bytes)) continue;
            const std::string again = data_part_file(site_, table, parts[i], format);
            emit(path, again, keys[i], true, made);
            ++made_parts;
            if (!assembled->add_part(again))
                throw std::logic_error("open data: cannot assemble " + whole_path);
            continue;
        }
        const std::string bytes = data_part_file(site_, table, parts[i], format);
        emit(path, bytes, keys[i], false, made);
        ++made_parts;
        if (assembled && !assembled->add_part(bytes))
            throw std::logic_error("open data: cannot assemble " + whole_path);
    }
    if (assembled) {
        // Dropped if its bytes are the site's file's (a change to rows that shows in no column). Its key is its
        // dependency key: its bytes were never in hand at once to be fingerprinted.
        std::optional<ClosedFile> output_holds;
        if (const auto facts = facts_before_.find(whole_path); facts != facts_before_.end() && before(whole_path))
            output_holds = ClosedFile{facts->second.bytes, facts->second.sha256};
        const ClosedFile closed = assembled->finish(output_holds ? &*output_holds : nullptr);
        made.facts[whole_path] = {closed.size, closed.sha256};
        made.files[whole_path] = {whole, closed.size, closed.written, whole};
    }
    std::lock_guard lock(count_mutex_);
    parts_made_ += made_parts;
}

RenderedFiles OpenDataFiles::finish() {
    RenderedFiles files;
    std::map<std::string, DataFileFacts> facts;
    for (Made& m : made_) {
        files.merge(m.files);
        facts.merge(m.facts);
    }
    Made package;
    emit(std::string(data_package_path), data_package_file(site_, facts), 0, false, package);
    files.merge(package.files);
    return files;
}

}  // namespace gongshi::render
