// Editorial notes (notes: on a notice or reply): every note's anchor is unique on its page, every quoted document
// exists, and every quote stands word for word in the document it is quoted from — a note may explain a passage,
// never put words in a document's mouth.
#include <set>

#include "validate/record_lookup.h"

namespace gongshi::validate {

namespace {

// The text a quote is looked for in, and the quote itself, without what Markdown and line breaks add: white space
// (ASCII and the ideographic space), hard-break backslashes and emphasis or heading marks.
std::string comparable(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\' || c == '*' || c == '#') continue;
        if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 IDEOGRAPHIC SPACE
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

const model::Document* find_document(const RecordLookup& lookup, const std::string& id) {
    if (auto it = lookup.notices.find(id); it != lookup.notices.end()) return it->second;
    if (auto it = lookup.replies.find(id); it != lookup.replies.end()) return it->second;
    return nullptr;
}

void check_document_notes(const model::Document& d, const RecordLookup& lookup, diag::Diagnostics& diags) {
    std::set<std::string> ids;
    for (const auto& note : d.notes) {
        if (!note.id.empty() && !ids.insert(note.id).second)
            diags.error(note.pos, "a second note with id " + note.id + " on this document",
                        "give every note of a document its own id");
        for (const auto& q : note.quotes) {
            const model::Document* source = &d;
            if (!q.document.value.empty()) {
                source = find_document(lookup, q.document.value);
                if (!source) {
                    diags.error(q.document.pos, "the quote names document " + q.document.value + ", which is not in notices/ or replies/",
                                "write the id of the document the passage is quoted from (its file name without .md)");
                    continue;
                }
            }
            if (q.text.value.empty()) continue;
            const std::string needle = comparable(q.text.value);
            const std::string printed = comparable(source->doc_number + "\n" + source->title + "\n" + source->body_markdown);
            if (printed.find(needle) == std::string::npos)
                diags.error(q.text.pos, "the quoted passage is not in " + (source == &d ? std::string("this document's") : source->id.value + "'s") + " text",
                            "copy the passage word for word from the document as transcribed (only spaces and line breaks may differ)");
        }
    }
}

}  // namespace

void check_editorial_notes(const model::Records& r, const RecordLookup& lookup, diag::Diagnostics& diags) {
    for (const auto& d : r.notices) check_document_notes(d, lookup, diags);
    for (const auto& d : r.replies) check_document_notes(d, lookup, diags);
}

}  // namespace gongshi::validate
