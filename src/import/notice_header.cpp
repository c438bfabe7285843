#include "import/notice_header.h"

#include <algorithm>
#include <cstdio>

#include "import/noise.h"

namespace gongshi::importer {

namespace {


bool in_lists(int line, const std::vector<LineRange>& lists) {
    for (const auto& r : lists)
        if (line >= r.first && line <= r.last) return true;
    return false;
}

// 晋民函〔2023〕169号, 晋民函[2023]169号, 晋民函（2023）169号: a short Chinese prefix, a bracketed year, a number, 号.
bool is_doc_number(std::string_view line) {
    const std::string s = without_spaces(fold_width(line));
    size_t i = 0, prefix = 0;
    while (i < s.size()) {
        size_t n = 1;
        const char32_t c = code_point(s, i, n);
        if (!(c >= 0x4E00 && c <= 0x9FFF)) break;
        i += n;
        ++prefix;
    }
    if (prefix == 0 || prefix > 10 || i >= s.size()) return false;
    for (const std::string_view open : {"〔", "[", "(", "【"})
        if (std::string_view(s).substr(i).starts_with(open)) {
            i += open.size();
            size_t digits = 0;
            while (i < s.size() && is_digit(s[i])) ++i, ++digits;
            if (digits != 4) return false;
            for (const std::string_view close : {"〕", "]", ")", "】"})
                if (std::string_view(s).substr(i).starts_with(close)) {
                    i += close.size();
                    size_t serial = 0;
                    while (i < s.size() && is_digit(s[i])) ++i, ++serial;
                    return serial > 0 && s.substr(i) == "号";
                }
            return false;
        }
    return false;
}

int chinese_digit(std::string_view ch) {
    static const char* const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    for (int d = 0; d < 10; ++d)
        if (ch == digits[d]) return d;
    if (ch == "零" || ch == "○" || ch == "O") return 0;
    return ch == "十" ? 10 : -1;
}

// A number in Arabic or Chinese digits ("2023", "二〇二三", "十二", "二十七"); -1 if it is not one.
int read_number(std::string_view s) {
    if (s.empty()) return -1;
    if (std::all_of(s.begin(), s.end(), is_digit)) return s.size() <= 4 ? std::stoi(std::string(s)) : -1;
    std::vector<int> d;
    for (size_t i = 0; i < s.size();) {
        size_t n = 1;
        code_point(s, i, n);
        const int v = chinese_digit(s.substr(i, n));
        if (v < 0) return -1;
        d.push_back(v);
        i += n;
    }
    if (d.size() == 4) return d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];  // 二〇二三
    if (d.size() == 1) return d[0];
    if (d.size() == 2 && d[0] == 10) return 10 + d[1];
    if (d.size() == 2 && d[1] == 10) return d[0] * 10;
    if (d.size() == 3 && d[1] == 10) return d[0] * 10 + d[2];
    return -1;
}

// "2023年1月16日" / "二〇二三年一月十六日" alone on a line, optionally followed by 印发: the ISO date.
std::string read_date(std::string_view line, bool& issued) {
    std::string s = without_spaces(fold_width(line));
    issued = s.ends_with("印发");
    if (issued) s.erase(s.size() - std::string_view("印发").size());
    const size_t y = s.find("年"), m = s.find("月"), d = s.find("日");
    if (y == std::string::npos || m == std::string::npos || d == std::string::npos || !(y < m && m < d)) return {};
    if (d + std::string_view("日").size() != s.size()) return {};
    const int year = read_number(std::string_view(s).substr(0, y));
    const size_t m0 = y + std::string_view("年").size(), d0 = m + std::string_view("月").size();
    const int month = read_number(std::string_view(s).substr(m0, m - m0));
    const int day = read_number(std::string_view(s).substr(d0, d - d0));
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return {};
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    return iso;
}

// 主动公开 / 依申请公开 / 可以公开 / 不予公开 on a line of its own: "(依申请公开)", "此件主动公开", "公开方式：主动公开".
std::string read_disclosure(std::string_view line) {
    std::string s = without_spaces(fold_width(line));
    for (const std::string_view noise : {"(", ")", "【", "】", "此件", "公开方式:", "公开属性:"})
        for (size_t at = s.find(noise); at != std::string::npos; at = s.find(noise)) s.erase(at, noise.size());
    for (const char* kind : {"主动公开", "依申请公开", "可以公开", "不予公开"})
        if (s == kind) return kind;
    return {};
}

diag::SourcePos start_of(const SourceText& src, const SourceLine& line) {
    const std::string_view t = trim(line.text);
    return {src.path, line.number, column_at(line.text, static_cast<size_t>(t.data() - line.text.data()))};
}

}  // namespace

