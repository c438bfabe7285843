// The open-data tables (projects, ratings, tasks, progress, scores): their fields as a Table Schema describes
// them, which records each program year's rows come from, the rows themselves, and what each record's rows
// are made of (its dependency key, as render/page_keys.h keys pages: whole source files, never fields).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"

namespace gongshi::render {

struct DataField {
    std::string_view name;
    std::string_view type;    // a Table Schema type: string, integer, year, yearmonth, date
    std::string_view format;  // "uri" for addresses, else ""
};

// A field whose every non-empty value is the id of a row of another table.
struct DataReference {
    std::string_view field;
    std::string_view table;
    std::string_view table_field;
};

struct DataTable {
    std::string_view name;   // "projects": the files' name
    std::string_view title;  // "项目"
    std::vector<DataField> fields;
    std::vector<std::string_view>
        primary_key;  // empty: rows of two kinds share the table, no key covers both
    std::vector<DataReference> references;
};

// The tables, in the order the files are listed.
const std::vector<DataTable>& data_tables();

// The program years the open data is split by: every program of site.yaml and every year a record names,
// ascending. Every table has a part for each (a year without rows has a file with the header only).
std::vector<int> data_years(const model::Site& site);

// One program year of a table: the records (indices into the site's projects, ratings, tasks, progress or
// scores) its rows come from, in the order the whole-dataset file lists them.
struct DataPart {
    int year = 0;
    std::vector<int> records;
    size_t rows = 0;
};
std::vector<DataPart> data_parts(const model::Site& site, size_t table);

// One row's cells, in field order. A table fills the same Row for each row (its strings keep their buffers)
// and hands it to the writer.
using DataRow = std::vector<std::string>;
using DataRowWriter = std::function<void(const DataRow&)>;
void write_data_rows(const model::Site& site, size_t table, int record, DataRow& row,
                     const DataRowWriter& write);

// What a record's rows are made from: its own file and the files of every record they read from another. A
// part's key is made of its records' keys; equal keys mean equal rows.
std::uint64_t data_record_key(const model::Site& site, size_t table, int record);

// The date a table's data is as of, for the whole-dataset JSON's "updated": the date of the newest document its
// rows come from (a project's: the notice that first lists it and the document of its other facts; a document
// that prints only a year counts as the end of it), as model/as_of.h dates pages — so a notice that changes no
// row of a table leaves its file as it was. The site's newest date (Site::updated, as before) when that document
// prints only a year (no day can be claimed for it) or the table has no rows.
std::string data_updated(const model::Site& site, size_t table);

}  // namespace gongshi::render
