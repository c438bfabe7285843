// A tier of the site's scale (优秀, 良好, 达标) as its place in site.yaml's `tiers:`, which is the order they rank in.
// Only the model makes one, from a tier id that validation resolved, so a published rating's tier is always one of
// the site's: later stages never check for "no tier".
#pragma once

#include <compare>
#include <cstddef>

namespace gongshi::model {

class TierIndex {
public:
    explicit constexpr TierIndex(std::size_t index) : index_(index) {}
    constexpr std::size_t value() const { return index_; }
    auto operator<=>(const TierIndex&) const = default;

private:
    std::size_t index_;
};

}  // namespace gongshi::model
