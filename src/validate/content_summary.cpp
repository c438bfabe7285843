#include "validate/content_summary.h"

#include <algorithm>
#include <map>

namespace gongshi::validate {

namespace {

bool is_site_tier(const model::Records& r, const std::string& id) {
    return r.site && std::any_of(r.site->tiers.begin(), r.site->tiers.end(), [&](const auto& t) { return t.id == id; });
}

}  // namespace

std::vector<std::string> summarize_content(const model::Records& r) {
    std::vector<std::string> lines;
    int drafts = 0;
    std::map<int, int> projects_by_year;
    for (const auto& p : r.projects) {
        ++projects_by_year[p.year];
        drafts += p.draft;
    }
    std::string line = "projects: " + std::to_string(r.projects.size());
    std::string by_year;
    for (const auto& [year, n] : projects_by_year)
        by_year += (by_year.empty() ? "" : ", ") + std::to_string(year) + ": " + std::to_string(n);
    if (!by_year.empty()) line += " (" + by_year + ")";
    lines.push_back(line);

    // year → tier (in site.yaml order) → count
    std::map<int, std::map<std::string, int>> ratings;
    int rating_count = 0;
    for (const auto& list : r.ratings) {
        drafts += list.draft;
        for (const auto& g : list.groups) {
            ratings[g.year][g.tier.value] += static_cast<int>(g.entries.size());
            rating_count += static_cast<int>(g.entries.size());
        }
    }
    line = "ratings: " + std::to_string(rating_count) + " in " + std::to_string(r.ratings.size()) + " ratings file(s)";
    for (const auto& [year, tiers] : ratings) {
        line += "; " + std::to_string(year) + ":";
        if (r.site)
            for (const auto& t : r.site->tiers)
                if (auto it = tiers.find(t.id); it != tiers.end()) line += " " + t.name + " " + std::to_string(it->second);
        for (const auto& [tier, n] : tiers)
            if (!is_site_tier(r, tier)) line += " " + tier + " " + std::to_string(n);  // named by id: unknown
    }
    lines.push_back(line);

    for (const auto& d : r.notices) drafts += d.draft;
    for (const auto& d : r.replies) drafts += d.draft;
    lines.push_back("documents: " + std::to_string(r.notices.size()) + " notices, " + std::to_string(r.replies.size()) +
                    " replies");
    std::string tasks;
    for (const auto& t : r.tasks) {
        drafts += t.draft;
        tasks += (tasks.empty() ? "" : ", ") + std::to_string(t.year) + " (" + std::to_string(t.rows.size()) + " rows, total " +
                 std::to_string(t.declared_total) + ")";
    }
    int counties = 0;
    for (const auto& c : r.cities) counties += static_cast<int>(c.counties.size());
    lines.push_back("task tables: " + (tasks.empty() ? std::string("none") : tasks) + "; cities: " +
                    std::to_string(r.cities.size()) + " with " + std::to_string(counties) + " counties");
    lines.push_back(summarize_progress(r));
    for (const auto& p : r.progress) drafts += p.draft;
    for (const auto& p : r.scores) drafts += p.draft;
    if (drafts) lines.push_back("drafts (published only with --drafts): " + std::to_string(drafts));
    return lines;
}

}  // namespace gongshi::validate
