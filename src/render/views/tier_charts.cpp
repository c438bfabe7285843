#include "render/views/tier_charts.h"

#include <algorithm>


namespace gongshi::render {

View tier_charts_view(const model::Site& site) {
    // Drawn at a phone's width so its text stays legible when the figure is scaled down to 360 px.
    constexpr int bar_height = 20, gap = 8, label_width = 64, chart_width = 360, top = 4;
    const size_t tiers = site.config.tiers.size();
    auto chart = [&](const std::string& title, const std::vector<std::pair<std::string, std::vector<int>>>& groups) {
        int max_total = 1;
        for (const auto& [name, counts] : groups) {
            int total = 0;
            for (int c : counts) total += c;
            max_total = std::max(max_total, total);
        }
        const int plot = chart_width - label_width - 40;
        View c;
        c["title"] = title;
        c["width"] = chart_width;
        c["height"] = top + static_cast<int>(groups.size()) * (bar_height + gap);
        ViewList rows, table_rows;
        std::string alt;
        int y = top;
        for (const auto& [name, counts] : groups) {
            View row;
            row["label"] = name;
            row["label_y"] = y + bar_height / 2 + 5;
            int x = label_width, total = 0;
            ViewList segments;
            std::string parts;
            for (size_t t = 0; t < tiers; ++t) {
                const int w = counts[t] * plot / max_total;
                total += counts[t];
                parts += (t ? "，" : "") + site.config.tiers[t].name + std::to_string(counts[t]);
                if (counts[t] == 0) continue;
                View seg;
                seg["x"] = x;
                seg["y"] = y;
                seg["width"] = std::max(w, 1);
                seg["height"] = bar_height;
                seg["tier_id"] = site.config.tiers[t].id;
                seg["title"] = name + " " + site.config.tiers[t].name + " " + std::to_string(counts[t]);
                segments.push_back(std::move(seg));
                x += w;
            }
            row["segments"] = std::move(segments);
            row["total"] = total;
            row["total_x"] = x + 6;
            row["total_y"] = y + bar_height / 2 + 5;
            alt += name + "：" + parts + "。";
            rows.push_back(std::move(row));
            // The same figures as a table, the chart's text alternative.
            View tr;
            tr["label"] = name;
            ViewList cells;
            for (size_t t = 0; t < tiers; ++t) cells.push_back(View(counts[t]));
            tr["cells"] = std::move(cells);
            tr["total"] = total;
            table_rows.push_back(std::move(tr));
            y += bar_height + gap;
        }
        c["rows"] = std::move(rows);
        c["table_rows"] = std::move(table_rows);
        c["alt"] = alt;
        return c;
    };
    std::vector<std::pair<std::string, std::vector<int>>> by_city(site.cities.size(), {"", std::vector<int>(tiers, 0)});
    for (size_t c = 0; c < site.cities.size(); ++c) by_city[c].first = site.cities[c].name;
    std::vector<std::pair<std::string, std::vector<int>>> by_year;
    for (const auto& p : site.config.programs) by_year.push_back({std::to_string(p.year) + "年", std::vector<int>(tiers, 0)});
    for (const auto& r : site.ratings) {
        by_city[site.city_of_project[r.project]].second[r.tier.value()]++;
        for (size_t y = 0; y < site.config.programs.size(); ++y)
            if (site.config.programs[y].year == r.year) by_year[y].second[r.tier.value()]++;
    }
    View v;
    ViewList legend;
    for (size_t t = 0; t < tiers; ++t) {
        View l;
        l["name"] = site.config.tiers[t].name;
        l["tier_id"] = site.config.tiers[t].id;
        legend.push_back(std::move(l));
    }
    v["legend"] = std::move(legend);
    ViewList heads;
    for (const auto& t : site.config.tiers) heads.push_back(View(t.name));
    v["tier_heads"] = std::move(heads);
    View by_year_chart = chart("各项目年度评价等次", by_year);
    by_year_chart["row_head"] = "项目年度";
    View by_city_chart = chart("各市评价等次（各年度合计）", by_city);
    by_city_chart["row_head"] = "城市";
    v["charts"] = ViewList{std::move(by_year_chart), std::move(by_city_chart)};
    return v;
}

}  // namespace gongshi::render
