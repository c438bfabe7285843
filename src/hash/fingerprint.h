// Stable 64-bit fingerprints of bytes and numbers: equal fingerprints mean unchanged inputs. Neither a render nor a
// publish concern: render keys pages by them, publish checks its cache and names assets with them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace gongshi::hash {

// XXH3 (libxxhash) of everything added, each piece length-prefixed and tagged so that different sequences never
// serialise alike. Stable across runs and builds (std::hash is not). Pieces are gathered in a fixed buffer and fed
// to XXH3 a few KB at a time: a page's view is thousands of short strings, and FNV-1a over them byte by byte was
// ~5 % of a build.
class Fingerprint {
public:
    Fingerprint();
    ~Fingerprint();
    Fingerprint(const Fingerprint&) = delete;
    Fingerprint& operator=(const Fingerprint&) = delete;

    Fingerprint& add(std::string_view bytes);
    Fingerprint& add(const std::string& bytes) { return add(std::string_view(bytes)); }
    Fingerprint& add(const char* bytes) { return add(std::string_view(bytes)); }
    Fingerprint& add(std::uint64_t n);
    // Bytes with no length before them: one piece given in parts, each part added after add(its whole length)
    // (add(whole) and add(whole.size()) then add_unframed of its parts in order give the same value).
    Fingerprint& add_unframed(std::string_view bytes) {
        put(bytes.data(), bytes.size());
        return *this;
    }
    std::uint64_t value() const;
    // Empty again, keeping its buffer: for making many fingerprints in a row without allocating each time.
    void reset();

private:
    struct State;
    void put(const char* bytes, size_t n);
    std::unique_ptr<State> state_;
};

// A key made of 64-bit pieces, each folded into the last (XXH3 seeded with the key so far): for the few numbers
// of a dependency key, without the buffer a Fingerprint allocates.
class KeyChain {
public:
    KeyChain& add(std::uint64_t piece);
    std::uint64_t value() const { return key_; }

private:
    std::uint64_t key_ = 0x9E3779B97F4A7C15ULL;
};

// FNV-1a (64-bit) of the bytes. The asset file names published in every page ("style.<hash>.css") are made from
// it: a published URL must not change when nothing in the file did, so this function never changes.
std::uint64_t asset_name_hash(std::string_view bytes);

}  // namespace gongshi::hash
