// Open-data files: one program year of a table (render/open_data_tables.h) as CSV (UTF-8 with BOM, RFC 4180
// quoting, CRLF) or JSON, and the whole-dataset file assembled from the years' files: one header and every
// year's rows (CSV), one head and every year's records (JSON), so a year whose rows did not change is never
// written out again, only its bytes copied.
#pragma once

#include <string>
#include <string_view>

#include "model/site.h"
#include "render/open_data_tables.h"
#include "render/output_sink.h"

namespace gongshi::render {

enum class DataFormat { csv, json };
inline constexpr DataFormat data_formats[] = {DataFormat::csv, DataFormat::json};

std::string_view data_extension(DataFormat format);  // "csv", "json"
// "data/2023/projects.csv"
std::string data_part_path(const DataTable& table, int year, DataFormat format);
// "data/projects.csv"
std::string data_whole_path(const DataTable& table, DataFormat format);

// The file of one program year of data_tables()[table]. The JSON is an object: dataset, program_year, source,
// count, columns, records (an array of objects keyed by column).
std::string data_part_file(const model::Site& site, size_t table, const DataPart& part, DataFormat format);

// The whole-dataset file, written into `out` a year's file at a time (never held whole: ~0.7 GB a file at
// 1 000 000 projects). The JSON's head has dataset, source, updated, count and columns; its records are the
// years' records in year order.
class WholeDataFile {
  public:
    // Writes the head. `rows`: of every year; `updated`: data_updated(site, table).
    WholeDataFile(const model::Site& site, size_t table, DataFormat format, size_t rows, const std::string& updated,
                  OutputFile& out);
    // Appends a year's file's rows (as data_part_file made it); false, appending nothing, if the bytes are not
    // such a file.
    bool add_part(std::string_view part);
    ClosedFile finish(const ClosedFile* output_holds = nullptr);  // OutputFile::close

  private:
    DataFormat format_;
    OutputFile& out_;
    std::string part_head_;  // how every year's file starts (CSV: BOM and header; JSON: its first line)
    bool first_ = true;
};

}  // namespace gongshi::render
