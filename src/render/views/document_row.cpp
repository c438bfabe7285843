#include "render/views/document_row.h"


namespace gongshi::render {

View document_row(const model::Document& d, const std::string& url) {
    View v;
    v["title"] = d.title;
    v["url"] = url;
    v["label"] = d.doc_number.empty() ? d.issuer : d.doc_number;
    v["date"] = d.date.empty() ? std::to_string(d.year) + "年" : d.date;
    v["kind"] = d.kind;
    v["summary"] = d.summary;
    return v;
}

std::string recency_key(const model::Document& d) {
    return d.date.empty() ? std::to_string(d.year) + "-00-00" : d.date;
}

}  // namespace gongshi::render
