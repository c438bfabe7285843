// The few CBOR items the build cache is made of (RFC 8949: unsigned integers, text strings, and arrays and maps
// of definite length), appended to a string as they come. Written here rather than with nlohmann::json, which
// makes CBOR only from a whole tree of the document: the trees of the cache's outputs and summaries were several
// times the bytes they encode (at 1 000 000 projects ~2.6 million entries), held at the end of the build. The
// cache is still read with nlohmann's SAX parser (build_cache.cpp), which checks what these functions write.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gongshi::publish {

class CborWriter {
  public:
    explicit CborWriter(std::string& out) : out_(out) {}
    CborWriter& map(std::uint64_t entries) { return head(5, entries); }  // then each key and value
    CborWriter& array(std::uint64_t items) { return head(4, items); }
    CborWriter& number(std::uint64_t n) { return head(0, n); }
    CborWriter& text(std::string_view s) {  // UTF-8, as given
        head(3, s.size());
        out_ += s;
        return *this;
    }

  private:
    std::string& out_;
    // Major type and argument, in the shortest form (as nlohmann and every canonical encoder write it).
    CborWriter& head(unsigned major, std::uint64_t n);
};

}  // namespace gongshi::publish
