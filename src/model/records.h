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

// A passage an editorial note rests on, quoted word for word from a document.
struct NoteQuote {
    std::string where;      // where it stands in that document ("正文附件列表", "附件1标题")
    Located text;           // the passage as printed
    Located document;       // the document it is quoted from; empty: the note's own document
};

// An editorial note: passages of the documents that disagree, where they stand, and why they disagree. Written by
// the site's staff, shown as theirs (编者注), never applied to the document's text.
struct EditorialNote {
    std::string id;           // the note's anchor on the document page and on /checks/
    std::string about;        // what disagrees, in one line
    std::string explanation;  // why the passages disagree and which one the site follows, if any
    std::vector<NoteQuote> quotes;
    SourcePos pos;
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
    std::string date_kind = "成文日期";  // what the printed date is: 成文日期, or 印发日期 for a date printed "…印发"
    int year = 0;
    std::string year_basis;  // when the year is not printed as a date: what it was inferred from
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
    std::vector<EditorialNote> notes;
    bool draft = false;
    std::string body_markdown;
    int body_line = 1;  // line of the body's first line in the file
    std::string file;
    std::uint64_t source_hash = 0;  // of the file's path and bytes (source_hash)
};

// A date the plan fixes (六、进度要求): what, by when, in the plan's own words, and where it says so.
struct Milestone {
    std::string id;
    std::string what;
    std::string stage;     // the construction stage it is the deadline for (model/progress_stages.h), or empty
    std::string deadline;  // YYYY-MM-DD: the last day the plan's words allow
    SourcePos deadline_pos;
    std::string printed;   // the deadline as printed ("2月中旬前")
    std::string quote;     // the plan's sentence
    std::string paragraph; // "六（一）"
    SourcePos pos;
};

// An evaluation indicator (绩效评估): 基础分, 加分 or 扣分 with its points.
struct Indicator {
    Located id;
    std::string name;
    std::string kind;  // 基础分 | 加分 | 扣分
    double points = 0;
    std::string points_text;
    std::string paragraph;
    SourcePos pos;
};

// schedules/<year>.yaml: a program year's schedule and evaluation indicators, from its plan notice.
struct Schedule {
    int year = 0;
    Located source;  // notice id
    std::vector<Milestone> milestones;
    std::vector<Indicator> indicators;
    bool draft = false;
    SourcePos pos;
};

// One project's line in a progress notice.
struct StageReport {
    Located project;
    Located stage;
    std::string date;  // YYYY-MM-DD when the notice prints a day, else empty
    SourcePos date_pos;
    std::string printed;
    std::string problem;
    std::string note;  // why a stage earlier than a previous notice's is reported
    SourcePos pos;
};

struct StageCount {
    Located stage;
    int count = 0;
};

// One city's line in a progress notice: projects per stage.
struct CityProgress {
    Located city;
    int declared = -1;  // the city's total as printed; -1 when none is printed
    SourcePos declared_pos;
    std::vector<StageCount> stages;
    std::string problem;
    SourcePos pos;
};

// progress/<notice-id>.yaml: what a progress notice (月度通报, 季度反馈, 督查通报) reports.
struct ProgressReport {
    Located notice;
    int year = 0;  // program year
    SourcePos year_pos;
    std::string kind;
    Located month;  // YYYY-MM: the month it reports on
    int declared = -1;  // projects listed, as printed; -1 when none is printed
    SourcePos declared_pos;
    std::vector<StageReport> projects;
    std::vector<CityProgress> cities;
    bool draft = false;
    std::string file;
    std::uint64_t source_hash = 0;
};

struct ScoreItem {
    Located indicator;
    double points = 0;
    std::string points_text;
    SourcePos pos;
};

// One score a notice publishes: a project's or a city's, for a month.
struct ScoreRow {
    Located project;  // one of project and city
    Located city;
    Located month;    // YYYY-MM
    double base = 0, bonus = 0, deductions = 0, total = 0;
    std::string base_text, bonus_text, deductions_text, total_text;
    SourcePos base_pos, bonus_pos, deductions_pos, total_pos;
    std::vector<ScoreItem> items;
    SourcePos pos;
};

// scores/<notice-id>.yaml: the scores one notice publishes.
struct ScoreSheet {
    Located notice;
    int year = 0;
    SourcePos year_pos;
    std::vector<ScoreRow> rows;
    bool draft = false;
    std::string file;
    std::uint64_t source_hash = 0;
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
    std::vector<Schedule> schedules;
    std::vector<ProgressReport> progress;
    std::vector<ScoreSheet> scores;
    int files_read = 0;
    int files_parsed = 0;  // of those, read and parsed (the others came from the parsed-record cache)
    // Of the files every page may read from (site.yaml, cities.yaml, tasks/), in the order read.
    std::uint64_t shared_source_hash = 0;
    // Ids (file names) of records whose file could not be read or parsed: the error is already reported, so
    // references to them are not reported again.
    std::set<std::string> unreadable;
    bool cities_unreadable = false;
};

}  // namespace gongshi::model
