// The date a page's data is as of, shown in its footer ("数据更新至") and cite block: the newest date of the
// documents the page draws on — never the site's newest date, or every page would change with every notice.
// A document printed with a year alone counts as the end of that year (it may be the newest of its year), so
// the page says "2023年" rather than claim a day it cannot know.
#pragma once

#include <string>
#include <vector>

#include "model/site.h"

namespace gongshi::model {

class AsOf {
public:
    AsOf& add(const Document& d);
    AsOf& add(const Document* d) { return d ? add(*d) : *this; }
    AsOf& add_ratings(const Site& site, const std::vector<int>& ratings);  // their notices
    AsOf& add_all(const std::vector<Document>& documents);
    // "2023-12-27", or "2023年" for a year alone, or "" when nothing was added.
    std::string text() const;
    const Document* newest() const { return newest_doc_; }  // the document that date is from

private:
    std::string newest_;  // as compared: "YYYY-MM-DD", or "YYYY-99" for a year alone
    const Document* newest_doc_ = nullptr;
};

}  // namespace gongshi::model
