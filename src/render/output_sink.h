// The one interface between the render stage and the publish stage. Render writes files through an OutputSink
// (publish's staging folder in a build, a map in memory in tests), asks what the last build wrote at a path
// (PreviousOutput, answered from publish's cache; PreviousBytes, read from the live site), and reports what each
// file now holds (RenderedFile), which publish keeps in its cache. Neither stage includes anything else of the other.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace gongshi::render {

// What a file written in pieces holds once it is closed.
struct ClosedFile {
    std::uint64_t size = 0;
    std::string sha256;   // lowercase hex
    bool written = true;  // false: the bytes were those the output already held there, which it keeps
};

// A file written a piece at a time: the whole-dataset downloads, hundreds of MB at national scale, are never held
// whole in memory. Appends must end with close(); a file dropped unclosed (an exception) is left to the sink's
// clean-up (a staging folder that is never swapped in).
class OutputFile {
public:
    virtual ~OutputFile() = default;
    virtual void append(std::string_view bytes) = 0;
    // `output_holds`: what the last build's file at the path holds, if known. When the bytes are the same, the new
    // file is dropped and the output's own is kept (written = false), as write() is skipped for an unchanged page.
    virtual ClosedFile close(const ClosedFile* output_holds = nullptr) = 0;
};

// Whether a closed file holds what `other` (if any) describes: the same size and SHA-256.
bool same_bytes(const ClosedFile& file, const ClosedFile* other);

class OutputSink {
public:
    virtual ~OutputSink() = default;
    // `path` is relative to the site root ("projects/x/index.html"). Safe to call from several threads.
    virtual void write(const std::string& path, std::string_view bytes) = 0;
    // The same file written in pieces. By default its pieces are gathered and given to write() on close; a sink
    // that writes to disk streams them.
    virtual std::unique_ptr<OutputFile> open(const std::string& path);
};

class MemorySink : public OutputSink {
public:
    void write(const std::string& path, std::string_view bytes) override {
        std::lock_guard lock(mutex_);
        files_[path] = std::string(bytes);
    }
    const std::map<std::string, std::string>& files() const { return files_; }

private:
    std::mutex mutex_;
    std::map<std::string, std::string> files_;
};

struct RenderedFile {
    std::uint64_t key = 0;   // fingerprint of its inputs (template + view, or its bytes)
    std::uint64_t size = 0;
    bool written = false;    // false: the previous build's file is still right and was left alone
    std::uint64_t depends = 0;  // its dependency key (PageJob::depends), 0 if it has none
};

// Every file of the site by path, as this build left it.
using RenderedFiles = std::map<std::string, RenderedFile>;

// What the previous build wrote at a path (its keys and size), if it is still in the output; a file whose key
// (or dependency key) equals the one this build would write from is left alone.
using PreviousOutput = std::function<std::optional<RenderedFile>(const std::string& path)>;
// The bytes the output holds at a path from the last build (the open data's whole-dataset files are assembled from
// the years' files a build left alone); nothing on a full build or if the file cannot be read.
using PreviousBytes = std::function<std::optional<std::string>(const std::string& path)>;

// The static files (assets/) as publish copied them, fingerprinted: each one's URL by its name in the assets folder
// ("style.css" → "/assets/style.1a2b3c4d5e.css"), and the files themselves.
struct PublishedAssets {
    std::map<std::string, std::string> url_of;
    RenderedFiles files;
};

}  // namespace gongshi::render
