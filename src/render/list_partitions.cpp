#include "render/list_partitions.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "model/labels.h"
#include "model/permalinks.h"
#include "render/pagination.h"

namespace gongshi::render {

int ListPart::pages() const { return page_count(rows.size()); }

namespace {

// A (year, tier) list's ratings, oldest notice first (Site::notices is newest first), each notice's in printed
// order: a new notice's ratings land at the end and leave the rows of the pages before them where they were.
std::vector<int> ratings_in_stable_order(const model::Site& site, int year, model::TierIndex tier) {
    auto it = site.ratings_by_year_tier.find({year, tier});
    if (it == site.ratings_by_year_tier.end()) return {};
    std::vector<int> rows = it->second;
    std::stable_sort(rows.begin(), rows.end(),
                     [&](int a, int b) { return site.ratings[a].notice > site.ratings[b].notice; });
    return rows;
}

}  // namespace

ListPartitions::ListPartitions(const model::Site& site) : site_(site) {
    using Kind = ListPart::Kind;
    std::size_t all_ratings = 0;
    for (const auto& program : site.config.programs)
        for (const model::TierIndex tier : site.tier_order()) {
            ListPart part{Kind::ratings, program.year, tier, -1,
                          model::ratings_url(program.year, model::tier_id(site, tier)),
                          ratings_in_stable_order(site, program.year, tier)};
            all_ratings += part.rows.size();
            // A list of several pages is also split by city: year × tier × city, the filter's finest choice.
            std::vector<ListPart> by_city;
            if (part.pages() > 1)
                for (std::size_t c = 0; c < site.cities.size(); ++c) {
                    ListPart city{Kind::city_ratings, program.year, tier, static_cast<int>(c),
                                  part.url + site.cities[c].id + "/", {}};
                    for (int r : part.rows)
                        if (site.city_of_project[site.ratings[r].project] == static_cast<int>(c)) city.rows.push_back(r);
                    if (!city.rows.empty()) by_city.push_back(std::move(city));
                }
            parts_.push_back(std::move(part));
            for (auto& city : by_city) parts_.push_back(std::move(city));
        }
    all_ratings_fit_ = all_ratings <= page_size;
    all_projects_fit_ = site.projects.size() <= page_size;
    if (!all_projects_fit_)
        for (std::size_t c = 0; c < site.cities.size(); ++c) {
            std::map<int, std::vector<int>> by_year;  // a city's projects are by id: so is each year's part
            for (int p : site.projects_of_city[c]) by_year[site.projects[p].year].push_back(p);
            for (auto& [year, rows] : by_year)
                parts_.push_back({Kind::city_year_projects, year, std::nullopt, static_cast<int>(c),
                                  model::city_url(site.cities[c].id) + std::to_string(year) + "/", std::move(rows)});
        }
    ListPart notices{Kind::notices, 0, std::nullopt, -1, "/notices/", {}};
    for (std::size_t i = 0; i < site.notices.size(); ++i) notices.rows.push_back(static_cast<int>(i));
    parts_.push_back(std::move(notices));
    ListPart replies{Kind::replies, 0, std::nullopt, -1, "/replies/", {}};
    for (std::size_t i = 0; i < site.replies.size(); ++i) replies.rows.push_back(static_cast<int>(i));
    parts_.push_back(std::move(replies));
}

const ListPart& ListPartitions::ratings(int year, model::TierIndex tier) const {
    for (const ListPart& p : parts_)
        if (p.kind == ListPart::Kind::ratings && p.year == year && p.tier == tier) return p;
    // Every program year × tier has its list: asking for another is a bug in the caller.
    throw std::logic_error("no ratings list for " + std::to_string(year) + " and tier " + std::to_string(tier.value()));
}

std::vector<const ListPart*> ListPartitions::city_ratings(int year, model::TierIndex tier) const {
    std::vector<const ListPart*> out;
    for (const ListPart& p : parts_)
        if (p.kind == ListPart::Kind::city_ratings && p.year == year && p.tier == tier) out.push_back(&p);
    return out;
}

std::vector<const ListPart*> ListPartitions::city_years(int city) const {
    std::vector<const ListPart*> out;
    for (const ListPart& p : parts_)
        if (p.kind == ListPart::Kind::city_year_projects && p.city == city) out.push_back(&p);
    return out;
}

const ListPart* ListPartitions::city_year(int city, int year) const {
    for (const ListPart& p : parts_)
        if (p.kind == ListPart::Kind::city_year_projects && p.city == city && p.year == year) return &p;
    return nullptr;
}

bool ListPartitions::year_ratings_fit(int year) const {
    std::size_t n = 0;
    for (const ListPart& p : parts_)
        if (p.kind == ListPart::Kind::ratings && p.year == year) n += p.rows.size();
    return n <= page_size;
}

bool ListPartitions::city_projects_fit(int city) const {
    return site_.projects_of_city[static_cast<std::size_t>(city)].size() <= page_size;
}

}  // namespace gongshi::render
