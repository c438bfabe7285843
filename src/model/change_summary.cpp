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
    for (const auto& p : s.projects) m.projects.emplace_hint(m.projects.end(), p.id.value, p.name);  // sorted by id
    for (const auto& d : s.notices) m.documents[notice_url(d.id.value)] = d.title;
    for (const auto& d : s.replies) m.documents[reply_url(d.id.value)] = d.title;
    for (const auto& r : s.ratings)
        m.ratings[rating_key(s, r)] = tier_id(s, r.tier);
    return m;
}

namespace {

// Walks two maps sorted by the same key in step: each entry of `after` with its value in `before` (or nullptr), and
// each entry only `before` has, in key order. One comparison a step instead of a lookup a key: both maps hold every
// project and rating (1 000 000 and 1 550 000 keys at N = 1 000 000), and most are unchanged.
template <class Map, class Each, class OnlyBefore>
void merge_maps(const Map& before, const Map& after, Each each, OnlyBefore only_before) {
    auto b = before.begin();
    for (const auto& entry : after) {
        while (b != before.end() && b->first < entry.first) only_before(*b++);
        if (b != before.end() && b->first == entry.first) each(entry, &(b++)->second);
        else each(entry, nullptr);
    }
    while (b != before.end()) only_before(*b++);
}

}  // namespace

ChangeSet compare_summaries(const ModelSummary* before, const ModelSummary& after, const Site& s) {
    ChangeSet c;
    if (before == nullptr) return c;
    c.compared = true;
    std::vector<Change> documents_removed, projects_removed, ratings_removed;
    merge_maps(
        before->documents, after.documents,
        [&](const auto& doc, const std::string* old) {
            if (!old) c.documents_added.push_back({doc.first, doc.second});
        },
        [&](const auto& doc) { documents_removed.push_back({"", "公文：" + doc.second}); });
    merge_maps(
        before->projects, after.projects,
        [&](const auto& project, const std::string* old) {
            if (!old) c.projects_added.push_back({project_url(project.first), project.second});
            else if (*old != project.second)
                c.projects_renamed.push_back({project_url(project.first), *old + " → " + project.second});
        },
        [&](const auto& project) { projects_removed.push_back({"", "项目：" + project.second}); });
    merge_maps(
        before->ratings, after.ratings,
        [&](const auto& rating, const std::string* old) {
            const auto& [key, tier] = rating;
            if (old && *old == tier) return;  // unchanged: the common case
            const std::string project = key.substr(key.find(' ') + 1, key.rfind(' ') - key.find(' ') - 1);
            const std::string year = key.substr(key.rfind(' ') + 1);
            const std::string notice = key.substr(0, key.find(' '));
            auto p = after.projects.find(project);
            const std::string name = p == after.projects.end() ? project : p->second;
            if (!old)
                c.ratings_added.push_back(
                    {project_url(project), name + "：" + year + "年" + tier_name_of(s, tier) + "（" + notice + "）"});
            else
                c.ratings_changed.push_back({project_url(project), name + "：" + year + "年由" + tier_name_of(s, *old) +
                                                                       "改为" + tier_name_of(s, tier) + "（" + notice + "）"});
        },
        [&](const auto& rating) { ratings_removed.push_back({"", "评价：" + rating.first + " " + rating.second}); });
    for (auto* removed : {&documents_removed, &projects_removed, &ratings_removed})
        c.removed.insert(c.removed.end(), std::make_move_iterator(removed->begin()),
                         std::make_move_iterator(removed->end()));
    return c;
}

}  // namespace gongshi::model
