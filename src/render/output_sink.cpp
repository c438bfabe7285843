#include "render/output_sink.h"

#include "hash/sha256.h"

namespace gongshi::render {

bool same_bytes(const ClosedFile& file, const ClosedFile* other) {
    return other && other->size == file.size && other->sha256 == file.sha256;
}

namespace {

// The default: pieces gathered in memory, handed to the sink's write() on close.
class GatheredFile : public OutputFile {
public:
    GatheredFile(OutputSink& sink, std::string path) : sink_(sink), path_(std::move(path)) {}
    void append(std::string_view bytes) override { text_ += bytes; }
    ClosedFile close(const ClosedFile* output_holds) override {
        ClosedFile closed{text_.size(), hash::sha256_hex(text_)};
        closed.written = !same_bytes(closed, output_holds);
        if (closed.written) sink_.write(path_, text_);
        return closed;
    }

private:
    OutputSink& sink_;
    std::string path_;
    std::string text_;
};

}  // namespace

std::unique_ptr<OutputFile> OutputSink::open(const std::string& path) {
    return std::make_unique<GatheredFile>(*this, path);
}

}  // namespace gongshi::render
