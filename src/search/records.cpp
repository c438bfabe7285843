#include "search/records.h"

#include <algorithm>
#include <string_view>

#include "model/permalinks.h"

namespace gongshi::search {

namespace {

int index_of(const std::vector<std::string>& list, const std::string& value) {
    const auto it = std::find(list.begin(), list.end(), value);
    return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

unsigned year_bit(const Facets& f, int year) {
    const auto it = std::find(f.years.begin(), f.years.end(), year);
    const auto i = it - f.years.begin();
    return it == f.years.end() || i >= 32 ? 0u : 1u << i;
}

std::string notice_kind(const model::Document& d) { return d.kind.empty() ? "公文" : d.kind; }

const model::Document& document_of(const model::Site& site, RecordSource source) {
    return source.kind == RecordSource::Kind::reply ? site.replies[source.index] : site.notices[source.index];
}

// Appends the sort key inside a partition (SearchRecord::order) to `out`.
void append_record_order(std::string& out, const model::Site& site, RecordSource source) {
    if (source.kind != RecordSource::Kind::project) {
        out += document_of(site, source).id.value;
        return;
    }
    const model::Project& p = site.projects[source.index];
    const int city = site.city_of_project[source.index];
    out += city >= 0 ? std::string_view(site.cities[city].code) : std::string_view("999999");
    out += '\x1f';
    out += p.county.value;
    out += '\x1f';
    out += p.id.value;
}

void add_project_text(SearchRecord& r, const model::Project& p, const model::City* c) {
    r.url = model::project_url(p.id.value);
    r.title = p.name;
    r.names.push_back(p.name);
    for (const auto& a : p.aliases) r.names.push_back(a.value);
    r.place = {c ? c->name : p.city.value, p.county.value, p.town, p.community, p.address};
}

void add_document_text(SearchRecord& r, const model::Document& d) {
    r.url = model::document_url(d);
    r.title = d.title;
    r.names.push_back(d.title);
    r.number = d.doc_number;
    r.body = d.issuer;
    for (const std::string& part : {d.summary, plain_text(d.body_markdown)})
        if (!part.empty()) r.body += (r.body.empty() ? "" : " ") + part;
}

}  // namespace

Facets search_facets(const model::Site& site) {
    Facets f;
    for (const auto& p : site.config.programs) f.years.push_back(p.year);
    for (const auto& r : site.ratings) f.years.push_back(r.year);
    for (const auto& d : site.notices) f.years.push_back(d.year);
    for (const auto& d : site.replies) f.years.push_back(d.year);
    std::erase(f.years, 0);
    std::sort(f.years.begin(), f.years.end());
    f.years.erase(std::unique(f.years.begin(), f.years.end()), f.years.end());
    for (const auto& t : site.config.tiers) f.tiers.push_back(t.name);
    for (const auto& c : site.cities) f.cities.push_back(c.name);
    f.kinds.push_back("项目");
    for (const auto& n : site.notices)
        if (index_of(f.kinds, notice_kind(n)) < 0) f.kinds.push_back(notice_kind(n));
    if (index_of(f.kinds, "答复") < 0) f.kinds.push_back("答复");
    return f;
}

std::string plain_text(const std::string& markdown) {
    std::string out;
    out.reserve(markdown.size());
    for (size_t i = 0; i < markdown.size(); ++i) {
        const char c = markdown[i];
        const bool line_start = i == 0 || markdown[i - 1] == '\n';
        if (line_start) {
            size_t j = i;
            while (j < markdown.size() && (markdown[j] == '#' || markdown[j] == '>' || markdown[j] == ' '))
                ++j;
            if (j > i) {
                i = j - 1;
                continue;
            }
        }
        if (c == '*' || c == '_' || c == '`' || c == '|') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if (c == ']' && i + 1 < markdown.size() && markdown[i + 1] == '(') {  // [text](target): keep the text
            const size_t close = markdown.find(')', i);
            if (close != std::string::npos) {
                i = close;
                continue;
            }
        }
        if (c == '[') continue;
        if (c == '\n' || c == '\r' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<RecordSource> record_sources(const model::Site& site) {
    std::vector<RecordSource> out;
    out.reserve(site.projects.size() + site.notices.size() + site.replies.size());
    for (size_t i = 0; i < site.projects.size(); ++i)
        out.push_back({RecordSource::Kind::project, static_cast<int>(i)});
    for (size_t i = 0; i < site.notices.size(); ++i)
        out.push_back({RecordSource::Kind::notice, static_cast<int>(i)});
    for (size_t i = 0; i < site.replies.size(); ++i)
        out.push_back({RecordSource::Kind::reply, static_cast<int>(i)});
    return out;
}

std::string record_part(const model::Site& site, RecordSource source) {
    if (source.kind == RecordSource::Kind::project)
        return "p" + std::to_string(site.projects[source.index].year);
    return "d" + std::to_string(document_of(site, source).year);
}

bool part_holds_projects(std::string_view part) { return part.starts_with('p'); }

std::vector<RecordFilters> record_filters(const model::Site& site, const Facets& facets) {
    std::vector<RecordFilters> out;
    out.reserve(site.projects.size() + site.notices.size() + site.replies.size());
    for (size_t i = 0; i < site.projects.size(); ++i) {
        RecordFilters f;
        const int city = site.city_of_project[i];
        f.kind = 0;
        f.city = city >= 0 ? index_of(facets.cities, site.cities[city].name) : -1;
        f.years = year_bit(facets, site.projects[i].year);
        out.push_back(f);
    }
    for (const auto* documents : {&site.notices, &site.replies})
        for (const model::Document& d : *documents) {
            RecordFilters f;
            const bool reply = d.type == model::Document::Type::reply;
            f.kind = index_of(facets.kinds, reply ? "答复" : notice_kind(d));
            f.years = year_bit(facets, d.year);  // its own year; a notice adds the years it rated (below)
            if (reply && d.city) {
                const auto it = site.city_index.find(d.city->value);
                if (it != site.city_index.end())
                    f.city = index_of(facets.cities, site.cities[it->second].name);
            }
            out.push_back(f);
        }
    // The tiers and years of each project's and notice's ratings, in one pass over the ratings in their order
    // (reached through each record's list of them, every rating was a cache miss at 100 000 projects).
    const int first_notice = static_cast<int>(site.projects.size());
    for (const model::Rating& rating : site.ratings) {
        const unsigned tier = rating.tier.value() < 32 ? 1u << rating.tier.value() : 0u;
        const unsigned year = year_bit(facets, rating.year);
        for (const int i : {rating.project, rating.notice < 0 ? -1 : first_notice + rating.notice})
            if (i >= 0) {
                out[i].tiers |= tier;
                out[i].years |= year;
            }
    }
    return out;
}

std::vector<SearchRecord> make_records(const model::Site& site, const std::vector<RecordSource>& sources,
                                       const std::vector<RecordFilters>& filters) {
    std::vector<SearchRecord> out;
    out.reserve(sources.size());
    for (size_t i = 0; i < sources.size(); ++i) {
        const RecordSource source = sources[i];
        SearchRecord r;
        r.part = record_part(site, source);
        append_record_order(r.order, site, source);
        r.filters = filters[i];
        if (source.kind == RecordSource::Kind::project) {
            const int city = site.city_of_project[source.index];
            add_project_text(r, site.projects[source.index], city >= 0 ? &site.cities[city] : nullptr);
        } else {
            add_document_text(r, document_of(site, source));
        }
        out.push_back(std::move(r));
    }
    // Stable: a notice and a reply of the same id keep the model's order (notices first) in every build.
    std::stable_sort(out.begin(), out.end(), [](const SearchRecord& a, const SearchRecord& b) {
        return a.part != b.part ? a.part < b.part : a.order < b.order;
    });
    return out;
}

std::vector<RecordFilters> ordered_filters(const model::Site& site, const std::vector<RecordSource>& sources,
                                           const std::vector<RecordFilters>& filters) {
    // Every sort key in one buffer (a project partition holds tens of thousands), compared as make_records
    // compares them (std::string and std::string_view order alike).
    std::string keys;
    std::vector<size_t> ends;
    ends.reserve(sources.size());
    for (const RecordSource source : sources) {
        append_record_order(keys, site, source);
        ends.push_back(keys.size());
    }
    auto key = [&](size_t i) {
        const size_t begin = i ? ends[i - 1] : 0;
        return std::string_view(keys).substr(begin, ends[i] - begin);
    };
    std::vector<size_t> order(sources.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    // Ties in the sources' order, as make_records' stable sort.
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
    std::vector<RecordFilters> out;
    out.reserve(sources.size());
    for (const size_t i : order) out.push_back(filters[i]);
    return out;
}

}  // namespace gongshi::search
