// nlohmann-json: here (open data) and in publish/build_cache.cpp (the cache, as CBOR).
#include "render/open_data.h"

#include <nlohmann/json.hpp>

#include "model/permalinks.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

using Json = nlohmann::ordered_json;

std::string csv_cell(const std::string& value) {
    std::string v = value;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v = "'" + v;
    if (v.find_first_of(",\"\n\r") == std::string::npos && v == value) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

namespace {

// A table kept as rows of text, written out as CSV and as a JSON array of objects.
struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;

    std::string csv() const {
        std::string out = "\xEF\xBB\xBF";  // BOM: spreadsheet programs then read the Chinese as UTF-8
        auto line = [&](const std::vector<std::string>& cells) {
            for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
            out += "\r\n";
        };
        line(columns);
        for (const auto& r : rows) line(r);
        return out;
    }

    // The records as a JSON array of objects, laid out as nlohmann's dump(1, '\t') lays it out one level down;
    // written row by row (nlohmann quotes each string) instead of building a Json tree of every record first.
    std::string json_records() const {
        if (rows.empty()) return "[]";
        std::vector<std::string> keys;
        for (const auto& c : columns) keys.push_back("\t\t\t" + quoted(c) + ": ");
        std::string out = "[\n";
        for (size_t r = 0; r < rows.size(); ++r) {
            out += "\t\t{\n";
            for (size_t i = 0; i < columns.size(); ++i) {
                out += keys[i];
                out += quoted(rows[r][i]);
                out += i + 1 < columns.size() ? ",\n" : "\n";
            }
            out += r + 1 < rows.size() ? "\t\t},\n" : "\t\t}\n";
        }
        return out + "\t]";
    }

    static std::string quoted(const std::string& s) { return Json(s).dump(-1, ' ', false); }
};

std::string number_text(const std::optional<int>& n) { return n ? std::to_string(*n) : ""; }

Table project_table(const model::Site& s) {
    Table t{{"id", "name", "program_year", "program_name", "city_id", "city", "city_code", "county", "county_code",
             "county_kind", "town", "community", "address", "area_m2", "investment_wan", "construction", "beds",
             "operator", "ratings", "url"},
            {}};
    for (size_t i = 0; i < s.projects.size(); ++i) {
        const auto& p = s.projects[i];
        const auto& c = s.cities[s.city_of_project[i]];
        const model::County* county = s.county_of(p);
        std::string ratings;
        for (int r : s.ratings_of_project[i])
            ratings += (ratings.empty() ? "" : ";") + std::to_string(s.ratings[r].year) + ":" +
                       tier_id(s, s.ratings[r].tier) + ":" + s.notices[s.ratings[r].notice].id.value;
        t.rows.push_back({p.id.value, p.name, std::to_string(p.year), program_name(s, p.year), c.id, c.name, c.code,
                          p.county.value, county ? county->code : "", county ? county->kind : "", p.town, p.community,
                          p.address, p.area_text, p.investment_text, p.construction, number_text(p.beds),
                          p.operator_name, ratings, absolute_url(s, model::project_url(p.id.value))});
    }
    return t;
}

Table rating_table(const model::Site& s) {
    Table t{{"notice_id", "doc_number", "program_year", "tier", "tier_name", "rank", "project_id", "project_name",
             "city_id", "printed", "correction", "notice_url"},
            {}};
    for (const auto& r : s.ratings) {
        const auto& n = s.notices[r.notice];
        const auto& p = s.projects[r.project];
        t.rows.push_back({n.id.value, n.doc_number, std::to_string(r.year), tier_id(s, r.tier), tier_name(s, r.tier),
                          std::to_string(r.rank), p.id.value, p.name, p.city.value, r.printed, r.correction,
                          absolute_url(s, model::notice_url(n.id.value))});
    }
    return t;
}

Table task_table(const model::Site& s) {
    Table t{{"year", "city_id", "city", "city_code", "tasks", "projects_recorded", "uncovered_counties", "source",
             "source_doc_number"},
            {}};
    for (const auto& table : s.tasks) {
        auto n = s.notice_index.find(table.source.value);
        const std::string doc = n == s.notice_index.end() ? "" : s.notices[n->second].doc_number;
        for (const auto& row : table.rows) {
            const int c = s.city_index.at(row.city.value);
            int projects = 0;
            for (int p : s.projects_of_city[c]) projects += s.projects[p].year == table.year;
            std::string uncovered;
            for (const auto& u : row.uncovered) uncovered += (uncovered.empty() ? "" : "、") + u.value;
            t.rows.push_back({std::to_string(table.year), s.cities[c].id, s.cities[c].name, s.cities[c].code,
                              std::to_string(row.tasks), std::to_string(projects), uncovered, table.source.value, doc});
        }
    }
    return t;
}

}  // namespace

namespace {
constexpr const char* dataset_names[] = {"projects", "ratings", "tasks"};
}

std::vector<std::string> open_data_paths() {
    std::vector<std::string> out;
    for (const char* name : dataset_names) {
        out.push_back(std::string("data/") + name + ".csv");
        out.push_back(std::string("data/") + name + ".json");
    }
    return out;
}

std::string open_data_file(const model::Site& site, size_t index) {
    const char* name = dataset_names[index / 2];
    const Table table = index / 2 == 0 ? project_table(site) : index / 2 == 1 ? rating_table(site) : task_table(site);
    if (index % 2 == 0) return table.csv();
    Json doc = Json::object();
    doc["dataset"] = name;
    doc["source"] = site.config.base_url + "data/";
    doc["updated"] = site.updated;
    doc["count"] = table.rows.size();
    doc["columns"] = table.columns;
    std::string out = doc.dump(1, '\t', false);  // ends "\n}"
    out.insert(out.size() - 2, ",\n\t\"records\": " + table.json_records());
    return out + "\n";
}

}  // namespace gongshi::render
