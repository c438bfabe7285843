// The parsed-record cache: the record each content file gave the last build, kept with the file's stamp (size
// and modification time, as the build cache stamps its inputs), so a rebuild reads and parses only the files
// whose stamp changed. Only a file that gave no diagnostic is kept: a file with an error or a warning is
// parsed again every time, so its messages are always reported, exactly. Cross-record checks never come from
// the cache: they run over every record, in memory, after loading. The bytes are this binary's own
// (publish/record_cache.h keeps them beside the output and drops a cache another binary wrote).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "load/record_archive.h"
#include "model/records.h"

namespace gongshi::load {

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};
using FileStamps = std::map<std::string, FileStamp, std::less<>>;

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

// How the cache beside the output is brought up to date after a build.
struct RecordsToWrite {
    enum class How { none, append, replace };
    How how = How::none;
    std::string bytes;  // append: the entries parsed since; replace: every entry
};

class ParsedRecords {
  public:
    // `stamps`: this build's input files, by path as the loader shows it ("content/projects/x.yaml").
    explicit ParsedRecords(FileStamps stamps) : stamps_(std::move(stamps)) {}

    // Takes the entries of bytes made of encode() outputs one after another (a later entry of a path replaces
    // an earlier one) whose file has the same stamp now; it keeps the bytes, which they point into. False,
    // taking none, if the bytes are not such a cache.
    bool decode(std::string bytes);
    // What to write back: nothing if no file was parsed; the entries parsed by this build, to append to the
    // cache's file; or, when no cache was read or most of it is out of date, every entry, to replace it.
    RecordsToWrite::How write_how() const;
    // Those bytes, handed to `put` a piece of about `piece_bytes` at a time; one after another the pieces are one
    // encode() output. `loaded` is what the load gave (before anything changed it): the records of one file each
    // (projects, rating lists, progress reports, score sheets, documents) are encoded from it now, not when they
    // were parsed — held as bytes from the parse to the write they were 40 % of the build's peak memory (~120 MB
    // at 100 000 projects, ~1.2 GB at 1 000 000).
    void encode_to(RecordsToWrite::How how, const model::Records& loaded,
                   const std::function<void(std::string_view)>& put, size_t piece_bytes = size_t{4} << 20);
    // write_how() and the bytes in one string.
    RecordsToWrite to_write(const model::Records& loaded);

    // The record `file` gave the last build, if it has the same stamp now.
    template <class Record>
    std::optional<CachedRecord<Record>> find(const std::string& file) const;
    // Keeps the record a file gave without any diagnostic (from any thread). A record of one file (it has a
    // `file`) is only marked here, and encoded by encode_to() from the loaded records; the few shared files'
    // records (site.yaml, cities.yaml, task tables, schedules) are encoded at once.
    template <class Record>
    void keep(const std::string& file, const Record& record, std::uint64_t source_hash);

  private:
    struct Entry {
        std::string_view path;  // in decoded_, or in `owned_path`
        FileStamp stamp;
        int kind = 0;
        std::uint64_t source_hash = 0;
        std::string_view record;  // in decoded_, or in `owned`
    };
    struct Kept {
        FileStamp stamp;
        int kind = 0;
        std::uint64_t source_hash = 0;
        std::string record;
    };
    // A record of one file parsed without a diagnostic, to be encoded from the loaded records: 24 bytes, its
    // path and stamp those of stamps_ (whose nodes stay where they are).
    struct Marked {
        const FileStamps::value_type* input = nullptr;
        int kind = 0;
        std::uint64_t source_hash = 0;
    };
    template <class Record>
    static constexpr int kind_of();
    const Entry* found(std::string_view file) const;

    FileStamps stamps_;
    std::string decoded_;  // the last build's cache, as decode() took it
    bool decoded_ok_ = false;
    std::vector<Entry> found_;  // of decoded_, by path, stamps as now: only read while loading, by any thread
    std::map<std::string, Kept, std::less<>> kept_;  // shared files parsed by this build
    std::vector<Marked> marked_;                     // files of one record parsed by this build, in no order
    std::mutex kept_mutex_;
};

// Each record kind's tag in the cache (a file's kind follows from its folder; the tag is a second check).
template <class Record>
constexpr int ParsedRecords::kind_of() {
    if constexpr (std::same_as<Record, model::SiteConfig>)
        return 1;
    else if constexpr (std::same_as<Record, CitiesFile>)
        return 2;
    else if constexpr (std::same_as<Record, model::TaskTable>)
        return 3;
    else if constexpr (std::same_as<Record, model::Project>)
        return 4;
    else if constexpr (std::same_as<Record, model::RatingList>)
        return 5;
    else if constexpr (std::same_as<Record, model::Schedule>)
        return 6;
    else if constexpr (std::same_as<Record, model::ProgressReport>)
        return 7;
    else if constexpr (std::same_as<Record, model::ScoreSheet>)
        return 8;
    else if constexpr (std::same_as<Record, model::Document>)
        return 9;
    else
        static_assert(sizeof(Record) == 0, "not a record kind");
}

template <class Record>
std::optional<CachedRecord<Record>> ParsedRecords::find(const std::string& file) const {
    const Entry* e = found(file);
    if (!e || e->kind != kind_of<Record>()) return std::nullopt;
    CachedRecord<Record> out{{}, e->source_hash};
    ArchiveReader reader(e->record);
    reader(out.record);
    if (!reader.done()) return std::nullopt;
    return out;
}

template <class Record>
void ParsedRecords::keep(const std::string& file, const Record& record, std::uint64_t source_hash) {
    const auto stamp = stamps_.find(file);
    if (stamp == stamps_.end()) return;  // not one of the inputs the build stamped
    if constexpr (requires { record.file; }) {
        std::lock_guard lock(kept_mutex_);
        marked_.push_back({&*stamp, kind_of<Record>(), source_hash});
    } else {
        Kept k{stamp->second, kind_of<Record>(), source_hash, {}};
        ArchiveWriter(k.record)(record);
        std::lock_guard lock(kept_mutex_);
        kept_[file] = std::move(k);
    }
}

}  // namespace gongshi::load
