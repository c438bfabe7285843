// Stable 64-bit fingerprints of view-models and bytes: equal fingerprints mean an unchanged page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "render/view.h"

namespace gongshi::render {

// XXH3 (libxxhash) of everything added, each piece length-prefixed and tagged so that different sequences never
// serialise alike. Stable across runs and builds (std::hash is not). The pieces are gathered into one buffer and
// hashed once: a page's view is thousands of short strings, and FNV-1a over them byte by byte was ~5 % of a build.
class Fingerprint {
public:
    Fingerprint& add(std::string_view bytes);
    Fingerprint& add(const std::string& bytes) { return add(std::string_view(bytes)); }
    Fingerprint& add(const char* bytes) { return add(std::string_view(bytes)); }
    Fingerprint& add(std::uint64_t n);
    Fingerprint& add(const View& view);
    std::uint64_t value() const;

private:
    std::string bytes_;
};

// FNV-1a (64-bit) of the bytes. The asset file names published in every page ("style.<hash>.css") are made from
// it: a published URL must not change when nothing in the file did, so this function never changes.
std::uint64_t asset_name_hash(std::string_view bytes);

}  // namespace gongshi::render
