// Stage 2: check the records against each other; every finding is added to the diagnostics.
#pragma once

#include "diag/diagnostic.h"
#include "model/records.h"

namespace gongshi::validate {

struct Options {
    bool include_drafts = false;  // drafts are always checked; this says whether they will be published
};

void validate(const model::Records& records, const Options& options, diag::Diagnostics& diags);

}  // namespace gongshi::validate
