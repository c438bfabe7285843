#include <algorithm>
#include <numeric>

#include "model/site.h"

namespace gongshi::model {

const County* Site::county_of(const Project& p) const {
    auto c = city_index.find(p.city.value);
    if (c == city_index.end()) return nullptr;
    for (const auto& k : cities[c->second].counties)
        if (k.name == p.county.value) return &k;
    return nullptr;
}

const Document* Site::notice(const std::string& id) const {
    auto n = notice_index.find(id);
    return n == notice_index.end() ? nullptr : &notices[n->second];
}

const Document* Site::document(const std::string& id) const {
    if (const Document* n = notice(id)) return n;
    auto r = reply_index.find(id);
    return r == reply_index.end() ? nullptr : &replies[r->second];
}

const Document* Site::first_listed_in(int project) const {
    const std::vector<int>& of_project = ratings_of_project[project];
    return of_project.empty() ? nullptr : &notices[ratings[of_project.front()].notice];
}

const Program* Site::program(int year) const {
    for (const auto& p : config.programs)
        if (p.year == year) return &p;
    return nullptr;
}

int Site::project_at(std::string_view id) const {
    const auto it = std::lower_bound(projects.begin(), projects.end(), id,
                                     [](const Project& p, std::string_view x) { return p.id.value < x; });
    return it != projects.end() && it->id.value == id ? static_cast<int>(it - projects.begin()) : -1;
}

std::optional<TierIndex> Site::tier_index(const std::string& id) const {
    for (size_t i = 0; i < config.tiers.size(); ++i)
        if (config.tiers[i].id == id) return TierIndex(i);
    return std::nullopt;
}

int Site::rating_count(int year, TierIndex tier) const {
    auto it = ratings_by_year_tier.find({year, tier});
    return it == ratings_by_year_tier.end() ? 0 : static_cast<int>(it->second.size());
}

std::vector<TierIndex> Site::tier_order() const {
    std::vector<TierIndex> out;
    for (size_t i = 0; i < config.tiers.size(); ++i) out.emplace_back(i);
    return out;
}

namespace {

template <class T, class Pred>
void drop_if(std::vector<T>& v, Pred pred) {
    v.erase(std::remove_if(v.begin(), v.end(), pred), v.end());
}

// Sorts large records through their indices, then moves each record once into its place (following the
// permutation's cycles, with no second array of records): a plain sort of 100 000 projects moved them some
// n log n times, and the moves cost more than the comparisons (perf of a rebuild at N = 100 000).
template <class T, class Less>
void sort_in_place_by_index(std::vector<T>& v, Less less) {
    std::vector<size_t> order(v.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return less(v[a], v[b]); });
    // order[k]: where the record that belongs at k is now. A placed position is marked order[k] == k.
    for (size_t i = 0; i < v.size(); ++i) {
        if (order[i] == i) continue;
        T first = std::move(v[i]);
        size_t k = i;
        while (order[k] != i) {
            const size_t from = order[k];
            v[k] = std::move(v[from]);
            order[k] = k;
            k = from;
        }
        v[k] = std::move(first);
        order[k] = k;
    }
}

// Newest first: by date where printed, else by year; ties by id for a stable order.
bool newer(const Document& a, const Document& b) {
    const std::string ka = a.date.empty() ? std::to_string(a.year) + "-00-00" : a.date;
    const std::string kb = b.date.empty() ? std::to_string(b.year) + "-00-00" : b.date;
    if (ka != kb) return ka > kb;
    return a.id.value < b.id.value;
}

}  // namespace

