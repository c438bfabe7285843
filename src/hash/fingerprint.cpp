#include "hash/fingerprint.h"

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t by value
#include <xxhash.h>

#include <cstring>

namespace gongshi::hash {

struct Fingerprint::State {
    XXH3_state_t xxh;
    bool streaming = false;  // false: everything added is still in buf
    size_t used = 0;
    char buf[8192];
};

// Not make_unique: that would zero the 8 KB buffer of every fingerprint.
Fingerprint::Fingerprint() : state_(new State) {}
Fingerprint::~Fingerprint() = default;

void Fingerprint::put(const char* bytes, size_t n) {
    State& s = *state_;
    if (s.used + n > sizeof s.buf) {
        if (!s.streaming) {
            XXH3_64bits_reset(&s.xxh);
            s.streaming = true;
        }
        XXH3_64bits_update(&s.xxh, s.buf, s.used);
        s.used = 0;
        if (n > sizeof s.buf) {
            XXH3_64bits_update(&s.xxh, bytes, n);
            return;
        }
    }
    std::memcpy(s.buf + s.used, bytes, n);
    s.used += n;
}

Fingerprint& Fingerprint::add(std::string_view bytes) {
    add(static_cast<std::uint64_t>(bytes.size()));  // length first: "ab"+"c" differs from "a"+"bc"
    put(bytes.data(), bytes.size());
    return *this;
}

Fingerprint& Fingerprint::add(std::uint64_t n) {
    char le[8];
    for (int i = 0; i < 8; ++i) le[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
    put(le, 8);
    return *this;
}

void Fingerprint::reset() {
    state_->streaming = false;
    state_->used = 0;
}

KeyChain& KeyChain::add(std::uint64_t piece) {
    char le[8];
    for (int i = 0; i < 8; ++i) le[i] = static_cast<char>((piece >> (8 * i)) & 0xFF);
    key_ = XXH3_64bits_withSeed(le, sizeof le, key_);
    return *this;
}

std::uint64_t asset_name_hash(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < 8; ++i) h = (h ^ ((bytes.size() >> (8 * i)) & 0xFF)) * 1099511628211ULL;  // length first
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::uint64_t Fingerprint::value() const {
    const State& s = *state_;
    if (!s.streaming) return XXH3_64bits(s.buf, s.used);
    XXH3_state_t rest = s.xxh;  // value() leaves the fingerprint as it was: more may be added
    XXH3_64bits_update(&rest, s.buf, s.used);
    return XXH3_64bits_digest(&rest);
}

}  // namespace gongshi::hash
