// Task tables: rows add up to the declared total; each city once; uncovered counties are real counties.
#include <set>

#include "validate/record_lookup.h"

namespace gongshi::validate {

void check_task_tables(const model::Records& r, const RecordLookup& lookup, diag::Diagnostics& diags) {
    for (const auto& t : r.tasks) {
        int sum = 0;
        bool readable = t.declared_total >= 0;  // an unreadable figure (-1) was reported; do not add it up
        std::set<std::string> seen;
        for (const auto& row : t.rows) {
            sum += row.tasks;
            readable = readable && row.tasks >= 0;
            if (!seen.insert(row.city.value).second)
                diags.error(row.city.pos, "city '" + row.city.value + "' has two rows in this task table",
                            "keep one row per city");
            auto city = lookup.cities.find(row.city.value);
            if (city == lookup.cities.end()) continue;
            for (const auto& county : row.uncovered)
                if (!city_has_county(*city->second, county.value))
                    diags.error(county.pos, "county '" + county.value + "' is not a county of " + city->second->name,
                                "write the county as cities.yaml names it");
        }
        if (readable && sum != t.declared_total)
            diags.error(t.total_pos,
                        "rows add up to " + std::to_string(sum) + ", but the table declares a total of " +
                            std::to_string(t.declared_total),
                        "check each row's task count against the document");
    }
}

}  // namespace gongshi::validate
