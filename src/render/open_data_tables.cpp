#include "render/open_data_tables.h"

#include <algorithm>
#include <set>

#include "hash/fingerprint.h"
#include "model/as_of.h"
#include "model/labels.h"
#include "model/permalinks.h"

namespace gongshi::render {

namespace {

// The records a table's rows come from, and what each gives.
struct TableRecords {
    size_t (*count)(const model::Site&);
    int (*year)(const model::Site&, int record);
    size_t (*rows)(const model::Site&, int record);
    void (*write)(const model::Site&, int record, DataRow&, const DataRowWriter&);
    std::uint64_t (*key)(const model::Site&, int record);
    // Adds the documents its rows come from (for data_updated).
    void (*documents)(const model::Site&, int record, model::AsOf&);
};

// A project's name, year and place, as the notice that first lists it prints them: every table that names or
// counts projects shows these.
void add_listed_in(const model::Site& s, int project, model::AsOf& as_of) {
    if (project >= 0) as_of.add(s.first_listed_in(project));
}

std::string number_text(const std::optional<int>& n) { return n ? std::to_string(*n) : ""; }

std::uint64_t notice_hash(const model::Site& s, const std::string& id) {
    const model::Document* n = s.notice(id);
    return n ? n->source_hash : 0;
}

std::string doc_number_of(const model::Site& s, const std::string& notice) {
    const model::Document* n = s.notice(notice);
    return n ? n->doc_number : "";
}

// projects: a row per project, with what its own file says. Its ratings are rows of the ratings table
// (joined by project_id): a new notice rewrites the ratings of the years it rates, never a projects file.
void project_row(const model::Site& s, int i, DataRow& row, const DataRowWriter& write) {
    const auto& p = s.projects[i];
    const auto& c = s.cities[s.city_of_project[i]];
    const model::County* county = s.county_of(p);
    row.resize(19);
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
    row[18] = model::absolute_url(s, model::project_url(p.id.value));
    write(row);
}

std::uint64_t project_key(const model::Site& s, int i) { return s.projects[i].source_hash; }

// Its name, year and place as the notice that first lists it prints them; its other facts from facts_source.
void project_documents(const model::Site& s, int i, model::AsOf& as_of) {
    add_listed_in(s, i, as_of);
    if (const auto& facts = s.projects[i].facts_source) as_of.add(s.document(facts->value));
}

void rating_row(const model::Site& s, int i, DataRow& row, const DataRowWriter& write) {
    const auto& r = s.ratings[i];
    const auto& n = s.notices[r.notice];
    const auto& p = s.projects[r.project];
    row.resize(12);
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

void rating_documents(const model::Site& s, int i, model::AsOf& as_of) {
    as_of.add(s.notices[s.ratings[i].notice]);
    add_listed_in(s, s.ratings[i].project, as_of);
}

std::uint64_t rating_key(const model::Site& s, int i) {
    const auto& r = s.ratings[i];
    return hash::KeyChain()
        .add(r.source_hash)
        .add(s.notices[r.notice].source_hash)
        .add(s.projects[r.project].source_hash)
        .value();
}

// tasks: a row per city of a year's task table, with the number of that year's projects the site records
// there.
void task_rows(const model::Site& s, int i, DataRow& row, const DataRowWriter& write) {
    const auto& table = s.tasks[i];
    const std::string doc = doc_number_of(s, table.source.value);
    for (const auto& task : table.rows) {
        const int c = s.city_index.at(task.city.value);
        int projects = 0;
        for (int p : s.projects_of_city[c]) projects += s.projects[p].year == table.year;
        std::string uncovered;
        for (const auto& u : task.uncovered) uncovered += (uncovered.empty() ? "" : "、") + u.value;
        row = {std::to_string(table.year),
               s.cities[c].id,
               s.cities[c].name,
               s.cities[c].code,
               std::to_string(task.tasks),
               std::to_string(projects),
               uncovered,
               table.source.value,
               doc};
        write(row);
    }
}

// The table itself is one of the site-wide files (tasks/), in every part's key; its counts read the year's
// projects.
std::uint64_t task_key(const model::Site& s, int i) {
    hash::KeyChain k;
    k.add(notice_hash(s, s.tasks[i].source.value));
    for (const auto& p : s.projects)
        if (p.year == s.tasks[i].year) k.add(p.source_hash);
    return k.value();
}

// The table's notice, and the projects of its year it counts.
void task_documents(const model::Site& s, int i, model::AsOf& as_of) {
    as_of.add(s.notice(s.tasks[i].source.value));
    for (size_t p = 0; p < s.projects.size(); ++p)
        if (s.projects[p].year == s.tasks[i].year) add_listed_in(s, static_cast<int>(p), as_of);
}

// progress: a row per project a progress notice lists, then a row per (city, stage) it counts.
void progress_rows(const model::Site& s, int i, DataRow& row, const DataRowWriter& write) {
    const auto& r = s.progress[i];
    const std::string doc = doc_number_of(s, r.notice.value),
                      url = model::absolute_url(s, model::notice_url(r.notice.value));
    for (const auto& e : r.projects) {
        const int p = s.project_at(e.project.value);
        const std::string name = p < 0 ? "" : s.projects[static_cast<size_t>(p)].name;
        const std::string city = p < 0 ? "" : s.cities[static_cast<size_t>(s.city_of_project[static_cast<size_t>(p)])].id;
        row = {
            r.notice.value, doc,  std::to_string(r.year), r.kind, r.month.value, "project", e.project.value,
            name,           city, e.stage.value,          "",     e.date,        e.printed, e.problem,
            e.note,         url};
        write(row);
    }
    for (const auto& c : r.cities)
        for (const auto& st : c.stages) {
            row = {r.notice.value,
                   doc,
                   std::to_string(r.year),
                   r.kind,
                   r.month.value,
                   "city",
                   "",
                   "",
                   c.city.value,
                   st.stage.value,
                   std::to_string(st.count),
                   "",
                   "",
                   c.problem,
                   "",
                   url};
            write(row);
        }
}

std::uint64_t progress_key(const model::Site& s, int i) {
    const auto& r = s.progress[i];
    hash::KeyChain k;
    k.add(r.source_hash).add(notice_hash(s, r.notice.value));
    for (const auto& e : r.projects) {
        const int p = s.project_at(e.project.value);
        k.add(p < 0 ? 0 : s.projects[static_cast<size_t>(p)].source_hash);
    }
    return k.value();
}

void progress_documents(const model::Site& s, int i, model::AsOf& as_of) {
    as_of.add(s.notice(s.progress[i].notice.value));
    for (const auto& e : s.progress[i].projects) add_listed_in(s, s.project_at(e.project.value), as_of);
}

void score_rows(const model::Site& s, int i, DataRow& row, const DataRowWriter& write) {
    const auto& sheet = s.scores[i];
    const std::string doc = doc_number_of(s, sheet.notice.value);
    const std::string url = model::absolute_url(s, model::notice_url(sheet.notice.value));
    for (const auto& r : sheet.rows) {
        std::string items;
        for (const auto& it : r.items)
            items += (items.empty() ? "" : ";") + it.indicator.value + ":" + it.points_text;
        row = {sheet.notice.value,
               doc,
               std::to_string(sheet.year),
               r.month.value,
               r.project.value,
               r.city.value,
               r.base_text,
               r.bonus_text,
               r.deductions_text,
               r.total_text,
               items,
               url};
        write(row);
    }
}

std::uint64_t score_key(const model::Site& s, int i) {
    return hash::KeyChain()
        .add(s.scores[i].source_hash)
        .add(notice_hash(s, s.scores[i].notice.value))
        .value();
}

size_t progress_row_count(const model::Site& s, int i) {
    size_t n = s.progress[i].projects.size();
    for (const auto& c : s.progress[i].cities) n += c.stages.size();
    return n;
}

const TableRecords table_records[] = {
    {[](const model::Site& s) { return s.projects.size(); },
     [](const model::Site& s, int i) { return s.projects[i].year; },
     [](const model::Site&, int) { return size_t{1}; }, project_row, project_key, project_documents},
    {[](const model::Site& s) { return s.ratings.size(); },
     [](const model::Site& s, int i) { return s.ratings[i].year; },
     [](const model::Site&, int) { return size_t{1}; }, rating_row, rating_key, rating_documents},
    {[](const model::Site& s) { return s.tasks.size(); },
     [](const model::Site& s, int i) { return s.tasks[i].year; },
     [](const model::Site& s, int i) { return s.tasks[i].rows.size(); }, task_rows, task_key, task_documents},
    {[](const model::Site& s) { return s.progress.size(); },
     [](const model::Site& s, int i) { return s.progress[i].year; }, progress_row_count, progress_rows,
     progress_key, progress_documents},
    {[](const model::Site& s) { return s.scores.size(); },
     [](const model::Site& s, int i) { return s.scores[i].year; },
     [](const model::Site& s, int i) { return s.scores[i].rows.size(); }, score_rows, score_key,
     [](const model::Site& s, int i, model::AsOf& as_of) { as_of.add(s.notice(s.scores[i].notice.value)); }},
};

}  // namespace

const std::vector<DataTable>& data_tables() {
    static const std::vector<DataTable> tables = {
        {"projects",
         "项目",
         {{"id", "string", ""},           {"name", "string", ""},    {"program_year", "year", ""},
          {"program_name", "string", ""}, {"city_id", "string", ""}, {"city", "string", ""},
          {"city_code", "string", ""},    {"county", "string", ""},  {"county_code", "string", ""},
          {"county_kind", "string", ""},  {"town", "string", ""},    {"community", "string", ""},
          {"address", "string", ""},      {"area_m2", "number", ""}, {"investment_wan", "number", ""},
          {"construction", "string", ""}, {"beds", "integer", ""},   {"operator", "string", ""},
          {"url", "string", "uri"}},
         {"id"},
         {}},
        {"ratings",
         "评价结果",
         {{"notice_id", "string", ""},
          {"doc_number", "string", ""},
          {"program_year", "year", ""},
          {"tier", "string", ""},
          {"tier_name", "string", ""},
          {"rank", "integer", ""},
          {"project_id", "string", ""},
          {"project_name", "string", ""},
          {"city_id", "string", ""},
          {"printed", "string", ""},
          {"correction", "string", ""},
          {"notice_url", "string", "uri"}},
         {"notice_id", "program_year", "project_id"},
         {{"project_id", "projects", "id"}}},
        {"tasks",
         "任务分解",
         {{"year", "year", ""},
          {"city_id", "string", ""},
          {"city", "string", ""},
          {"city_code", "string", ""},
          {"tasks", "integer", ""},
          {"projects_recorded", "integer", ""},
          {"uncovered_counties", "string", ""},
          {"source", "string", ""},
          {"source_doc_number", "string", ""}},
         {"year", "city_id"},
         {}},
        {"progress",
         "进度通报",
         {{"notice_id", "string", ""},
          {"doc_number", "string", ""},
          {"program_year", "year", ""},
          {"kind", "string", ""},
          {"month", "yearmonth", ""},
          {"level", "string", ""},
          {"project_id", "string", ""},
          {"project_name", "string", ""},
          {"city_id", "string", ""},
          {"stage", "string", ""},
          {"count", "integer", ""},
          {"date", "date", ""},
          {"printed", "string", ""},
          {"problem", "string", ""},
          {"note", "string", ""},
          {"notice_url", "string", "uri"}},
         {},
         {{"project_id", "projects", "id"}}},
        {"scores",
         "评估得分",
         {{"notice_id", "string", ""},
          {"doc_number", "string", ""},
          {"program_year", "year", ""},
          {"month", "yearmonth", ""},
          {"project_id", "string", ""},
          {"city_id", "string", ""},
          {"base", "number", ""},
          {"bonus", "number", ""},
          {"deductions", "number", ""},
          {"total", "number", ""},
          {"items", "string", ""},
          {"notice_url", "string", "uri"}},
         {},
         {{"project_id", "projects", "id"}}},
    };
    return tables;
}

std::vector<int> data_years(const model::Site& site) {
    std::set<int> years;
    for (const auto& p : site.config.programs) years.insert(p.year);
    for (size_t t = 0; t < std::size(table_records); ++t) {
        const TableRecords& r = table_records[t];
        const int n = static_cast<int>(r.count(site));
        for (int i = 0; i < n; ++i) years.insert(r.year(site, i));
    }
    return {years.begin(), years.end()};
}

std::vector<DataPart> data_parts(const model::Site& site, size_t table) {
    const TableRecords& r = table_records[table];
    std::vector<DataPart> parts;
    for (const int year : data_years(site)) parts.push_back({year, {}, 0});
    const int n = static_cast<int>(r.count(site));
    for (int i = 0; i < n; ++i) {
        const int year = r.year(site, i);
        auto part = std::lower_bound(parts.begin(), parts.end(), year,
                                     [](const DataPart& p, int y) { return p.year < y; });
        part->records.push_back(i);
        part->rows += r.rows(site, i);
    }
    return parts;
}

void write_data_rows(const model::Site& site, size_t table, int record, DataRow& row,
                     const DataRowWriter& write) {
    table_records[table].write(site, record, row, write);
}

std::uint64_t data_record_key(const model::Site& site, size_t table, int record) {
    return table_records[table].key(site, record);
}

std::string data_updated(const model::Site& site, size_t table) {
    const TableRecords& r = table_records[table];
    model::AsOf as_of;
    const int n = static_cast<int>(r.count(site));
    for (int i = 0; i < n; ++i) r.documents(site, i, as_of);
    const model::Document* newest = as_of.newest();
    return newest != nullptr && !newest->date.empty() ? newest->date : site.updated;
}

}  // namespace gongshi::render
