#include "publish/cbor_writer.h"

namespace gongshi::publish {

CborWriter& CborWriter::head(unsigned major, std::uint64_t n) {
    const auto initial = static_cast<char>(major << 5);
    const auto be = [&](int bytes) {
        for (int i = bytes - 1; i >= 0; --i) out_ += static_cast<char>((n >> (8 * i)) & 0xFF);
    };
    if (n < 24) {
        out_ += static_cast<char>(initial | static_cast<char>(n));
    } else if (n <= 0xFF) {
        out_ += static_cast<char>(initial | 24);
        be(1);
    } else if (n <= 0xFFFF) {
        out_ += static_cast<char>(initial | 25);
        be(2);
    } else if (n <= 0xFFFFFFFF) {
        out_ += static_cast<char>(initial | 26);
        be(4);
    } else {
        out_ += static_cast<char>(initial | 27);
        be(8);
    }
    return *this;
}

}  // namespace gongshi::publish
