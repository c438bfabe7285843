#include "render/view_hash.h"

namespace gongshi::render {

Fingerprint& Fingerprint::add(std::string_view bytes) {
    add(static_cast<std::uint64_t>(bytes.size()));  // length first: "ab"+"c" differs from "a"+"bc"
    for (unsigned char c : bytes) h_ = (h_ ^ c) * 1099511628211ULL;
    return *this;
}

Fingerprint& Fingerprint::add(std::uint64_t n) {
    for (int i = 0; i < 8; ++i) h_ = (h_ ^ ((n >> (8 * i)) & 0xFF)) * 1099511628211ULL;
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

}  // namespace gongshi::render
