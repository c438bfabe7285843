// The content as read from content/: typed records, each keeping where it came from for later checks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace gongshi::model {

using diag::SourcePos;

// A piece of text together with the place it was read from.
struct Located {
    std::string value;
    SourcePos pos;
};

struct Tier {
    std::string id;
    std::string name;
};

struct SubsidyRule {
    int rate_yuan_per_m2 = 0;
    int cap_m2_district = 0;  // project in a 市辖区
    int cap_m2_other = 0;
    Located source;  // notice id
};

struct Program {
    int year = 0;
    std::string name;
    std::optional<Located> plan_notice;
    std::optional<SubsidyRule> subsidy;
    SourcePos pos;
};

struct SiteConfig {
    std::string title;
    std::string base_url;
    std::string language;
    std::string description;
    std::vector<Tier> tiers;
    std::vector<Program> programs;
    SourcePos pos;
};

struct County {
    std::string id;
    std::string name;
    std::string code;
    std::string kind;  // 市辖区 | 县 | 县级市
    SourcePos pos;
};

struct Zone {
    std::string id;
    std::string name;
    std::string full_name;
    std::string county;  // the county it lies in, may be empty
    std::string note;
    SourcePos pos;
};

struct CityFact {
    std::string label;
    std::string value;
    std::string unit;
    int year = 0;
    Located source;
    std::string quote;
};

struct City {
    std::string id;
    std::string name;
    std::string code;
    std::vector<County> counties;
    std::vector<Zone> zones;
    std::vector<CityFact> facts;
    SourcePos pos;
};

struct TaskRow {
    Located city;
    int tasks = 0;
    std::vector<Located> uncovered;
    SourcePos pos;
};

struct TaskTable {
    int year = 0;
    Located source;
    std::string title;
    int declared_total = 0;
    SourcePos total_pos;
    std::vector<TaskRow> rows;
    bool draft = false;
    SourcePos pos;
};

struct LocationNote {
    std::string field;
    std::string printed;
    std::string dataset;
    std::string reason;
};

struct Project {
    Located id;
    std::string name;
    int year = 0;
    SourcePos year_pos;
    Located city;
    Located county;
    std::string town;
    std::string community;
    std::string address;
    std::optional<double> area_m2;
    std::string area_text;  // as written, for display
    std::optional<double> investment_wan;
    std::string investment_text;
    std::string construction;
    std::optional<int> beds;
    std::string operator_name;
    std::optional<Located> facts_source;
    std::vector<Located> aliases;
    std::vector<LocationNote> location_notes;
    bool has_private = false;  // private fields are read only to be dropped; never stored
    bool draft = false;
    std::string file;  // relative path, for sorting and messages
    std::uint64_t source_hash = 0;  // of the file's path and bytes (source_hash): what the record was read from
};

struct RatingEntry {
    int rank = 0;
    Located project;
    std::string printed;
    std::string correction;
    SourcePos pos;
};

struct RatingGroup {
    int year = 0;
    SourcePos year_pos;
    Located tier;
    int declared = 0;
    SourcePos declared_pos;
    std::string heading;
    std::vector<RatingEntry> entries;
    SourcePos pos;
};

struct RatingList {
    Located notice;
    std::vector<RatingGroup> groups;
    bool draft = false;
    std::string file;
    std::uint64_t source_hash = 0;  // of the file's path and bytes (source_hash)
};

struct Signatory {
    std::string role;
    std::string name;
};

struct Motion {
    std::string kind;
    std::string number;
    std::string session;
    std::string title;
    std::string proposer;
};

// A notice, plan, press report (notices/) or a reply letter (replies/): front matter plus Markdown body.
struct Document {
    enum class Type { notice, reply };
    Type type = Type::notice;
    Located id;  // from the file name
    std::string doc_number;
    std::string title;
    std::string issuer;
    std::vector<std::string> addressees;
    std::string kind;
    std::string date;  // YYYY-MM-DD or empty
    int year = 0;
    std::string disclosure;
    std::string author;
    std::string source_file;
    std::string summary;
    // replies
    std::optional<Located> city;
    std::string addressee;
    std::optional<Motion> motion;
    std::string category;
    std::vector<Signatory> signatories;
    std::string contact;
    std::vector<Located> aliases;
    bool draft = false;
    std::string body_markdown;
    int body_line = 1;  // line of the body's first line in the file
    std::string file;
    std::uint64_t source_hash = 0;  // of the file's path and bytes (source_hash)
};

// Everything load() read, before validation and indexing.
struct Records {
    std::optional<SiteConfig> site;
    std::vector<City> cities;
    SourcePos cities_pos;
    std::string cities_source;
    std::vector<TaskTable> tasks;
    std::vector<Project> projects;
    std::vector<RatingList> ratings;
    std::vector<Document> notices;
    std::vector<Document> replies;
    int files_read = 0;
    // Of the files every page may read from (site.yaml, cities.yaml, tasks/), in the order read.
    std::uint64_t shared_source_hash = 0;
    // Ids (file names) of records whose file could not be read or parsed: the error is already reported, so
    // references to them are not reported again.
    std::set<std::string> unreadable;
    bool cities_unreadable = false;
};

}  // namespace gongshi::model