Site build_model(Records records, bool include_drafts) {
    Site s;
    s.config = std::move(*records.site);
    s.cities = std::move(records.cities);
    s.projects = std::move(records.projects);
    s.notices = std::move(records.notices);
    s.replies = std::move(records.replies);
    s.tasks = std::move(records.tasks);
    s.schedules = std::move(records.schedules);
    s.progress = std::move(records.progress);
    s.scores = std::move(records.scores);
    s.records_read = records.files_read;
    s.shared_source_hash = records.shared_source_hash;
    if (!include_drafts) {
        auto is_draft = [](const auto& r) { return r.draft; };
        drop_if(s.projects, is_draft);
        drop_if(s.notices, is_draft);
        drop_if(s.replies, is_draft);
        drop_if(s.tasks, is_draft);
        drop_if(records.ratings, is_draft);
        drop_if(s.schedules, is_draft);
        drop_if(s.progress, is_draft);
        drop_if(s.scores, is_draft);
    }
    sort_in_place_by_index(s.projects, [](const Project& a, const Project& b) { return a.id.value < b.id.value; });
    std::sort(s.notices.begin(), s.notices.end(), newer);
    std::sort(s.replies.begin(), s.replies.end(), newer);
    std::sort(s.tasks.begin(), s.tasks.end(), [](const TaskTable& a, const TaskTable& b) { return a.year < b.year; });
    std::sort(records.ratings.begin(), records.ratings.end(),
              [](const RatingList& a, const RatingList& b) { return a.notice.value < b.notice.value; });

    for (size_t i = 0; i < s.cities.size(); ++i) s.city_index[s.cities[i].id] = static_cast<int>(i);
    for (size_t i = 0; i < s.notices.size(); ++i) s.notice_index[s.notices[i].id.value] = static_cast<int>(i);
    for (size_t i = 0; i < s.replies.size(); ++i) s.reply_index[s.replies[i].id.value] = static_cast<int>(i);

    s.city_of_project.resize(s.projects.size(), -1);
    s.projects_of_city.resize(s.cities.size());
    s.replies_of_city.resize(s.cities.size());
    for (size_t i = 0; i < s.projects.size(); ++i) {
        const int c = s.city_index.at(s.projects[i].city.value);
        s.city_of_project[i] = c;
        s.projects_of_city[c].push_back(static_cast<int>(i));
    }
    s.county_group_of_project.resize(s.projects.size(), -1);
    std::map<std::pair<int, std::string>, int> county_groups;
    for (size_t i = 0; i < s.projects.size(); ++i) {
        if (s.projects[i].county.value.empty()) continue;
        const auto [it, added] = county_groups.try_emplace({s.city_of_project[i], s.projects[i].county.value},
                                                           static_cast<int>(s.projects_of_county_group.size()));
        if (added) s.projects_of_county_group.emplace_back();
        s.county_group_of_project[i] = it->second;
        s.projects_of_county_group[it->second].push_back(static_cast<int>(i));
    }
    for (size_t i = 0; i < s.replies.size(); ++i)
        if (s.replies[i].city) s.replies_of_city[s.city_index.at(s.replies[i].city->value)].push_back(static_cast<int>(i));

    s.ratings_of_project.resize(s.projects.size());
    s.ratings_of_notice.resize(s.notices.size());
    size_t entries = 0;  // room for every rating at once: grown by doubling, the list held up to twice itself
    for (const RatingList& list : records.ratings)
        for (const RatingGroup& g : list.groups) entries += g.entries.size();
    s.ratings.reserve(entries);
    // The lists' text is moved into the ratings, and each list let go once read: the lists and the ratings were
    // both held whole until the model was built (at 1 000 000 projects, 1.5 million entries each).
    for (RatingList& list : records.ratings) {
        auto n = s.notice_index.find(list.notice.value);
        if (n == s.notice_index.end()) continue;
        for (RatingGroup& g : list.groups) {
            const std::optional<TierIndex> tier = s.tier_index(g.tier.value);
            if (!tier) continue;  // validation reports an unknown tier; the model holds only the site's tiers
            const int heading = static_cast<int>(s.rating_headings.size());
            s.rating_headings.push_back(std::move(g.heading));
            for (RatingEntry& e : g.entries) {
                const int p = s.project_at(e.project.value);
                if (p < 0) continue;  // a draft project, only in a --drafts build
                Rating r{p, n->second, g.year, *tier, e.rank, heading, std::move(e.printed), std::move(e.correction),
                         list.source_hash};
                const int idx = static_cast<int>(s.ratings.size());
                s.ratings.push_back(std::move(r));
                s.ratings_of_notice[n->second].push_back(idx);
                s.ratings_of_project[p].push_back(idx);
                s.ratings_by_year_tier[{g.year, s.ratings[idx].tier}].push_back(idx);
            }
        }
        list = RatingList{};
    }
    // By program year and, within one, oldest notice first (`notices` is newest first): the first is the notice
    // that first listed the project (Site::first_listed_in), whatever notices of that year came after it.
    for (auto& list : s.ratings_of_project)
        std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
            const Rating& x = s.ratings[a];
            const Rating& y = s.ratings[b];
            return x.year != y.year ? x.year < y.year : x.notice > y.notice;
        });

    drop_if(s.progress, [&](const ProgressReport& r) { return !s.notice_index.count(r.notice.value); });
    drop_if(s.scores, [&](const ScoreSheet& r) { return !s.notice_index.count(r.notice.value); });
    std::sort(s.schedules.begin(), s.schedules.end(), [](const Schedule& a, const Schedule& b) { return a.year < b.year; });
    std::sort(s.progress.begin(), s.progress.end(), [](const ProgressReport& a, const ProgressReport& b) {
        return a.month.value != b.month.value ? a.month.value < b.month.value : a.notice.value < b.notice.value;
    });
    std::sort(s.scores.begin(), s.scores.end(),
              [](const ScoreSheet& a, const ScoreSheet& b) { return a.notice.value < b.notice.value; });
    build_progress_index(s);

    for (const auto* docs : {&s.notices, &s.replies})
        for (const auto& d : *docs) s.updated = std::max(s.updated, d.date);
    return s;
}

}  // namespace gongshi::model
