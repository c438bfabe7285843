// The notice's own particulars as printed at its head and foot: issuer, 文号, title, addressees, date (成文 or
// 印发), disclosure. A particular the text does not print stays empty: the record gets 待填写, never a guess.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "import/rating_lists.h"
#include "import/source_text.h"

namespace gongshi::importer {

struct Printed {
    std::string value;  // empty: not found
    diag::SourcePos pos;
};

struct NoticeHeader {
    Printed issuer;
    Printed doc_number;
    Printed title;
    std::vector<std::string> addressees;
    std::string kind;       // 通报 | 通知 | 实施方案, from the title's last words; empty if none
    Printed date;           // YYYY-MM-DD
    std::string date_kind;  // 成文日期 | 印发日期
    std::string disclosure; // 主动公开 | 依申请公开 | 可以公开 | 不予公开; empty if not printed
    int year = 0;           // of the date, else of the 文号
    std::string year_basis; // when the year comes from the 文号
    int body_first_line = 1;  // where the body starts: the addressees' line, else the line after the title
};

// Reads the particulars from the lines outside the lists.
NoticeHeader read_notice_header(const SourceText& source, const std::vector<LineRange>& lists);

}  // namespace gongshi::importer
