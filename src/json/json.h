// The one place the JSON library (nlohmann-json, Debian's nlohmann-json3-dev) is named. Render makes the open data's
// heads and its data package with it, data_escaping its string escaping; publish reads the build cache's CBOR
// with its SAX parser. Swapping the library means changing these names, not the files that use them.
#pragma once

#include <nlohmann/json.hpp>

namespace gongshi::json {

using Ordered = nlohmann::ordered_json;  // objects keep the order their fields were set in (what the site publishes)
using Tree = nlohmann::json;             // objects sorted by name
template <class J>
using Sax = nlohmann::json_sax<J>;  // an event reader, for documents read without a tree
using ParseError = nlohmann::detail::exception;

}  // namespace gongshi::json
