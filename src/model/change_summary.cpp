#include "model/change_summary.h"

#include "model/labels.h"
#include "model/permalinks.h"

namespace gongshi::model {

namespace {

std::string rating_key(const Site& s, const Rating& r) {
    return s.notices[r.notice].id.value + " " + s.projects[r.project].id.value + " " + std::to_string(r.year);
}

std::string tier_name_of(const Site& s, const std::string& id) {
    const std::optional<TierIndex> t = s.tier_index(id);  // a tier the last build had may be gone
    return t ? tier_name(s, *t) : id;
}

}  // namespace

bool ChangeSet::empty() const {
    return documents_added.empty() && projects_added.empty() && projects_renamed.empty() && ratings_added.empty() && ratings_changed.empty() &&
           removed.empty() && pages_changed_count == 0;
}

ModelSummary summarize(const Site& s) {
    ModelSummary m;
    for (const auto& p : s.projects) m.projects[p.id.value] = p.name;
    for (const auto& d : s.notices) m.documents[notice_url(d.id.value)] = d.title;
    for (const auto& d : s.replies) m.documents[reply_url(d.id.value)] = d.title;
    for (const auto& r : s.ratings)
        m.ratings[rating_key(s, r)] = tier_id(s, r.tier);
    return m;
}

ChangeSet compare_summaries(const ModelSummary* before, const ModelSummary& after, const Site& s) {
    ChangeSet c;
    if (before == nullptr) return c;
    c.compared = true;
    for (const auto& [url, title] : after.documents)
        if (!before->documents.count(url)) c.documents_added.push_back({url, title});
    for (const auto& [id, name] : after.projects)
        if (auto old = before->projects.find(id); old == before->projects.end())
            c.projects_added.push_back({project_url(id), name});
        else if (old->second != name)
            c.projects_renamed.push_back({project_url(id), old->second + " → " + name});
    for (const auto& [key, tier] : after.ratings) {
        const std::string project = key.substr(key.find(' ') + 1, key.rfind(' ') - key.find(' ') - 1);
        const std::string year = key.substr(key.rfind(' ') + 1);
        const std::string notice = key.substr(0, key.find(' '));
        auto p = after.projects.find(project);
        const std::string name = p == after.projects.end() ? project : p->second;
        auto old = before->ratings.find(key);
        const std::string text = name + "：" + year + "年" + tier_name_of(s, tier);
        if (old == before->ratings.end()) c.ratings_added.push_back({project_url(project), text + "（" + notice + "）"});
        else if (old->second != tier)
            c.ratings_changed.push_back({project_url(project), name + "：" + year + "年由" + tier_name_of(s, old->second) +
                                                                   "改为" + tier_name_of(s, tier) + "（" + notice + "）"});
    }
    for (const auto& [url, title] : before->documents)
        if (!after.documents.count(url)) c.removed.push_back({"", "公文：" + title});
    for (const auto& [id, name] : before->projects)
        if (!after.projects.count(id)) c.removed.push_back({"", "项目：" + name});
    for (const auto& [key, tier] : before->ratings)
        if (!after.ratings.count(key)) c.removed.push_back({"", "评价：" + key + " " + tier});
    return c;
}

}  // namespace gongshi::model
