// What an import proposes, and the records it becomes as text: the notice (front matter and body), its ratings
// file and each new project, shaped and commented as `gongshi new` writes them. Uncertain spots are written as
// "# 待核对" comments above the value, and a value only a person can settle holds 待填写 (which `check` rejects).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/notice_header.h"

namespace gongshi::importer {

// An uncertain spot, as reported: written above the value it is about.
struct Mark {
    int line = 0;
    int col = 0;
    std::string message;
};

struct ProposedEntry {
    int rank = 0;             // 0: not printed (待填写)
    std::string printed;
    std::string project;      // id; empty: not settled (待填写)
    std::string correction;   // optional; may hold 待填写
    int first_line = 0, last_line = 0;
};

struct ProposedGroup {
    int year = 0;             // 0: unknown (待填写)
    std::string tier;
    std::optional<int> declared;
    std::string heading;
    int line = 0;
    std::vector<ProposedEntry> entries;
};

struct ProposedProject {
    std::string id;
    std::string name;         // may hold 待填写 (a truncated print)
    int year = 0;
    std::string city;
    std::string county;       // empty: the name states none
    bool county_unknown = false;
    std::string town;
    std::string community;
    int line = 0;             // of its entry
};

// Where the records come from, for their comments.
struct Origin {
    std::string doc_number;   // may be empty
    std::string source_file;  // the file's name
};

std::string notice_record_text(const NoticeHeader& header, const std::string& body, const Origin& origin);
std::string ratings_record_text(const std::string& notice_id, const std::vector<ProposedGroup>& groups,
                                const std::vector<Mark>& marks, const Origin& origin);
std::string project_record_text(const ProposedProject& project, const std::vector<Mark>& marks, const Origin& origin);

// A YAML scalar: plain when that reads back as the same string, else double-quoted.
std::string yaml_scalar(const std::string& value);

}  // namespace gongshi::importer
