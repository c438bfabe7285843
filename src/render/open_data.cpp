#include "render/open_data.h"

#include <algorithm>
#include "json/json.h"
#include <stdexcept>

#include "render/data_escaping.h"

namespace gongshi::render {

using Json = json::Ordered;

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";  // spreadsheet programs then read the Chinese as UTF-8
// Between a JSON file's head and its records, and after them (see json_part_records).
constexpr std::string_view records_key = ",\n\t\"records\": ";
constexpr std::string_view records_end = "\n\t]\n}\n";

// A year's file is written row by row into one string; once a few rows are written it is given room for all
// of them (from their average size), so it is not regrown by doubling, which briefly holds three times the
// file.
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

void append_csv_row(std::string& out, const DataRow& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        append_csv_cell(out, cells[i]);
    }
    out += "\r\n";
}

std::string csv_header(const DataTable& t) {
    std::string out(bom);
    DataRow names;
    for (const auto& f : t.fields) names.emplace_back(f.name);
    append_csv_row(out, names);
    return out;
}

std::vector<std::string> column_names(const DataTable& t) {
    std::vector<std::string> out;
    for (const auto& f : t.fields) out.emplace_back(f.name);
    return out;
}

// nlohmann's dump(1, '\t') of the head, ending where the records begin: "{\n\t\"dataset\": …,\n\t\"records\":
// ".
std::string json_head(const Json& head) {
    std::string text = make_json_inert(head.dump(1, '\t', false));  // ends "\n}"
    text.resize(text.size() - 2);
    text += records_key;
    return text;
}

std::string csv_part(const model::Site& site, size_t table, const DataPart& part) {
    SizedText out(part.rows);
    out.text = csv_header(data_tables()[table]);
    out.mark_start();
    DataRow row;
    for (const int record : part.records)
        write_data_rows(site, table, record, row, [&](const DataRow& r) {
            append_csv_row(out.text, r);
            out.row_done();
        });
    return std::move(out.text);
}

// The records laid out as nlohmann's dump(1, '\t') lays them out two levels down.
std::string json_part(const model::Site& site, size_t table, const DataPart& part) {
    const DataTable& t = data_tables()[table];
    std::vector<std::string> keys;
    for (const auto& f : t.fields) {
        keys.push_back("\t\t\t");
        append_json_string(keys.back(), std::string(f.name));
        keys.back() += ": ";
    }
    Json head = Json::object();
    head["dataset"] = t.name;
    head["program_year"] = part.year;
    head["source"] = site.config.base_url + "data/";
    head["count"] = part.rows;
    head["columns"] = column_names(t);
    SizedText out(part.rows);
    out.text = json_head(head);
    out.mark_start();
    size_t written = 0;
    DataRow row;
    for (const int record : part.records)
        write_data_rows(site, table, record, row, [&](const DataRow& r) {
            out.text += written++ == 0 ? "[\n\t\t{\n" : ",\n\t\t{\n";
            for (size_t i = 0; i < r.size(); ++i) {
                out.text += keys[i];
                append_json_string(out.text, r[i]);
                out.text += i + 1 < r.size() ? ",\n" : "\n";
            }
            out.text += "\t\t}";
            out.row_done();
        });
    if (written != part.rows)
        throw std::logic_error("open data: " + std::string(t.name) + " rows differ from its count");
    if (written == 0)
        out.text += "[]\n}\n";
    else
        out.text += records_end;
    return std::move(out.text);
}

// The records of a year's JSON file, without the brackets around them ("" when it has none); nothing if the
// bytes are not such a file. The head holds no line break inside a string (JSON escapes them), so the first
// records_key is the real one.
std::optional<std::string_view> json_part_records(std::string_view part, std::string_view expected_start) {
    if (!part.starts_with(expected_start)) return std::nullopt;
    const size_t key = part.find(records_key);
    if (key == std::string_view::npos) return std::nullopt;
    const std::string_view records = part.substr(key + records_key.size());
    if (records == "[]\n}\n") return std::string_view();
    if (!records.starts_with("[\n") || !records.ends_with(records_end)) return std::nullopt;
    return records.substr(2, records.size() - 2 - records_end.size());
}

}  // namespace

std::string_view data_extension(DataFormat format) { return format == DataFormat::csv ? "csv" : "json"; }

std::string data_part_path(const DataTable& table, int year, DataFormat format) {
    return "data/" + std::to_string(year) + "/" + std::string(table.name) + "." +
           std::string(data_extension(format));
}

std::string data_whole_path(const DataTable& table, DataFormat format) {
    return "data/" + std::string(table.name) + "." + std::string(data_extension(format));
}

std::string data_part_file(const model::Site& site, size_t table, const DataPart& part, DataFormat format) {
    return format == DataFormat::csv ? csv_part(site, table, part) : json_part(site, table, part);
}

WholeDataFile::WholeDataFile(const model::Site& site, size_t table, DataFormat format, size_t rows,
                             const std::string& updated, OutputFile& out)
    : format_(format), out_(out) {
    const DataTable& t = data_tables()[table];
    if (format == DataFormat::csv) {
        part_head_ = csv_header(t);
        out_.append(part_head_);
        return;
    }
    Json head = Json::object();
    head["dataset"] = t.name;
    head["source"] = site.config.base_url + "data/";
    head["updated"] = updated;
    head["count"] = rows;
    head["columns"] = column_names(t);
    part_head_ = "{\n\t\"dataset\": ";
    append_json_string(part_head_, std::string(t.name));
    part_head_ += ",\n\t\"program_year\": ";
    out_.append(json_head(head));
}

bool WholeDataFile::add_part(std::string_view part) {
    std::string_view body;
    if (format_ == DataFormat::csv) {
        if (!part.starts_with(part_head_)) return false;
        body = part.substr(part_head_.size());
    } else {
        const auto records = json_part_records(part, part_head_);
        if (!records) return false;
        body = *records;
    }
    if (body.empty()) return true;
    if (format_ == DataFormat::json) out_.append(first_ ? "[\n" : ",\n");
    out_.append(body);
    first_ = false;
    return true;
}

ClosedFile WholeDataFile::finish(const ClosedFile* output_holds) {
    if (format_ == DataFormat::json) out_.append(first_ ? std::string_view("[]\n}\n") : records_end);
    return out_.close(output_holds);
}

}  // namespace gongshi::render
