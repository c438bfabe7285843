#include "render/project_filter_data.h"

#include "model/labels.h"
#include "model/permalinks.h"
#include "render/data_escaping.h"
#include "render/pagination.h"
#include "render/views/corrected_name.h"

namespace gongshi::render {

namespace {

void append_field(std::string& out, const char* name, const std::string& value) {
    out += '"';
    out += name;
    out += "\":";
    append_json_string(out, value);
}

}  // namespace

std::string project_parts_json(const model::Site& site, const ListPartitions& lists) {
    std::string out = "{\"page_size\":" + std::to_string(page_size) + ",\"parts\":[";
    bool first = true;
    for (const ListPart& part : lists.parts()) {
        if (part.kind != ListPart::Kind::city_year_projects) continue;
        // Projects rated each tier at least once, as the filter counts them.
        std::vector<int> tiers(site.config.tiers.size(), 0);
        for (int p : part.rows) {
            std::vector<bool> seen(tiers.size(), false);
            for (int r : site.ratings_of_project[p]) seen[site.ratings[r].tier.value()] = true;
            for (size_t t = 0; t < tiers.size(); ++t) tiers[t] += seen[t];
        }
        out += first ? "{" : ",{";
        first = false;
        append_field(out, "city", site.cities[static_cast<size_t>(part.city)].id);
        out += ",\"year\":" + std::to_string(part.year) + ",\"count\":" + std::to_string(part.rows.size()) + ",\"tiers\":{";
        for (size_t t = 0; t < tiers.size(); ++t) {
            if (t > 0) out += ',';
            append_json_string(out, site.config.tiers[t].id);
            out += ':' + std::to_string(tiers[t]);
        }
        out += "},";
        append_field(out, "url", part.url);
        out += ',';
        append_field(out, "city_url", model::city_url(site.cities[static_cast<size_t>(part.city)].id));
        out += ",\"pages\":" + std::to_string(part.pages()) + "}";
    }
    out += "]}\n";
    return out;
}

std::string project_rows_url(const ListPart& part, int page) { return page_url(part.url, page) + "projects.json"; }

std::string project_rows_json(const model::Site& site, const ListPart& part, int page) {
    std::string out = "[";
    const PageRows shown = page_rows(part.rows.size(), page);
    for (size_t i = shown.first; i < shown.last; ++i) {
        const int index = part.rows[i];
        const model::Project& p = site.projects[static_cast<size_t>(index)];
        out += i == shown.first ? "{" : ",{";
        append_field(out, "id", p.id.value);
        out += ',';
        append_field(out, "name", p.name);
        out += ',';
        append_field(out, "url", model::project_url(p.id.value));
        out += ',';
        append_field(out, "county", model::county_label(p));
        out += ",\"year\":" + std::to_string(p.year) + ",\"tiers\":[";
        bool first_tier = true;
        for (int r : site.ratings_of_project[static_cast<size_t>(index)]) {
            if (!first_tier) out += ',';
            first_tier = false;
            append_json_string(out, model::tier_id(site, site.ratings[r].tier));
        }
        out += ']';
        if (const std::string printed = printed_otherwise(site, index); !printed.empty()) {
            out += ',';
            append_field(out, "corrected_url", model::project_url(p.id.value) + "#ratings-h");
            out += ',';
            append_field(out, "printed_as", printed);
        }
        out += '}';
    }
    out += "]\n";
    return out;
}

}  // namespace gongshi::render
