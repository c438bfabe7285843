// nlohmann-json: here (open data) and in publish/build_cache.cpp (the cache, as CBOR).
#include "render/open_data.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "model/permalinks.h"
#include "model/labels.h"
#include "render/data_escaping.h"

namespace gongshi::render {

using Json = nlohmann::ordered_json;

namespace {

// One record's cells, in column order. A dataset fills the same Row for every record (so its strings keep their
// buffers) and hands it to a writer, which appends it to the file's text: no table of every record is held.
using Row = std::vector<std::string>;
using RowWriter = std::function<void(const Row&)>;

struct Dataset {
    const char* name;
    std::vector<std::string> columns;
    size_t (*count)(const model::Site&);  // how many rows `rows` hands out
    void (*rows)(const model::Site&, Row&, const RowWriter&);
};

size_t project_count(const model::Site& s) { return s.projects.size(); }
size_t rating_count(const model::Site& s) { return s.ratings.size(); }
size_t task_count(const model::Site& s) {
    size_t n = 0;
    for (const auto& table : s.tasks) n += table.rows.size();
    return n;
}

// The files reach 75 MB at 100 000 projects: once a few rows are written, the text is given room for all of them
// (from their average size), so it is not regrown by doubling, which briefly holds three times the file.
class SizedText {
public:
    explicit SizedText(size_t rows) : rows_(rows) {}
    std::string text;
    void row_done() {
        if (++done_ != sample) return;
        const size_t per_row = (text.size() - start_) / sample + 1;
        text.reserve(start_ + per_row * rows_ + per_row * rows_ / 16 + 64);
    }
    void mark_start() { start_ = text.size(); }

private:
    static constexpr size_t sample = 256;
    size_t rows_, done_ = 0, start_ = 0;
};

std::string number_text(const std::optional<int>& n) { return n ? std::to_string(*n) : ""; }

void project_rows(const model::Site& s, Row& row, const RowWriter& write) {
    row.resize(20);
    for (size_t i = 0; i < s.projects.size(); ++i) {
        const auto& p = s.projects[i];
        const auto& c = s.cities[s.city_of_project[i]];
        const model::County* county = s.county_of(p);
        std::string& ratings = row[18];
        ratings.clear();
        for (int r : s.ratings_of_project[i]) {
            if (!ratings.empty()) ratings += ';';
            ratings += std::to_string(s.ratings[r].year);
            ratings += ':';
            ratings += model::tier_id(s, s.ratings[r].tier);
            ratings += ':';
            ratings += s.notices[s.ratings[r].notice].id.value;
        }
        row[0] = p.id.value;
        row[1] = p.name;
        row[2] = std::to_string(p.year);
        row[3] = model::program_name(s, p.year);
        row[4] = c.id;
        row[5] = c.name;
        row[6] = c.code;
        row[7] = p.county.value;
        row[8] = county ? county->code : "";
        row[9] = county ? county->kind : "";
        row[10] = p.town;
        row[11] = p.community;
        row[12] = p.address;
        row[13] = p.area_text;
        row[14] = p.investment_text;
        row[15] = p.construction;
        row[16] = number_text(p.beds);
        row[17] = p.operator_name;
        row[19] = model::absolute_url(s, model::project_url(p.id.value));
        write(row);
    }
}

void rating_rows(const model::Site& s, Row& row, const RowWriter& write) {
    row.resize(12);
    for (const auto& r : s.ratings) {
        const auto& n = s.notices[r.notice];
        const auto& p = s.projects[r.project];
        row[0] = n.id.value;
        row[1] = n.doc_number;
        row[2] = std::to_string(r.year);
        row[3] = model::tier_id(s, r.tier);
        row[4] = model::tier_name(s, r.tier);
        row[5] = std::to_string(r.rank);
        row[6] = p.id.value;
        row[7] = p.name;
        row[8] = p.city.value;
        row[9] = r.printed;
        row[10] = r.correction;
        row[11] = model::absolute_url(s, model::notice_url(n.id.value));
        write(row);
    }
}

void task_rows(const model::Site& s, Row& row, const RowWriter& write) {
    for (const auto& table : s.tasks) {
        auto n = s.notice_index.find(table.source.value);
        const std::string doc = n == s.notice_index.end() ? "" : s.notices[n->second].doc_number;
        for (const auto& task : table.rows) {
            const int c = s.city_index.at(task.city.value);
            int projects = 0;
            for (int p : s.projects_of_city[c]) projects += s.projects[p].year == table.year;
            std::string uncovered;
            for (const auto& u : task.uncovered) uncovered += (uncovered.empty() ? "" : "、") + u.value;
            row = {std::to_string(table.year), s.cities[c].id, s.cities[c].name, s.cities[c].code,
                   std::to_string(task.tasks), std::to_string(projects), uncovered, table.source.value, doc};
            write(row);
        }
    }
}

size_t progress_count(const model::Site& s) {
    size_t n = 0;
    for (const auto& r : s.progress) {
        n += r.projects.size();
        for (const auto& c : r.cities) n += c.stages.size();
    }
    return n;
}

size_t score_count(const model::Site& s) {
    size_t n = 0;
    for (const auto& sheet : s.scores) n += sheet.rows.size();
    return n;
}

std::string doc_number_of(const model::Site& s, const std::string& notice) {
    const model::Document* n = s.notice(notice);
    return n ? n->doc_number : "";
}

// A row per project a progress notice lists, then a row per (city, stage) it counts.
void progress_rows(const model::Site& s, Row& row, const RowWriter& write) {
    for (const auto& r : s.progress) {
        const std::string doc = doc_number_of(s, r.notice.value), url = model::absolute_url(s, model::notice_url(r.notice.value));
        for (const auto& e : r.projects) {
            const auto p = s.project_index.find(e.project.value);
            const std::string name = p == s.project_index.end() ? "" : s.projects[p->second].name;
            const std::string city = p == s.project_index.end() ? "" : s.cities[s.city_of_project[p->second]].id;
            row = {r.notice.value, doc, std::to_string(r.year), r.kind, r.month.value, "project", e.project.value, name,
                   city, e.stage.value, "", e.date, e.printed, e.problem, e.note, url};
            write(row);
        }
        for (const auto& c : r.cities)
            for (const auto& st : c.stages) {
                row = {r.notice.value, doc, std::to_string(r.year), r.kind, r.month.value, "city", "", "", c.city.value,
                       st.stage.value, std::to_string(st.count), "", "", c.problem, "", url};
                write(row);
            }
    }
}

void score_rows(const model::Site& s, Row& row, const RowWriter& write) {
    for (const auto& sheet : s.scores) {
        const std::string doc = doc_number_of(s, sheet.notice.value);
        const std::string url = model::absolute_url(s, model::notice_url(sheet.notice.value));
        for (const auto& r : sheet.rows) {
            std::string items;
            for (const auto& i : r.items) items += (items.empty() ? "" : ";") + i.indicator.value + ":" + i.points_text;
            row = {sheet.notice.value, doc, std::to_string(sheet.year), r.month.value, r.project.value, r.city.value,
                   r.base_text, r.bonus_text, r.deductions_text, r.total_text, items, url};
            write(row);
        }
    }
}

const Dataset datasets[] = {
    {"projects",
     {"id", "name", "program_year", "program_name", "city_id", "city", "city_code", "county", "county_code",
      "county_kind", "town", "community", "address", "area_m2", "investment_wan", "construction", "beds", "operator",
      "ratings", "url"},
     project_count, project_rows},
    {"ratings",
     {"notice_id", "doc_number", "program_year", "tier", "tier_name", "rank", "project_id", "project_name", "city_id",
      "printed", "correction", "notice_url"},
     rating_count, rating_rows},
    {"tasks",
     {"year", "city_id", "city", "city_code", "tasks", "projects_recorded", "uncovered_counties", "source",
      "source_doc_number"},
     task_count, task_rows},
    {"progress",
     {"notice_id", "doc_number", "program_year", "kind", "month", "level", "project_id", "project_name", "city_id",
      "stage", "count", "date", "printed", "problem", "note", "notice_url"},
     progress_count, progress_rows},
    {"scores",
     {"notice_id", "doc_number", "program_year", "month", "project_id", "city_id", "base", "bonus", "deductions",
      "total", "items", "notice_url"},
     score_count, score_rows},
};

void append_csv_row(std::string& out, const Row& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        append_csv_cell(out, cells[i]);
    }
    out += "\r\n";
}

std::string csv_file(const model::Site& site, const Dataset& d) {
    SizedText out(d.count(site));
    out.text = "\xEF\xBB\xBF";  // BOM: spreadsheet programs then read the Chinese as UTF-8
    append_csv_row(out.text, d.columns);
    out.mark_start();
    Row row;
    d.rows(site, row, [&](const Row& r) {
        append_csv_row(out.text, r);
        out.row_done();
    });
    return std::move(out.text);
}

// The records as a JSON array of objects, laid out as nlohmann's dump(1, '\t') lays it out one level down. The
// head (name, source, date, count, columns) is nlohmann's own dump; the records are appended to it row by row.
std::string json_file(const model::Site& site, const Dataset& d) {
    std::vector<std::string> keys;
    for (const auto& c : d.columns) {
        keys.push_back("\t\t\t");
        append_json_string(keys.back(), c);
        keys.back() += ": ";
    }
    const size_t count = d.count(site);
    Json doc = Json::object();
    doc["dataset"] = d.name;
    doc["source"] = site.config.base_url + "data/";
    doc["updated"] = site.updated;
    doc["count"] = count;
    doc["columns"] = d.columns;
    SizedText out(count);
    out.text = make_json_inert(doc.dump(1, '\t', false));  // ends "\n}"
    out.text.resize(out.text.size() - 2);
    out.text += ",\n\t\"records\": ";
    out.mark_start();
    size_t written = 0;
    Row row;
    d.rows(site, row, [&](const Row& r) {
        out.text += written++ == 0 ? "[\n\t\t{\n" : ",\n\t\t{\n";
        for (size_t i = 0; i < r.size(); ++i) {
            out.text += keys[i];
            append_json_string(out.text, r[i]);
            out.text += i + 1 < r.size() ? ",\n" : "\n";
        }
        out.text += "\t\t}";
        out.row_done();
    });
    if (written != count) throw std::logic_error(std::string("open data: ") + d.name + " rows differ from its count");
    out.text += written == 0 ? "[]" : "\n\t]";
    out.text += "\n}\n";
    return std::move(out.text);
}

}  // namespace

std::vector<std::string> open_data_paths() {
    std::vector<std::string> out;
    for (const auto& d : datasets) {
        out.push_back(std::string("data/") + d.name + ".csv");
        out.push_back(std::string("data/") + d.name + ".json");
    }
    return out;
}

std::string open_data_file(const model::Site& site, size_t index) {
    const Dataset& d = datasets[index / 2];
    return index % 2 == 0 ? csv_file(site, d) : json_file(site, d);
}

}  // namespace gongshi::render
