// A ratings entry's printed name against the project it names: the check that catches a right-looking id
// attached to the wrong line of a notice.
#include "validate/record_lookup.h"
#include "validate/suggest.h"

namespace gongshi::validate {

void check_printed_names(const model::Records& r, const RecordLookup& lookup, diag::Diagnostics& diags) {
    std::map<std::string, const model::Project*> by_name;
    for (const auto& p : r.projects) by_name.emplace(p.name, &p);
    for (const auto& list : r.ratings)
        for (const auto& g : list.groups)
            for (const auto& e : g.entries) {
                auto it = lookup.projects.find(e.project.value);
                if (it == lookup.projects.end() || e.printed.empty() || e.printed == it->second->name) continue;
                const model::Project& named = *it->second;
                auto other = by_name.find(e.printed);
                if (other != by_name.end() && other->second != &named) {
                    diags.error(e.project.pos,
                                "the entry names project '" + named.id.value + "', but its printed name is that of '" +
                                    other->second->id.value + "'",
                                "write project: " + other->second->id.value + ", or correct the printed name");
                    continue;
                }
                if (!e.correction.empty()) continue;  // a damaged print, already explained beside it
                const int d = edit_distance(e.printed, named.name);
                diags.warning(e.project.pos,
                              "the printed name differs from project '" + named.id.value + "' (" + named.name + ") in " +
                                  std::to_string(d) + " characters",
                              "if the notice's print is wrong, say so in 'correction'; otherwise check the project id");
            }
}

}  // namespace gongshi::validate
