#include "render/data_package.h"

#include "json/json.h"
#include <stdexcept>

#include "render/data_escaping.h"
#include "render/open_data.h"
#include "render/open_data_tables.h"

namespace gongshi::render {

using Json = json::Ordered;

namespace {

constexpr std::string_view sha256_prefix = "sha256:";

// Paths in the package are relative to it (it lives in data/).
std::string package_relative(const std::string& output_path) { return output_path.substr(5); }

Json table_schema(const DataTable& t) {
    Json fields = Json::array();
    for (const auto& f : t.fields) {
        Json field = {{"name", f.name}, {"type", f.type}};
        if (!f.format.empty()) field["format"] = f.format;
        fields.push_back(std::move(field));
    }
    Json schema = {{"fields", std::move(fields)}, {"missingValues", {""}}};
    if (!t.primary_key.empty()) schema["primaryKey"] = t.primary_key;
    if (!t.references.empty()) {
        Json keys = Json::array();
        for (const auto& r : t.references)
            keys.push_back(
                {{"fields", r.field}, {"reference", {{"resource", r.table}, {"fields", r.table_field}}}});
        schema["foreignKeys"] = std::move(keys);
    }
    return schema;
}

const DataFileFacts& facts_of(const std::map<std::string, DataFileFacts>& files, const std::string& path) {
    const auto it = files.find(path);
    if (it == files.end()) throw std::logic_error("data package: no facts for " + path);
    return it->second;
}

// A resource of one file: where it is, what it is, its size and hash.
Json file_resource(const std::string& name, const std::string& title, const std::string& path,
                   DataFormat format, const DataFileFacts& facts) {
    Json r = {{"name", name}, {"title", title}, {"path", package_relative(path)}};
    if (format == DataFormat::csv) {
        r["profile"] = "tabular-data-resource";
        r["type"] = "table";
        r["format"] = "csv";
        r["mediatype"] = "text/csv";
    } else {
        r["format"] = "json";
        r["mediatype"] = "application/json";
        r["description"] =
            "一个 JSON 对象：字段 columns 列出字段名，records "
            "为记录数组（每条记录以字段名为键，值均为字符串）。";
    }
    r["encoding"] = "utf-8";
    r["bytes"] = facts.bytes;
    r["hash"] = std::string(sha256_prefix) + facts.sha256;
    return r;
}

}  // namespace

std::string data_package_file(const model::Site& site, const std::map<std::string, DataFileFacts>& files) {
    const std::vector<int> years = data_years(site);
    Json resources = Json::array();
    for (const DataTable& t : data_tables()) {
        const std::string name(t.name), title(t.title);
        const Json schema = table_schema(t);
        for (const DataFormat format : data_formats) {
            const std::string path = data_whole_path(t, format);
            const std::string suffix = format == DataFormat::csv ? "" : "-json";
            resources.push_back(
                file_resource(name + suffix, title + "（全部年度）", path, format, facts_of(files, path)));
            if (format == DataFormat::csv) resources.back()["schema"] = schema;
        }
        for (const int year : years)
            for (const DataFormat format : data_formats) {
                const std::string path = data_part_path(t, year, format);
                const std::string suffix = format == DataFormat::csv ? "" : "-json";
                resources.push_back(file_resource(name + "-" + std::to_string(year) + suffix,
                                                  title + "（" + std::to_string(year) + "年度）", path,
                                                  format, facts_of(files, path)));
                if (format == DataFormat::csv) resources.back()["schema"] = schema;
            }
        if (years.empty()) continue;
        Json paths = Json::array();
        for (const int year : years)
            paths.push_back(package_relative(data_part_path(t, year, DataFormat::csv)));
        resources.push_back(
            {{"name", name + "-by-year"},
             {"title", title + "（按年度分文件）"},
             {"description",
              "与 " + name +
                  ".csv 相同的记录，按项目年度分为多个文件；每个文件都以 UTF-8 字节顺序标记和表头行开始。"},
             {"path", std::move(paths)},
             {"profile", "tabular-data-resource"},
             {"type", "table"},
             {"format", "csv"},
             {"mediatype", "text/csv"},
             {"encoding", "utf-8"},
             {"schema", schema}});
    }
    Json package = {
        {"profile", "data-package"},
        {"name", "gongshi-open-data"},
        {"title", site.config.title + " 开放数据"},
        {"description",
         "本站发布的项目、评价结果、任务分解、进度通报和评估得分。每个文件的字节数与 SHA-256 见各资源的 "
         "bytes 与 hash；全站文件清单见 /SHA256SUMS 与 /manifest.json。"},
        {"homepage", site.config.base_url + "data/"},
        {"resources", std::move(resources)},
    };
    return make_json_inert(package.dump(1, '\t', false)) + "\n";
}

std::map<std::string, DataFileFacts> data_package_facts(std::string_view package) {
    std::map<std::string, DataFileFacts> out;
    const Json doc = Json::parse(package, nullptr, false);
    if (!doc.is_object() || !doc.contains("resources") || !doc["resources"].is_array()) return out;
    for (const Json& r : doc["resources"]) {
        if (!r.is_object() || !r.contains("path") || !r["path"].is_string() || !r.contains("bytes") ||
            !r["bytes"].is_number_unsigned() || !r.contains("hash") || !r["hash"].is_string())
            continue;
        const std::string hash = r["hash"].get<std::string>();
        if (!hash.starts_with(sha256_prefix) || hash.size() != sha256_prefix.size() + 64) continue;
        out["data/" + r["path"].get<std::string>()] = {r["bytes"].get<std::uint64_t>(),
                                                       hash.substr(sha256_prefix.size())};
    }
    return out;
}

}  // namespace gongshi::render
