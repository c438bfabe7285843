// OpenSSL (libcrypto): only here.
#include "hash/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace gongshi::hash {

namespace {

std::string hex(const unsigned char* digest, unsigned int n) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
        out += digits[digest[i] >> 4];
        out += digits[digest[i] & 0xF];
    }
    return out;
}

}  // namespace

struct Sha256::State {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), EVP_MD_CTX_free};
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
    if (!state_->ctx || EVP_DigestInit_ex(state_->ctx.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 unavailable");
}

Sha256::~Sha256() = default;

Sha256& Sha256::add(std::string_view bytes) {
    if (EVP_DigestUpdate(state_->ctx.get(), bytes.data(), bytes.size()) != 1)
        throw std::runtime_error("SHA-256 failed");
    return *this;
}

std::string Sha256::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(state_->ctx.get(), digest, &n) != 1) throw std::runtime_error("SHA-256 failed");
    return gongshi::hash::hex(digest, n);
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &n, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 unavailable");
    return hex(digest, n);
}

}  // namespace gongshi::hash
