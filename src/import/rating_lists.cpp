#include "import/rating_lists.h"

#include <algorithm>

#include "import/noise.h"

namespace gongshi::importer {

namespace {


struct Number {
    int value = 0;
    size_t offset = 0;  // byte offset of its first digit
};

// Walks a line's characters.
struct Cursor {
    std::string_view s;
    size_t i = 0;
    bool done() const { return i >= s.size(); }
    char32_t peek() const {
        size_t n = 1;
        return code_point(s, i, n);
    }
    void next() {
        size_t n = 1;
        code_point(s, i, n);
        i += n;
    }
    void skip_spaces() {
        while (!done() && is_space(peek())) next();
    }
    int digits(int& value) {
        int count = 0;
        value = 0;
        while (!done() && is_digit(peek())) {
            value = value * 10 + digit_value(peek());
            next();
            ++count;
        }
        return count;
    }
};

// A year printed as "2022年" or "2023 年" (digits of either width).
std::optional<Number> find_year(std::string_view line) {
    for (Cursor c{line}; !c.done(); c.next()) {
        if (!is_digit(c.peek())) continue;
        Cursor d = c;
        int value = 0;
        if (d.digits(value) != 4) {
            c = d;
            if (c.done()) break;
            continue;
        }
        d.skip_spaces();
        if (!d.done() && d.peek() == U'年' && value >= 1990 && value <= 2100) return Number{value, c.i};
        c = d;
        if (c.done()) break;
    }
    return std::nullopt;
}

// The count a heading declares: "共20家", "共 6 家", "共6个".
std::optional<Number> find_count(std::string_view line) {
    for (Cursor c{line}; !c.done(); c.next()) {
        if (c.peek() != U'共') continue;
        Cursor d = c;
        d.next();
        d.skip_spaces();
        const size_t at = d.i;
        int value = 0;
        if (d.digits(value) == 0) continue;
        d.skip_spaces();
        if (!d.done() && (d.peek() == U'家' || d.peek() == U'个' || d.peek() == U'项' || d.peek() == U'名'))
            return Number{value, at};
    }
    return std::nullopt;
}


bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// The tier a heading names ("优秀等次（共20家）", "2022年良好等次"), if it is short enough to be a heading.
const model::Tier* tier_named(std::string_view heading_text, const model::SiteConfig& site) {
    const std::string key = without_spaces(fold_width(heading_text));
    if (key.empty() || length_in_chars(key) > 40 || contains(key, "。")) return nullptr;
    for (const auto& tier : site.tiers) {
        const size_t at = key.find(tier.name);
        if (at == std::string::npos) continue;
        const std::string_view after = std::string_view(key).substr(at + tier.name.size());
        const std::string_view before = std::string_view(key).substr(0, at);
        const bool heading_like = after.empty() || after.rfind("等", 0) == 0 || after.rfind("(", 0) == 0 ||
                                  after.rfind("（", 0) == 0 || after.rfind("共", 0) == 0;
        const bool nothing_else_before = before.empty() || before.find("年") != std::string::npos;
        if (heading_like && nothing_else_before) return &tier;
    }
    return nullptr;
}

diag::SourcePos at(const SourceText& src, const SourceLine& line, size_t offset) {
    return {src.path, line.number, column_at(line.text, offset)};
}

size_t first_digit(std::string_view line) {
    for (Cursor c{line}; !c.done(); c.next())
        if (is_digit(c.peek())) return c.i;
    return 0;
}

}  // namespace

bool ends_like_a_name(std::string_view name) {
    const std::string key = without_spaces(name);
    for (const char* end : {"工程", "项目"})
        if (key.size() >= std::string_view(end).size() && key.compare(key.size() - std::string_view(end).size(),
                                                                      std::string::npos, end) == 0)
            return true;
    return false;
}

RatingLists read_rating_lists(const SourceText& src, const model::SiteConfig& site, diag::Diagnostics& diags) {
    RatingLists out;
    int year = 0;
    int year_line = 0;          // line of the last program-year heading
    int last_content_line = 0;  // last line that was neither blank nor a page number
    bool in_lists = false;      // no body text since the last heading or entry
    std::optional<size_t> open;  // index of the group whose entries may follow

    const auto close_entry = [&] {
        if (!open || out.groups[*open].entries.empty()) return;
        PrintedEntry& e = out.groups[*open].entries.back();
        e.name = e.name.tidied();
    };
    const auto close_group = [&] {
        if (!open) return;
        close_entry();
        const PrintedGroup& g = out.groups[*open];
        const int listed = static_cast<int>(g.entries.size());
        if (g.declared && *g.declared != listed)
            diags.error(g.declared_pos,
                        "the heading declares " + std::to_string(*g.declared) + ", but " + std::to_string(listed) +
                            (listed == 1 ? " entry follows" : " entries follow"),
                        "compare the list with the original: an entry may be missing, or the count misprinted");
        open.reset();
    };
    const auto extend = [&](int line) {
        if (in_lists && !out.ranges.empty()) {
            out.ranges.back().last = line;
            return;
        }
        out.ranges.push_back({year_line != 0 && year_line == last_content_line ? year_line : line, line});
        in_lists = true;
    };

    for (const SourceLine& line : src.lines) {
        const std::string_view raw = line.text;
        const std::string_view text = trim(raw);
        if (text.empty() || is_page_number(text)) continue;
        const auto number = heading_number(raw);
        const std::string_view after_number = number ? raw.substr(number->text_begin) : text;
        const model::Tier* tier = tier_named(after_number, site);
        const auto printed_year = find_year(number ? after_number : std::string_view{});

        if (tier != nullptr && (number || find_count(raw))) {
            close_group();
            if (printed_year) {
                year = printed_year->value;
                year_line = line.number;
            }
            extend(line.number);
            PrintedGroup g;
            g.year = year;
            g.tier = tier->id;
            g.heading = without_spaces(text);
            g.pos = at(src, line, static_cast<size_t>(text.data() - raw.data()));
            g.declared_pos = g.pos;
            if (const auto count = find_count(raw)) {
                g.declared = count->value;
                g.declared_pos = at(src, line, count->offset);
            } else {
                diags.error(g.pos, "the heading states no count (共N家)",
                            "check the original; with --accept-uncertain the count is left 待填写 for you");
            }
            if (year == 0)
                diags.error(g.pos, "no program-year heading (such as 一、2022年城镇社区养老幸福工程) before this group",
                            "check the original; with --accept-uncertain the year is left 待填写 for you");
            else if (std::none_of(site.programs.begin(), site.programs.end(),
                                  [&](const model::Program& p) { return p.year == year; }))
                diags.error(g.pos, "program year " + std::to_string(year) + " is not in site.yaml's programs",
                            "add the program to content/site.yaml first (README: publishing a new notice)");
            out.groups.push_back(std::move(g));
            open = out.groups.size() - 1;
            last_content_line = line.number;
            continue;
        }
        if (number && !number->bracketed) {  // 一、… : a program year, or the body's next part
            close_group();
            if (printed_year) {
                year = printed_year->value;
                year_line = line.number;
            } else {
                in_lists = false;
            }
            last_content_line = line.number;
            continue;
        }
        if (open) {
            PrintedGroup& g = out.groups[*open];
            const bool sentence = contains(text, "。") || length_in_chars(text) > 80;
            if (const auto item = list_number(raw); item && !sentence) {
                close_entry();
                PrintedEntry e;
                e.rank = item->number;
                e.pos = at(src, line, first_digit(raw));
                e.name.append(raw.substr(item->text_begin), line.number, column_at(raw, item->text_begin));
                const int expected = g.entries.empty() ? 1 : g.entries.back().rank + 1;
                if (e.rank != expected)
                    diags.error(e.pos,
                                "entry numbered " + std::to_string(e.rank) + " where " + std::to_string(expected) +
                                    " was expected",
                                "check the original for a missing, repeated or misread entry");
                g.entries.push_back(std::move(e));
                extend(line.number);
                last_content_line = line.number;
                continue;
            }
            if (!g.entries.empty() && !ends_like_a_name(g.entries.back().name.text()) && !sentence &&
                length_in_chars(text) <= 30 && !number) {
                PrintedEntry& e = g.entries.back();  // the rest of a name split over two lines
                e.name.append(text, line.number, column_at(raw, static_cast<size_t>(text.data() - raw.data())));
                e.joined = true;
                extend(line.number);
                last_content_line = line.number;
                continue;
            }
            const bool complete = g.declared && static_cast<int>(g.entries.size()) >= *g.declared;
            if (sentence || complete) {  // the body goes on after the lists
                close_group();
                in_lists = false;
                last_content_line = line.number;
                continue;
            }
            if (ends_like_a_name(text)) {
                close_entry();
                PrintedEntry e;
                e.pos = at(src, line, static_cast<size_t>(text.data() - raw.data()));
                e.name.append(text, line.number, e.pos.col);
                diags.error(e.pos, "this entry has no number",
                            "check the original; with --accept-uncertain its rank is left 待填写 for you");
                g.entries.push_back(std::move(e));
                extend(line.number);
                last_content_line = line.number;
                continue;
            }
            diags.error(at(src, line, static_cast<size_t>(text.data() - raw.data())),
                        "cannot read this line of the list: it is neither a heading nor a numbered name",
                        "check the original; if it is part of a name or an entry, correct the text and import again");
            extend(line.number);
            last_content_line = line.number;
            continue;
        }
        in_lists = false;
        last_content_line = line.number;
    }
    close_group();
    if (out.groups.empty())
        diags.error({src.path, 1, 1},
                    "found no ratings lists: no tier heading such as （一）优秀等次（共20家） followed by numbered names",
                    "import a notice that lists rated projects; for other notices use gongshi new notice");
    return out;
}

}  // namespace gongshi::importer
