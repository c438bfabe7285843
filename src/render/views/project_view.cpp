#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/permalinks.h"
#include "render/views/corrected_name.h"
#include "render/views/progress_views.h"
#include "render/views/project_rows.h"
#include "render/views/record_views.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

namespace {

std::string format_number(double v) {
    char buf[64];
    if (std::floor(v) == v) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// A fact of the project page with the document it comes from (shown by its number, linked), if any.
View fact(const std::string& label, const std::string& value, const model::Document* source) {
    View f;
    f["label"] = label;
    f["value"] = value;
    f["has_source"] = source != nullptr;
    if (source != nullptr) {
        f["source"] = model::document_label(*source);
        f["source_url"] = model::document_url(*source);
    }
    return f;
}

}  // namespace

SubsidyCeiling subsidy_ceiling(const model::Site& site, int index) {
    const model::Project& p = site.projects[index];
    const model::Program* program = site.program(p.year);
    if (program == nullptr || !program->subsidy)
        return {false, std::to_string(p.year) + "年项目的文件中未列出按面积计算的补助标准，无法计算补助上限。"};
    const model::SubsidyRule& rule = *program->subsidy;
    if (!p.area_m2) return {false, "建筑面积未公布，无法按每平方米" + std::to_string(rule.rate_yuan_per_m2) + "元计算补助上限。"};
    if (p.county.value.empty()) return {false, "文件未列明项目所在县区，无法确定适用市辖区或其他地区的补助面积上限。"};
    const model::County* county = site.county_of(p);
    if (county == nullptr)
        return {false, "项目所在地（" + p.county.value + "）不是国家区划中的县级单位，无法确定适用市辖区或其他地区的补助面积上限。"};
    const bool district = county->kind == "市辖区";
    const int cap = district ? rule.cap_m2_district : rule.cap_m2_other;
    const double area = std::min(*p.area_m2, static_cast<double>(cap));
    const double wan = area * rule.rate_yuan_per_m2 / 10000.0;
    return {true, "按" + std::to_string(rule.rate_yuan_per_m2) + "元/平方米、" + (district ? "市辖区" : "非市辖区") +
                      "补助面积上限" + std::to_string(cap) + "平方米计：补助上限" + format_number(wan) + "万元。"};
}

View project_view(const model::Site& site, const Assets& assets, const ProjectRows& rows, int index) {
    const model::Project& p = site.projects[index];
    const model::City& city = site.cities[site.city_of_project[index]];
    const std::string url = model::project_url(p.id.value);
    View v = frame_view(site, assets, p.name, url,
                        {{"项目", "/projects/"}, {city.name, model::city_url(city.id)}, {p.name, url}});
    v["name"] = p.name;
    add_corrected_name(v, site, index);
    v["id"] = p.id.value;
    v["year"] = p.year;
    v["program_name"] = model::program_name(site, p.year);
    v["city_name"] = city.name;
    v["city_url"] = model::city_url(city.id);
    v["county"] = model::county_label(p);
    const model::County* county = site.county_of(p);
    v["county_kind"] = county ? county->kind : "开发区";
    v["county_code"] = county ? county->code : "";
    v["has_county_code"] = county != nullptr;
    add_search_filter(v, filter_kind, kind_project);
    add_search_filter(v, filter_city, city.name);
    add_search_filter(v, filter_year, std::to_string(p.year) + "年");
    add_rating_filters(v, site, site.ratings_of_project[index]);

    // Name, year and place are as the rating notice that first lists the project prints them; the other facts
    // come from the document the record names (facts_source).
    const model::Document* listed_in = site.first_listed_in(index);
    const model::Document* facts_from = p.facts_source ? site.document(p.facts_source->value) : nullptr;
    ViewList facts;
    facts.push_back(fact("项目名称", p.name, listed_in));
    facts.push_back(fact("项目年度", std::to_string(p.year) + "年" + model::program_name(site, p.year), listed_in));
    facts.push_back(fact("所在地", city.name + " › " + model::county_label(p), listed_in));
    if (!p.town.empty()) facts.push_back(fact("乡镇（街道）", p.town, listed_in));
    if (!p.community.empty()) facts.push_back(fact("社区", p.community, listed_in));
    if (!p.address.empty()) facts.push_back(fact("项目地址", p.address, facts_from));
    if (p.area_m2) facts.push_back(fact("建筑面积", p.area_text + " 平方米", facts_from));
    if (p.investment_wan) facts.push_back(fact("投资总额", p.investment_text + " 万元", facts_from));
    if (!p.construction.empty()) facts.push_back(fact("配建性质", p.construction, facts_from));
    if (p.beds) facts.push_back(fact("床位", std::to_string(*p.beds) + " 张", facts_from));
    if (!p.operator_name.empty()) facts.push_back(fact("运行主体", p.operator_name, facts_from));
    v["facts"] = std::move(facts);

    ViewList ratings;
    for (int r : site.ratings_of_project[index]) {
        const model::Rating& rating = site.ratings[r];
        const model::Document& n = site.notices[rating.notice];
        View rv;
        rv["year"] = rating.year;
        rv["program_name"] = model::program_name(site, rating.year);
        rv["tier_name"] = model::tier_name(site, rating.tier);
        rv["tier_id"] = model::tier_id(site, rating.tier);
        rv["tier_url"] = model::ratings_url(rating.year, model::tier_id(site, rating.tier));
        rv["notice_label"] = model::document_label(n);
        rv["notice_title"] = n.title;
        rv["notice_url"] = model::notice_url(n.id.value);
        rv["rank"] = rating.rank;
        rv["heading"] = site.rating_headings[static_cast<size_t>(rating.heading)];
        rv["printed"] = rating.printed;
        rv["correction"] = rating.correction;
        rv["has_correction"] = !rating.correction.empty();
        ratings.push_back(std::move(rv));
    }
    v["has_ratings"] = !ratings.empty();
    v["ratings"] = std::move(ratings);
    add_project_progress(v, site, index);

    ViewList notes;
    for (const auto& n : p.location_notes) {
        View nv;
        nv["field"] = n.field == "county" ? "县（市、区）" : n.field == "town" ? "乡镇（街道）" : "社区";
        nv["printed"] = n.printed;
        nv["dataset"] = n.dataset;
        nv["reason"] = n.reason;
        notes.push_back(std::move(nv));
    }
    v["has_location_notes"] = !notes.empty();
    v["location_notes"] = std::move(notes);

    const SubsidyCeiling ceiling = subsidy_ceiling(site, index);
    v["subsidy_computed"] = ceiling.computed;
    v["subsidy_text"] = ceiling.text;

    // The county's other projects nearest in id order (neighbour_window).
    ViewList neighbours = rows.neighbours(index);
    const size_t county_others = neighbour_window(site, index).county_others();
    v["has_neighbours"] = !neighbours.empty();
    v["neighbours_more"] = county_others > neighbours.size();
    v["neighbours_total"] = static_cast<int>(county_others);
    v["neighbours"] = std::move(neighbours);

    View cite;
    cite["title"] = p.name;
    cite["permalink"] = model::absolute_url(site, url);
    // The page's facts are as of the newest notice that rates the project (not the site's date, which would make
    // every project page change with every new notice).
    model::AsOf as_of;
    as_of.add_ratings(site, site.ratings_of_project[index]);
    if (as_of.newest() != nullptr) {
        cite["source"] = model::document_label(*as_of.newest());
        cite["date"] = as_of.text();
        v["updated"] = as_of.text();
    }
    v["cite"] = std::move(cite);
    return v;
}

}  // namespace gongshi::render