NoticeHeader read_notice_header(const SourceText& src, const std::vector<LineRange>& lists) {
    NoticeHeader h;
    std::vector<const SourceLine*> lines;  // non-blank, outside the lists, not page numbers
    for (const auto& l : src.lines) {
        const std::string_view t = trim(l.text);
        if (!t.empty() && !is_page_number(t) && !in_lists(l.number, lists)) lines.push_back(&l);
    }
    const int first_list_line = lists.empty() ? 1 << 30 : lists.front().first;

    // 文号 among the first lines; the issuer's line stands above it, the title below.
    size_t title_at = 0;
    for (size_t k = 0; k < lines.size() && k < 12 && lines[k]->number < first_list_line; ++k) {
        if (!is_doc_number(lines[k]->text)) continue;
        h.doc_number = {without_spaces(trim(lines[k]->text)), start_of(src, *lines[k])};
        if (k > 0) {
            std::string issuer = tidy(lines[0]->text);
            if (issuer.ends_with("文件")) issuer.erase(issuer.size() - std::string_view("文件").size());
            if (length_in_chars(issuer) <= 30) h.issuer = {issuer, start_of(src, *lines[0])};
        }
        title_at = k + 1;
        break;
    }
    if (h.doc_number.value.empty())  // no 文号: the title is the first line saying 关于
        for (size_t k = 0; k < lines.size() && k < 8; ++k)
            if (lines[k]->text.find("关于") != std::string::npos) {
                title_at = k;
                break;
            }

    // The title: up to three lines, ending before the addressees ("各市民政局：") or the first sentence.
    size_t body_at = title_at;
    std::string title;
    for (size_t k = title_at; k < lines.size() && k < title_at + 3 && lines[k]->number < first_list_line; ++k) {
        const std::string t = tidy(lines[k]->text);
        if (t.ends_with("：") || t.ends_with(":") || t.find("。") != std::string::npos || heading_number(t) ||
            length_in_chars(t) > 60)
            break;
        if (title.empty()) h.title.pos = start_of(src, *lines[k]);
        title += t;
        body_at = k + 1;
        if (t.ends_with("通报") || t.ends_with("通知") || t.ends_with("方案") || t.ends_with("意见")) break;
    }
    if (title.find("关于") != std::string::npos || !h.doc_number.value.empty()) h.title.value = title;
    if (h.issuer.value.empty() && !h.title.value.empty()) {
        const size_t about = h.title.value.find("关于");
        if (about != std::string::npos && about > 0 && length_in_chars(h.title.value.substr(0, about)) <= 20)
            h.issuer = {h.title.value.substr(0, about), h.title.pos};
    }
    if (h.title.value.ends_with("通报")) h.kind = "通报";
    else if (h.title.value.ends_with("通知")) h.kind = "通知";
    else if (h.title.value.ends_with("实施方案")) h.kind = "实施方案";

    // The addressees: the next line ending in a colon, short, before the lists.
    if (body_at < lines.size() && lines[body_at]->number < first_list_line) {
        const std::string t = tidy(lines[body_at]->text);
        if ((t.ends_with("：") || t.ends_with(":")) && length_in_chars(t) <= 40 && t.find("。") == std::string::npos) {
            std::string names = t.substr(0, t.size() - (t.ends_with("：") ? std::string_view("：").size() : 1));
            for (size_t at = names.find("，"); at != std::string::npos; at = names.find("，")) names.replace(at, 3, "、");
            for (size_t start = 0; start <= names.size();) {
                size_t end = names.find("、", start);
                if (end == std::string::npos) end = names.size();
                if (end > start) h.addressees.push_back(names.substr(start, end - start));
                start = end + std::string_view("、").size();
            }
        }
    }
    h.body_first_line = body_at < lines.size() ? lines[body_at]->number : static_cast<int>(src.lines.size()) + 1;

    // The date and the disclosure, wherever they stand (usually at the foot).
    Printed issued_date;
    for (const SourceLine* l : lines) {
        bool issued = false;
        const std::string date = read_date(l->text, issued);
        if (!date.empty()) {
            Printed& slot = issued ? issued_date : h.date;
            if (slot.value.empty()) slot = {date, start_of(src, *l)};
        }
        if (h.disclosure.empty()) h.disclosure = read_disclosure(l->text);
    }
    h.date_kind = "成文日期";
    if (h.date.value.empty() && !issued_date.value.empty()) {
        h.date = issued_date;
        h.date_kind = "印发日期";
    }
    if (!h.date.value.empty()) {
        h.year = std::stoi(h.date.value.substr(0, 4));
    } else if (!h.doc_number.value.empty()) {
        const std::string folded = fold_width(h.doc_number.value);
        for (size_t i = 0; i + 4 <= folded.size(); ++i)
            if (std::all_of(folded.begin() + static_cast<long>(i), folded.begin() + static_cast<long>(i) + 4, is_digit)) {
                h.year = std::stoi(folded.substr(i, 4));
                h.year_basis = "文件未印日期，年份据文号“" + h.doc_number.value + "”";
                break;
            }
    }
    return h;
}

}  // namespace gongshi::importer
