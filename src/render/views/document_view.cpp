#include <map>

#include "model/permalinks.h"
#include "render/markdown.h"
#include "render/views/editorial_notes_view.h"
#include "render/views/record_views.h"
#include "render/views/search_facets.h"

namespace gongshi::render {

namespace {

View meta(const std::string& label, const std::string& value) {
    View m;
    m["label"] = label;
    m["value"] = value;
    return m;
}

// A field the document does not print: said so, never filled in.
constexpr const char* not_printed = "未载明";

// The date under the name of what it is (成文日期, or 印发日期 for a date printed "…印发"), or 未载明; a year that
// was not printed as part of a date is marked as inferred, with what it was inferred from.
void add_date_fields(ViewList& m, const model::Document& d) {
    m.push_back(meta(d.date_kind, d.date.empty() ? not_printed : d.date));
    if (!d.date.empty()) return;
    const std::string year = std::to_string(d.year) + "年";
    // With no date printed the year is always inferred; the record says from what (year_basis) where it can.
    m.push_back(meta("年份", year + (d.year_basis.empty() ? "（推断）" : "（推断：" + d.year_basis + "）")));
}

std::string disclosure_label(const model::Document& d) {
    return d.disclosure == "未注明" ? not_printed : d.disclosure;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

// The ratings a notice issued, grouped by program year and tier in printed order.
ViewList rating_groups(const model::Site& site, int notice) {
    ViewList groups;
    std::map<std::pair<int, model::TierIndex>, size_t> at;
    for (int r : site.ratings_of_notice[notice]) {
        const model::Rating& rating = site.ratings[r];
        auto key = std::make_pair(rating.year, rating.tier);
        auto it = at.find(key);
        if (it == at.end()) {
            View g;
            g["year"] = rating.year;
            g["program_name"] = model::program_name(site, rating.year);
            g["tier_name"] = model::tier_name(site, rating.tier);
            g["heading"] = site.rating_headings[static_cast<size_t>(rating.heading)];
            g["entries"] = ViewList{};
            it = at.emplace(key, groups.size()).first;
            groups.push_back(std::move(g));
        }
        const model::Project& p = site.projects[rating.project];
        View e;
        e["rank"] = rating.rank;
        e["printed"] = rating.printed;
        e["url"] = model::project_url(p.id.value);
        e["correction"] = rating.correction;
        e["has_correction"] = !rating.correction.empty();
        std::get<ViewList>(groups[it->second]["entries"].value).push_back(std::move(e));
    }
    for (auto& g : groups) g["count"] = static_cast<int>(std::get<ViewList>(g["entries"].value).size());
    return groups;
}

View document_common(const model::Site& site, const Assets& assets, const model::Document& d, const std::string& url,
                     const Crumb& section) {
    View v = frame_view(site, assets, d.title, url, {section, {model::document_label(d), url}});
    v["updated"] = model::AsOf().add(d).text();
    v["title"] = d.title;
    v["doc_number"] = d.doc_number;
    v["has_doc_number"] = !d.doc_number.empty();
    v["summary"] = d.summary;
    const BodyParts parts = split_at_ratings_marker(d.body_markdown);
    v["body_before"] = markdown_to_html(parts.before);
    v["body_after"] = markdown_to_html(parts.after);
    View cite;
    cite["title"] = d.title;
    cite["source"] = model::document_label(d);
    cite["permalink"] = model::absolute_url(site, url);
    cite["date"] = d.date.empty() ? std::to_string(d.year) + "年（日期未载明）" : d.date;
    v["cite"] = std::move(cite);
    ViewList notes = editorial_note_views(site, d);
    v["has_notes"] = !notes.empty();
    v["notes"] = std::move(notes);
    return v;
}

}  // namespace

View notice_view(const model::Site& site, const Assets& assets, int index) {
    const model::Document& d = site.notices[index];
    const std::string url = model::notice_url(d.id.value);
    View v = document_common(site, assets, d, url, {"公文", "/notices/"});
    ViewList m;
    if (!d.doc_number.empty()) m.push_back(meta("文号", d.doc_number));
    m.push_back(meta("发布机关", d.issuer));
    if (!d.author.empty()) m.push_back(meta("作者", d.author));
    add_date_fields(m, d);
    m.push_back(meta("公开方式", disclosure_label(d)));
    m.push_back(meta("文种", d.kind));
    if (!d.addressees.empty()) m.push_back(meta("主送", join(d.addressees, "、")));
    v["meta"] = std::move(m);
    ViewList groups = rating_groups(site, index);
    v["has_ratings"] = !groups.empty();
    v["rating_groups"] = std::move(groups);
    add_search_filter(v, filter_kind, notice_kind(d));
    add_rating_filters(v, site, site.ratings_of_notice[index]);
    return v;
}

View reply_view(const model::Site& site, const Assets& assets, int index) {
    const model::Document& d = site.replies[index];
    const std::string url = model::reply_url(d.id.value);
    View v = document_common(site, assets, d, url, {"答复", "/replies/"});
    ViewList m;
    m.push_back(meta("文号", d.doc_number));
    m.push_back(meta("发布机关", d.issuer));
    add_date_fields(m, d);
    m.push_back(meta("公开方式", disclosure_label(d)));
    m.push_back(meta("类别", d.category.empty() ? not_printed : d.category));
    m.push_back(meta("主送", d.addressee));
    if (d.motion) {
        m.push_back(meta("答复事项", d.motion->kind + "第" + d.motion->number + "号" +
                                          (d.motion->session.empty() ? "" : "（" + d.motion->session + "）")));
        m.push_back(meta("题目", "《" + d.motion->title + "》"));
        m.push_back(meta("提出人", d.motion->proposer));
    }
    v["meta"] = std::move(m);
    ViewList sigs;
    for (const auto& s : d.signatories) sigs.push_back(meta(s.role, s.name));
    v["has_signatories"] = !sigs.empty();
    v["signatories"] = std::move(sigs);
    v["contact"] = d.contact;
    v["has_ratings"] = false;
    if (d.city) {
        const model::City& city = site.cities[site.city_index.at(d.city->value)];
        v["city_name"] = city.name;
        v["city_url"] = model::city_url(city.id);
        add_search_filter(v, filter_city, city.name);
    }
    add_search_filter(v, filter_kind, kind_reply);
    return v;
}

}  // namespace gongshi::render
