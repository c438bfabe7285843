// Fingerprints of view-models: a page whose template and view fingerprint as before is unchanged.
#pragma once

#include <memory>

#include "hash/fingerprint.h"
#include "render/view.h"

namespace gongshi::render {

// Adds every field of the view, in order and tagged by type; shared fields (ViewMap::over) by the fingerprint
// they were given once, when shared.
hash::Fingerprint& add_view(hash::Fingerprint& fingerprint, const View& view);

// Shares a map of fields (ViewMap::over): fingerprints it, with `scratch` (reset first), and freezes it.
std::shared_ptr<const SharedFields> share_fields(ViewMap fields, hash::Fingerprint& scratch);

}  // namespace gongshi::render
