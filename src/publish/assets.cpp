#include "publish/assets.h"

#include <stdexcept>
#include <cstdio>
#include <vector>

#include "hash/fingerprint.h"
#include "io/input_files.h"

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

std::string hex(std::uint64_t v, int digits) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return std::string(buf, static_cast<size_t>(digits));
}

}  // namespace

render::PublishedAssets publish_assets(const io::InputFiles& input, const fs::path& dir, render::OutputSink& sink,
                                       const render::PreviousOutput& previous) {
    render::PublishedAssets assets;
    for (const io::Entry& e : input.list(dir, true)) {
        if (e.kind != io::FileKind::file) continue;
        const fs::path& f = e.path;
        io::ReadResult read = input.read(f, static_cast<std::uintmax_t>(-1));
        if (!read.bytes) throw std::runtime_error("cannot read " + f.string());
        std::string bytes = std::move(*read.bytes);
        const std::uint64_t key = hash::Fingerprint().add(bytes).value();
        const fs::path rel = f.lexically_relative(dir);
        const std::string name = rel.stem().string() + "." + hex(hash::asset_name_hash(bytes), 10) + rel.extension().string();
        const std::string out = "assets/" + (rel.parent_path() / name).generic_string();
        assets.url_of[rel.generic_string()] = "/" + out;
        const std::optional<render::RenderedFile> was = previous ? previous(out) : std::nullopt;
        if (was && was->key == key) {
            assets.files[out] = {was->key, was->size, false, 0};
        } else {
            sink.write(out, bytes);
            assets.files[out] = {key, bytes.size(), true, 0};
        }
    }
    return assets;
}

}  // namespace gongshi::publish
