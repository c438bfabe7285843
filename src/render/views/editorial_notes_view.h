// View-model of a document's editorial notes (编者注): what disagrees, why, and each passage quoted with where it
// stands and a link to the document it is quoted from. Shown on the document's page and gathered on /checks/.
#pragma once

#include "model/site.h"
#include "render/view.h"

namespace gongshi::render {

// The notes of `d`, in the order written; each links its quotes' documents and itself (document page#note-id).
ViewList editorial_note_views(const model::Site& site, const model::Document& d);

}  // namespace gongshi::render
