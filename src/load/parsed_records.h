// The parsed-record cache: the record each content file gave the last build, kept with the file's stamp (size and
// modification time, as the build cache stamps its inputs), so a rebuild reads and parses only the files whose
// stamp changed. Only a file that gave no diagnostic is kept: a file with an error or a warning is parsed again
// every time, so its messages are always reported, exactly. Cross-record checks never come from the cache: they
// run over every record, in memory, after loading. The bytes are this binary's own (publish/record_cache.h keeps
// them beside the output and drops a cache another binary wrote).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "load/record_archive.h"
#include "model/records.h"

namespace gongshi::load {

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

// What cities.yaml gives besides its cities.
struct CitiesFile {
    std::vector<model::City> cities;
    model::SourcePos pos;
    std::string source;
};
template <class A, Either<CitiesFile> T>
void fields(A& a, T& x) {
    a(x.cities, x.pos, x.source);
}

template <class Record>
struct CachedRecord {
    Record record;
    std::uint64_t source_hash = 0;  // load::source_hash of the file it was read from
};

class ParsedRecords {
public:
    // `stamps`: this build's input files, by path as the loader shows it ("content/projects/x.yaml").
    explicit ParsedRecords(std::map<std::string, FileStamp> stamps) : stamps_(std::move(stamps)) {}

    // Takes the entries of bytes encode() made whose file has the same stamp now; false, taking none, if the
    // bytes are not such a cache.
    bool decode(std::string_view bytes);
    // The entries of this build's files: those taken from the last build's cache and those kept since.
    std::string encode() const;
    // Whether encode() would differ from the bytes decode() took.
    bool changed() const { return changed_; }

    // The record `file` gave the last build, if it has the same stamp now.
    template <class Record>
    std::optional<CachedRecord<Record>> find(const std::string& file) const;
    // Keeps the record a file gave without any diagnostic (from any thread).
    template <class Record>
    void keep(const std::string& file, const Record& record, std::uint64_t source_hash);

private:
    struct Entry {
        FileStamp stamp;
        int kind = 0;
        std::uint64_t source_hash = 0;
        std::string bytes;
    };
    template <class Record>
    static constexpr int kind_of();

    std::map<std::string, FileStamp> stamps_;
    std::map<std::string, Entry> found_;  // from the last build's cache: only read while loading, by any thread
    std::map<std::string, Entry> kept_;   // parsed by this build
    std::mutex kept_mutex_;
    bool changed_ = false;
};

// Each record kind's tag in the cache (a file's kind follows from its folder; the tag is a second check).
template <class Record>
constexpr int ParsedRecords::kind_of() {
    if constexpr (std::same_as<Record, model::SiteConfig>) return 1;
    else if constexpr (std::same_as<Record, CitiesFile>) return 2;
    else if constexpr (std::same_as<Record, model::TaskTable>) return 3;
    else if constexpr (std::same_as<Record, model::Project>) return 4;
    else if constexpr (std::same_as<Record, model::RatingList>) return 5;
    else if constexpr (std::same_as<Record, model::Schedule>) return 6;
    else if constexpr (std::same_as<Record, model::ProgressReport>) return 7;
    else if constexpr (std::same_as<Record, model::ScoreSheet>) return 8;
    else if constexpr (std::same_as<Record, model::Document>) return 9;
    else static_assert(sizeof(Record) == 0, "not a record kind");
}

template <class Record>
std::optional<CachedRecord<Record>> ParsedRecords::find(const std::string& file) const {
    const auto it = found_.find(file);
    if (it == found_.end() || it->second.kind != kind_of<Record>()) return std::nullopt;
    CachedRecord<Record> out{{}, it->second.source_hash};
    ArchiveReader reader(it->second.bytes);
    reader(out.record);
    if (!reader.done()) return std::nullopt;
    return out;
}

template <class Record>
void ParsedRecords::keep(const std::string& file, const Record& record, std::uint64_t source_hash) {
    const auto stamp = stamps_.find(file);
    if (stamp == stamps_.end()) return;  // not one of the inputs the build stamped
    Entry e{stamp->second, kind_of<Record>(), source_hash, {}};
    ArchiveWriter(e.bytes)(record);
    std::lock_guard lock(kept_mutex_);
    kept_[file] = std::move(e);
    changed_ = true;
}

}  // namespace gongshi::load
