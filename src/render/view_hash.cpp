#include "render/view_hash.h"

#include <xxhash.h>

namespace gongshi::render {

Fingerprint& Fingerprint::add(std::string_view bytes) {
    add(static_cast<std::uint64_t>(bytes.size()));  // length first: "ab"+"c" differs from "a"+"bc"
    // A large piece (an open-data file, the cache) is hashed where it is instead of copied into the buffer.
    if (bytes.size() > 4096) return add(static_cast<std::uint64_t>(XXH3_64bits(bytes.data(), bytes.size())));
    bytes_.append(bytes);
    return *this;
}

Fingerprint& Fingerprint::add(std::uint64_t n) {
    char le[8];
    for (int i = 0; i < 8; ++i) le[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
    bytes_.append(le, 8);
    return *this;
}

Fingerprint& Fingerprint::add(const View& view) {
    struct Visitor {
        Fingerprint& f;
        void operator()(const std::string& s) const { f.add(1).add(s); }
        void operator()(bool b) const { f.add(b ? 2 : 3); }
        void operator()(const ViewList& l) const {
            f.add(4).add(static_cast<std::uint64_t>(l.size()));
            for (const View& v : l) f.add(v);
        }
        void operator()(const ViewMap& m) const {
            f.add(5).add(static_cast<std::uint64_t>(m.size()));
            for (const auto& [k, v] : m) f.add(k).add(v);
        }
    };
    std::visit(Visitor{*this}, view.value);
    return *this;
}

std::uint64_t asset_name_hash(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < 8; ++i) h = (h ^ ((bytes.size() >> (8 * i)) & 0xFF)) * 1099511628211ULL;  // length first
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::uint64_t Fingerprint::value() const { return XXH3_64bits(bytes_.data(), bytes_.size()); }

}  // namespace gongshi::render
