// SHA-256, the hash the site publishes for every file (the manifest, SHA256SUMS, the data package).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace gongshi::hash {

// Fed piece by piece (a file read in blocks); hex() ends it.
class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Sha256& add(std::string_view bytes);
    std::string hex();  // lowercase; once

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// SHA-256 of bytes, lowercase hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace gongshi::hash
