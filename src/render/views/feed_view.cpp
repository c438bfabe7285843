#include "render/views/page_views.h"

#include <algorithm>
#include "model/permalinks.h"


namespace gongshi::render {

namespace {

// Atom wants a full timestamp; documents carry a date (or only a year).
std::string atom_time(const model::Document& d) {
    return (d.date.empty() ? std::to_string(d.year) + "-01-01" : d.date) + "T00:00:00+08:00";
}

}  // namespace

View feed_view(const model::Site& site) {
    View v;
    v["title"] = site.config.title + " · 公文";
    v["site_url"] = site.config.base_url;
    v["feed_url"] = model::absolute_url(site, "/feed.xml");
    std::vector<std::pair<const model::Document*, std::string>> docs;
    for (const auto& d : site.notices) docs.push_back({&d, model::notice_url(d.id.value)});
    for (const auto& d : site.replies) docs.push_back({&d, model::reply_url(d.id.value)});
    std::stable_sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) {
        return atom_time(*a.first) != atom_time(*b.first) ? atom_time(*a.first) > atom_time(*b.first)
                                                          : a.second < b.second;
    });
    ViewList entries;
    for (const auto& [d, url] : docs) {
        View e;
        e["title"] = d->doc_number.empty() ? d->title : d->doc_number + " " + d->title;
        e["url"] = model::absolute_url(site, url);
        e["updated"] = atom_time(*d);
        e["author"] = d->issuer;
        e["summary"] = d->summary;
        entries.push_back(std::move(e));
    }
    // The feed changes when its newest entry does; an empty feed falls back to the content's newest date.
    v["updated"] = docs.empty() ? (site.updated.empty() ? std::string("2000-01-01") : site.updated) + "T00:00:00+08:00"
                                : atom_time(*docs.front().first);
    v["entries"] = std::move(entries);
    return v;
}

}  // namespace gongshi::render
