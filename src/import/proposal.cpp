#include "import/proposal.h"

#include <algorithm>

#include "model/placeholder.h"

namespace gongshi::importer {

namespace {

const std::string todo(model::placeholder);

std::string or_todo(const std::string& value) { return value.empty() ? todo : yaml_scalar(value); }

std::string mark_comment(const Mark& m, const std::string& indent) {
    std::string message = m.message;
    std::replace(message.begin(), message.end(), '\n', ' ');
    return indent + "# 待核对 / to check (line " + std::to_string(m.line) + ":" + std::to_string(m.col) + "): " +
           message + "\n";
}

// The marks on lines [first, last] not written yet, as comments.
std::string marks_between(const std::vector<Mark>& marks, std::vector<bool>& written, int first, int last,
                          const std::string& indent) {
    std::string out;
    for (size_t k = 0; k < marks.size(); ++k)
        if (!written[k] && marks[k].line >= first && marks[k].line <= last) {
            out += mark_comment(marks[k], indent);
            written[k] = true;
        }
    return out;
}

std::string from_line(const Origin& o) {
    return (o.doc_number.empty() ? o.source_file : o.doc_number + "（" + o.source_file + "）");
}

}  // namespace

std::string yaml_scalar(const std::string& v) {
    bool plain = !v.empty() && v.front() != ' ' && v.back() != ' ';
    if (plain && std::string_view("-?:,[]{}#&*!|>'\"%@`").find(v.front()) != std::string_view::npos) plain = false;
    if (plain && (v.find(": ") != std::string::npos || v.find(" #") != std::string::npos || v.back() == ':' ||
                  v.find('\n') != std::string::npos || v.find('\t') != std::string::npos))
        plain = false;
    static const char* const reserved[] = {"true", "false", "null", "yes", "no", "on", "off", "~", "True", "False",
                                           "Null", "NULL", "TRUE", "FALSE", "Yes", "No"};
    for (const char* r : reserved) plain = plain && v != r;
    if (plain && std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e'; }))
        plain = false;  // would read as a number
    if (plain) return v;
    std::string out = "\"";
    for (const char c : v) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\t') {
            out += "\\t";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string notice_record_text(const NoticeHeader& h, const std::string& body, const Origin& origin) {
    const std::string not_found = "  # 原文中未找到，请照原文填写 / not found in the text: fill in as printed";
    std::string t = "---\n";
    t += "# 由 gongshi import 从 " + origin.source_file + " 读出；请逐项与原件核对 / read by gongshi import: check against the original\n";
    t += "# 文号，照原文 / document number as printed\n";
    t += "doc_number: " + or_todo(h.doc_number.value) + (h.doc_number.value.empty() ? not_found : "") + "\n";
    t += "# 标题，照原文全文 / the full title as printed\n";
    t += "title: " + or_todo(h.title.value) + (h.title.value.empty() ? not_found : "") + "\n";
    t += "# 发文机关 / issuing body\n";
    t += "issuer: " + or_todo(h.issuer.value) + (h.issuer.value.empty() ? not_found : "") + "\n";
    if (!h.addressees.empty()) {
        t += "# 主送机关，照原文 / addressees as printed\n";
        std::string list;
        for (const auto& a : h.addressees) list += (list.empty() ? "" : ", ") + yaml_scalar(a);
        t += "addressees: [" + list + "]\n";
    } else {
        t += "# 原文未见主送机关；有则照原文写 addressees: [各市民政局] / no addressees found\n";
    }
    t += "# 文种：通报 | 通知 | 实施方案 | 报道 / kind of document\n";
    t += "kind: " + or_todo(h.kind) + (h.kind.empty() ? not_found : "") + "\n";
    if (!h.date.value.empty()) {
        t += "# " + h.date_kind + "，原文印作日期 / the date as printed (line " + std::to_string(h.date.pos.line) + ")\n";
        t += "date: " + h.date.value + "\n";
        if (h.date_kind != "成文日期") t += "date_kind: " + h.date_kind + "\n";
    } else {
        t += "# 原文未印日期，故不填（页面显示“未载明”） / no date printed: left out, shown as 未载明\n";
    }
    t += "# 文件年份 / the year of the document\n";
    t += "year: " + (h.year ? std::to_string(h.year) : todo + not_found) + "\n";
    if (!h.year_basis.empty()) t += "year_basis: " + yaml_scalar(h.year_basis) + "\n";
    t += "# 公开方式：主动公开 | 依申请公开 | 可以公开 | 不予公开 | 未注明 / disclosure class as printed\n";
    t += "disclosure: " + or_todo(h.disclosure) +
         (h.disclosure.empty() ? "  # 原文中未找到；确未注明则填 未注明 / not found: 未注明 if the original states none" : "") + "\n";
    t += "# 录入所依据的原件文件名 / the source file\n";
    t += "source_file: " + yaml_scalar(origin.source_file) + "\n";
    t += "# 摘要：一两句话，用于列表和订阅 / one or two sentences for lists and the feed\n";
    t += "summary: " + todo + "\n";
    t += "aliases: []\n";
    t += "draft: false\n";
    t += "---\n";
    return t + body;
}

std::string ratings_record_text(const std::string& notice_id, const std::vector<ProposedGroup>& groups,
                                const std::vector<Mark>& marks, const Origin& origin) {
    std::vector<bool> written(marks.size(), false);
    std::string t = "# " + from_line(origin) + " 公布的评价结果，由 gongshi import 读出：一个（项目年度，等次）一组，按原文顺序\n"
                    "# The ratings the notice issues, read by gongshi import: one group per (program year, tier), "
                    "in printed order.\n";
    t += "notice: " + notice_id + "\n";
    t += "groups:\n";
    for (size_t g = 0; g < groups.size(); ++g) {
        const ProposedGroup& group = groups[g];
        const int next_line = g + 1 < groups.size() ? groups[g + 1].line - 1 : 1 << 30;
        t += marks_between(marks, written, 0, group.line, "  ");
        t += "  - year: " + (group.year ? std::to_string(group.year) : todo) + "\n";
        t += "    tier: " + group.tier + "\n";
        t += "    declared: " + (group.declared ? std::to_string(*group.declared) : todo) + "\n";
        t += "    heading: " + yaml_scalar(group.heading) + "\n";
        t += "    entries:\n";
        for (const auto& e : group.entries) {
            t += marks_between(marks, written, 0, e.last_line, "      ");
            t += "      - rank: " + (e.rank ? std::to_string(e.rank) : todo) + "\n";
            t += "        project: " + (e.project.empty() ? todo : e.project) + "\n";
            t += "        printed: " + yaml_scalar(e.printed) + "\n";
            if (!e.correction.empty()) t += "        correction: " + yaml_scalar(e.correction) + "\n";
        }
        t += marks_between(marks, written, 0, next_line, "      ");
    }
    return t;
}

std::string project_record_text(const ProposedProject& p, const std::vector<Mark>& marks, const Origin& origin) {
    std::string t = "# 由 gongshi import 从 " + from_line(origin) + " 的名单读出（第" + std::to_string(p.line) +
                    "行） / read by gongshi import from the notice's list\n";
    for (const auto& m : marks)
        if (m.line == p.line) t += mark_comment(m, "");
    t += "# 项目id，发布后不再更改；文件名须为 <id>.yaml / the project id, never changed once published\n";
    t += "id: " + p.id + "\n";
    t += "# 项目正式名称，照原文 / the official name as printed\n";
    t += "name: " + or_todo(p.name) + "\n";
    t += "# 项目年度 / program year\n";
    t += "year: " + (p.year ? std::to_string(p.year) : todo) + "\n";
    t += "# 城市id / city id\n";
    t += "city: " + p.city + "\n";
    if (p.county_unknown) {
        t += "# 县（市、区）或开发区，照 cities.yaml 的写法 / county or zone as cities.yaml names it\n";
        t += "county: " + todo + "\n";
    } else if (!p.county.empty()) {
        t += "# 县（市、区）或开发区 / county or zone\n";
        t += "county: " + yaml_scalar(p.county) + "\n";
    } else {
        t += "# 名称未写县（市、区），不填，也不推定 / the name states no county: left out, never guessed\n";
    }
    if (!p.town.empty()) t += "# 街道或乡镇，照名称原文 / street or town as printed in the name\ntown: " + yaml_scalar(p.town) + "\n";
    if (!p.community.empty())
        t += "# 社区，照名称原文 / community as printed in the name\ncommunity: " + yaml_scalar(p.community) + "\n";
    t += "# true：暂不发布 / true keeps it unpublished\n";
    t += "draft: false\n";
    return t;
}

}  // namespace gongshi::importer
