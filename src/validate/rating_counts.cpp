// Rating lists: what a notice declares ("共20家") equals what it lists; each project rated once per year.
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "validate/record_lookup.h"

namespace gongshi::validate {

void check_rating_counts(const model::Records& r, diag::Diagnostics& diags) {
    for (const auto& list : r.ratings) {
        std::set<std::pair<int, std::string>> groups;
        std::map<std::pair<std::string, int>, diag::SourcePos> rated;  // (project, year) → first entry
        for (const auto& g : list.groups) {
            if (!groups.insert({g.year, g.tier.value}).second)
                diags.error(g.pos, "group " + std::to_string(g.year) + " / " + g.tier.value + " appears twice in this notice",
                            "merge the two groups into one");
            const int listed = static_cast<int>(g.entries.size());
            if (g.declared >= 0 && listed != g.declared)  // -1: the count itself was unreadable
                diags.error(g.declared_pos,
                            "declared " + std::to_string(g.declared) + ", listed " + std::to_string(listed) + " (" +
                                std::to_string(g.year) + " " + g.tier.value + ")",
                            "the notice's count and its list must agree: check the entries against the document");
            int expected_rank = 1;
            for (const auto& e : g.entries) {
                if (e.rank != 0 && e.rank != expected_rank)
                    diags.error(e.pos, "rank " + std::to_string(e.rank) + " where " + std::to_string(expected_rank) +
                                           " was expected",
                                "list the entries in printed order, numbered as printed");
                expected_rank = e.rank + 1;
                auto [it, fresh] = rated.emplace(std::make_pair(e.project.value, g.year), e.pos);
                if (!fresh && !e.project.value.empty())
                    diags.error(e.project.pos,
                                "project '" + e.project.value + "' is rated twice for " + std::to_string(g.year) +
                                    " in this notice (first at line " + std::to_string(it->second.line) + ")",
                                "a notice gives a project one tier per program year: remove one entry");
            }
        }
    }
    // A project nobody has rated yet is worth knowing about, not an error.
    std::unordered_set<std::string_view> rated;  // a tree of 1.5 million strings was most of this check's time
    for (const auto& list : r.ratings)
        for (const auto& g : list.groups)
            for (const auto& e : g.entries) rated.insert(e.project.value);
    for (const auto& p : r.projects)
        if (!p.id.value.empty() && !rated.count(p.id.value))
            diags.warning(p.id.pos, "project '" + p.id.value + "' has no rating yet",
                          "fine for a new project; otherwise add it to its notice's ratings file");
}

}  // namespace gongshi::validate
