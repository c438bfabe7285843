#include "model/as_of.h"

namespace gongshi::model {

AsOf& AsOf::add(const Document& d) {
    const std::string date = d.date.empty() ? std::to_string(d.year) + "-99" : d.date;
    if (newest_doc_ == nullptr || date > newest_) {
        newest_ = date;
        newest_doc_ = &d;
    }
    return *this;
}

AsOf& AsOf::add_all(const std::vector<Document>& documents) {
    for (const auto& d : documents) add(d);
    return *this;
}

AsOf& AsOf::add_ratings(const Site& site, const std::vector<int>& ratings) {
    for (int r : ratings) add(site.notices[site.ratings[r].notice]);
    return *this;
}

std::string AsOf::text() const { return newest_.ends_with("-99") ? newest_.substr(0, 4) + "年" : newest_; }

}  // namespace gongshi::model
