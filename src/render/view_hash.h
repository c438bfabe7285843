// Stable 64-bit fingerprints of view-models and bytes: equal fingerprints mean an unchanged page.
#pragma once

#include <cstdint>
#include <string_view>

#include "render/view.h"

namespace gongshi::render {

// FNV-1a, extended incrementally. Stable across runs and builds (std::hash is not).
class Fingerprint {
public:
    Fingerprint& add(std::string_view bytes);
    Fingerprint& add(const std::string& bytes) { return add(std::string_view(bytes)); }
    Fingerprint& add(const char* bytes) { return add(std::string_view(bytes)); }
    Fingerprint& add(std::uint64_t n);
    Fingerprint& add(const View& view);
    std::uint64_t value() const { return h_; }

private:
    std::uint64_t h_ = 1469598103934665603ULL;
};

}  // namespace gongshi::render
