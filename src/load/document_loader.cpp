// notices/<id>.md and replies/<id>.md: front matter fields; the Markdown body is kept as text.
#include "load/field_reader.h"
#include "load/record_loaders.h"

#include <algorithm>

#include "model/placeholder.h"

namespace gongshi::load {

using Kind = YamlNode::Kind;

namespace {

const std::vector<std::string> disclosures = {"主动公开", "依申请公开", "可以公开", "不予公开", "未注明"};

void read_reply_fields(FieldReader& r, model::Document& d, diag::Diagnostics& diags) {
    d.city = r.located_text("city", true);
    d.addressee = r.text("addressee", true).value_or("");
    if (const YamlNode* m = r.child("motion", true, Kind::mapping)) {
        FieldReader mr(*m, "motion", diags);
        model::Motion motion;
        motion.kind = mr.one_of("kind", true, {"提案", "议案", "建议"}).value_or("");
        motion.number = mr.text("number", true).value_or("");
        motion.session = mr.text("session", false).value_or("");
        motion.title = mr.text("title", true).value_or("");
        motion.proposer = mr.text("proposer", true).value_or("");
        mr.reject_unknown();
        d.motion = motion;
    }
    d.category = r.text("category", false).value_or("");
    if (const YamlNode* sigs = r.child("signatories", false, Kind::sequence)) {
        for (const YamlNode& s : sigs->items) {
            FieldReader sr(s, "signatory", diags);
            model::Signatory sig{sr.text("role", true).value_or(""), sr.text("name", true).value_or("")};
            sr.reject_unknown();
            d.signatories.push_back(std::move(sig));
        }
    }
    d.contact = r.text("contact", false).value_or("");
}

// notes: editorial notes, each with the passages it quotes (model::EditorialNote).
std::vector<model::EditorialNote> read_notes(FieldReader& r, diag::Diagnostics& diags) {
    std::vector<model::EditorialNote> notes;
    const YamlNode* list = r.child("notes", false, Kind::sequence);
    if (!list) return notes;
    for (const YamlNode& n : list->items) {
        FieldReader nr(n, "note", diags);
        if (!nr.is_mapping()) continue;
        model::EditorialNote note;
        note.pos = nr.pos();
        note.id = nr.id("id", true).value_or("");
        note.about = nr.text("about", true).value_or("");
        note.explanation = nr.text("explanation", true).value_or("");
        if (const YamlNode* quotes = nr.child("quotes", true, Kind::sequence)) {
            for (const YamlNode& q : quotes->items) {
                FieldReader qr(q, "quote", diags);
                if (!qr.is_mapping()) continue;
                model::NoteQuote quote;
                quote.where = qr.text("where", true).value_or("");
                quote.text = qr.located_text("text", true).value_or(model::Located{});
                quote.document = qr.located_text("document", false).value_or(model::Located{"", qr.pos()});
                qr.reject_unknown();
                note.quotes.push_back(std::move(quote));
            }
            if (note.quotes.size() < 2)
                diags.error(nr.pos_of("quotes"), "a note quotes " + std::to_string(note.quotes.size()) +
                                                     " passage(s); it needs at least the two that disagree",
                            "add each passage under quotes: with where it stands and its text as printed");
        }
        nr.reject_unknown();
        notes.push_back(std::move(note));
    }
    return notes;
}

}  // namespace

std::optional<model::Document> load_document(model::Document::Type type, const YamlNode& front, model::Located id,
                                             std::string body, int body_line, const std::string& file,
                                             diag::Diagnostics& diags) {
    const bool is_reply = type == model::Document::Type::reply;
    FieldReader r(front, is_reply ? "reply" : "notice", diags);
    if (!r.is_mapping()) return std::nullopt;
    model::Document d;
    d.type = type;
    d.id = std::move(id);
    d.file = file;
    d.title = r.text("title", true).value_or("");
    d.issuer = r.text("issuer", true).value_or("");
    d.date = r.date("date", false).value_or("");
    d.date_kind = r.one_of("date_kind", false, {"成文日期", "印发日期"}).value_or("成文日期");
    d.year = r.integer("year", true, 2000, 2100).value_or(0);
    d.year_basis = r.text("year_basis", false).value_or("");
    d.disclosure = r.one_of("disclosure", true, disclosures).value_or("");
    d.source_file = r.text("source_file", true).value_or("");
    d.summary = r.text("summary", true).value_or("");
    d.aliases = r.located_list("aliases", false);
    d.notes = read_notes(r, diags);
    d.draft = r.boolean("draft").value_or(false);
    if (is_reply) {
        d.kind = "答复";
        d.doc_number = r.text("doc_number", true).value_or("");
        read_reply_fields(r, d, diags);
    } else {
        d.kind = r.one_of("kind", true, {"通报", "通知", "实施方案", "报道"}).value_or("");
        d.doc_number = r.text("doc_number", d.kind != "报道").value_or("");
        d.addressees = r.text_list("addressees", false);
        d.author = r.text("author", false).value_or("");
    }
    if (!d.date.empty() && d.year != 0 && std::stoi(d.date.substr(0, 4)) != d.year)
        diags.error(r.pos_of("date"), "date " + d.date + " is not in the document's year " + std::to_string(d.year),
                    "correct the date or the year");
    r.reject_unknown();
    if (const size_t at = body.find(model::placeholder); at != std::string::npos) {
        const int line = body_line + static_cast<int>(std::count(body.begin(), body.begin() + static_cast<long>(at), '\n'));
        diags.error({r.pos().path, line, 1}, "the text still holds the placeholder " + std::string(model::placeholder),
                    "replace it with the document's full text as printed");
    }
    d.body_markdown = std::move(body);
    d.body_line = body_line;
    return d;
}

}  // namespace gongshi::load
