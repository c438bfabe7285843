// Build-time SVG for progress: stacked bars of projects per stage per month, lines of scores by month. Colours are
// presentation attributes, so the site's stylesheet (and every page linking it) is unchanged.
#include <algorithm>
#include <cstdlib>
#include <set>

#include "model/permalinks.h"
#include "model/progress_stages.h"
#include "render/views/progress_views.h"

namespace gongshi::render {

namespace {

constexpr const char* stage_colours[] = {"#9e9e9e", "#4a90c2", "#e0a030", "#3f9d5a", "#7b5ea7"};
constexpr const char* series_colours[] = {"#1f6fb2", "#c2571a", "#2e8b57", "#8e44ad", "#b8860b", "#c0392b",
                                          "#16a085", "#7f8c8d", "#d35400", "#2c3e50", "#27ae60"};

}  // namespace

std::string month_label(const std::string& month) {
    if (month.size() != 7) return month;
    return month.substr(0, 4) + "年" + std::to_string(std::atoi(month.c_str() + 5)) + "月";
}

ViewList report_links(const model::Site& site, const std::vector<int>& reports) {
    ViewList links;
    for (int r : reports) {
        const model::Document* n = site.notice(site.progress[r].notice.value);
        if (n == nullptr) continue;
        View l;
        l["label"] = model::document_label(*n);
        l["url"] = model::notice_url(n->id.value);
        links.push_back(std::move(l));
    }
    return links;
}

View stage_chart(const model::Site& site, const std::string& title, const std::vector<model::MonthStages>& months) {
    constexpr int bar_height = 20, gap = 8, label_width = 84, chart_width = 360, top = 4;
    const int plot = chart_width - label_width - 40;
    int max_total = 1;
    for (const auto& m : months) max_total = std::max(max_total, m.total);
    View c;
    c["title"] = title;
    c["width"] = chart_width;
    c["height"] = top + static_cast<int>(months.size()) * (bar_height + gap);
    ViewList rows, table_rows;
    std::string alt;
    int y = top;
    for (const auto& m : months) {
        const std::string label = month_label(m.month);
        View row;
        row["label"] = label;
        row["label_y"] = y + bar_height / 2 + 5;
        ViewList segments, cells;
        std::string parts;
        int x = label_width;
        for (size_t s = 0; s < model::progress_stages.size(); ++s) {
            const std::string stage(model::progress_stages[s]);
            parts += (s ? "，" : "") + stage + std::to_string(m.counts[s]);
            cells.push_back(View(m.counts[s]));
            if (m.counts[s] == 0) continue;
            const int w = std::max(m.counts[s] * plot / max_total, 1);
            View seg;
            seg["x"] = x;
            seg["y"] = y;
            seg["width"] = w;
            seg["height"] = bar_height;
            seg["colour"] = stage_colours[s];
            seg["title"] = label + " " + stage + " " + std::to_string(m.counts[s]);
            segments.push_back(std::move(seg));
            x += w;
        }
        row["segments"] = std::move(segments);
        row["total"] = m.total;
        row["total_x"] = x + 6;
        row["total_y"] = y + bar_height / 2 + 5;
        rows.push_back(std::move(row));
        alt += label + "：" + parts + "。";
        View tr;
        tr["label"] = label;
        tr["cells"] = std::move(cells);
        tr["total"] = m.total;
        tr["sources"] = report_links(site, m.reports);
        table_rows.push_back(std::move(tr));
        y += bar_height + gap;
    }
    c["rows"] = std::move(rows);
    c["table_rows"] = std::move(table_rows);
    c["alt"] = alt;
    ViewList legend, heads;
    for (size_t s = 0; s < model::progress_stages.size(); ++s) {
        View l;
        l["name"] = std::string(model::progress_stages[s]);
        l["colour"] = stage_colours[s];
        legend.push_back(std::move(l));
        heads.push_back(View(std::string(model::progress_stages[s])));
    }
    c["legend"] = std::move(legend);
    c["heads"] = std::move(heads);
    return c;
}

View score_curve(const std::string& title, const std::vector<ScoreSeries>& series) {
    constexpr int chart_width = 360, height = 180, left = 36, right = 16, top = 12, bottom = 28;
    std::set<std::string> month_set;
    double max_score = 100;
    for (const auto& s : series)
        for (const auto& [month, total] : s.points) {
            month_set.insert(month);
            max_score = std::max(max_score, std::atof(total.c_str()));
        }
    const std::vector<std::string> months(month_set.begin(), month_set.end());
    auto x_of = [&](const std::string& month) {
        const size_t i = static_cast<size_t>(std::lower_bound(months.begin(), months.end(), month) - months.begin());
        const int span = chart_width - left - right;
        return months.size() < 2 ? left + span / 2 : left + static_cast<int>(i) * span / static_cast<int>(months.size() - 1);
    };
    auto y_of = [&](const std::string& total) {
        return top + static_cast<int>((1.0 - std::atof(total.c_str()) / max_score) * (height - top - bottom));
    };
    View c;
    c["title"] = title;
    c["width"] = chart_width;
    c["height"] = height;
    c["axis_y"] = height - bottom;
    c["axis_x_end"] = chart_width - right;
    c["left"] = left;
    c["top"] = top;
    c["max_label"] = std::to_string(static_cast<int>(max_score));
    c["max_label_y"] = top + 4;
    ViewList ticks;
    for (const auto& m : months) {
        View t;
        t["x"] = x_of(m);
        t["y"] = height - bottom + 18;
        t["label"] = std::to_string(std::atoi(m.c_str() + 5)) + "月";
        ticks.push_back(std::move(t));
    }
    c["ticks"] = std::move(ticks);
    ViewList lines, legend, heads, table_rows;
    std::string alt;
    for (size_t i = 0; i < series.size(); ++i) {
        const ScoreSeries& s = series[i];
        const char* colour = series_colours[i % std::size(series_colours)];
        std::string points_attr;
        ViewList dots;
        std::string said;
        for (const auto& [month, total] : s.points) {
            const int x = x_of(month), y = y_of(total);
            points_attr += (points_attr.empty() ? "" : " ") + std::to_string(x) + "," + std::to_string(y);
            View d;
            d["x"] = x;
            d["y"] = y;
            d["title"] = s.name + " " + month_label(month) + " " + total + "分";
            dots.push_back(std::move(d));
            said += (said.empty() ? "" : "，") + month_label(month) + total + "分";
        }
        alt += s.name + "：" + said + "。";
        View line;
        line["points"] = points_attr;
        line["colour"] = colour;
        line["dots"] = std::move(dots);
        lines.push_back(std::move(line));
        View l;
        l["name"] = s.name;
        l["colour"] = colour;
        legend.push_back(std::move(l));
        heads.push_back(View(s.name));
    }
    for (const auto& m : months) {
        View tr;
        tr["label"] = month_label(m);
        ViewList cells;
        for (const auto& s : series) {
            std::string cell = "—";
            for (const auto& [month, total] : s.points)
                if (month == m) cell = total;
            cells.push_back(View(cell));
        }
        tr["cells"] = std::move(cells);
        table_rows.push_back(std::move(tr));
    }
    c["lines"] = std::move(lines);
    c["legend"] = std::move(legend);
    c["heads"] = std::move(heads);
    c["table_rows"] = std::move(table_rows);
    c["alt"] = alt;
    return c;
}

}  // namespace gongshi::render
