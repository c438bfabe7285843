#include "render/views/editorial_notes_view.h"

#include "model/labels.h"
#include "model/permalinks.h"

namespace gongshi::render {

ViewList editorial_note_views(const model::Site& site, const model::Document& d) {
    ViewList notes;
    for (const auto& note : d.notes) {
        View n;
        n["id"] = "note-" + note.id;
        n["url"] = model::document_url(d) + "#note-" + note.id;
        n["about"] = note.about;
        n["explanation"] = note.explanation;
        n["document_label"] = model::document_label(d);
        n["document_url"] = model::document_url(d);
        ViewList quotes;
        for (const auto& q : note.quotes) {
            // A passage of another document names and links it; one of the note's own document needs no source.
            const model::Document* source = q.document.value.empty() ? nullptr : site.document(q.document.value);
            View qv;
            qv["where"] = q.where;
            qv["text"] = q.text.value;
            if (source) {
                qv["source_label"] = model::document_label(*source);
                qv["source_url"] = model::document_url(*source);
            }
            quotes.push_back(std::move(qv));
        }
        n["quotes"] = std::move(quotes);
        notes.push_back(std::move(n));
    }
    return notes;
}

}  // namespace gongshi::render
