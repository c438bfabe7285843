#include "render/list_page_keys.h"

#include "hash/fingerprint.h"
#include "render/page_keys.h"
#include "render/pagination.h"

namespace gongshi::render {

namespace in = list_key_input;
using Kind = ListPart::Kind;

ListPageKeys::ListPageKeys(const model::Site& site, const Assets& assets, const ListPartitions& lists,
                           unsigned inputs)
    : site_(site), lists_(lists), inputs_(inputs) {
    shared_ = site_files_key(site, assets);
    project_ratings_.reserve(site.projects.size());
    for (const auto& ratings : site.ratings_of_project) {
        hash::KeyChain k;
        k.add(ratings.size());
        for (int r : ratings) k.add(site.ratings[r].source_hash).add(site.notices[site.ratings[r].notice].source_hash);
        project_ratings_.push_back(k.value());
    }
    part_keys_.reserve(lists.parts().size());
    for (const ListPart& part : lists.parts()) part_keys_.push_back(part_key(part));
}

std::uint64_t ListPageKeys::row_key(const ListPart& part, int row) const {
    hash::KeyChain k;
    const bool rating = part.kind == Kind::ratings || part.kind == Kind::city_ratings;
    const bool document = part.kind == Kind::notices || part.kind == Kind::replies;
    if (document) {
        const auto& docs = part.kind == Kind::notices ? site_.notices : site_.replies;
        if (inputs_ & in::row_records) k.add(docs[static_cast<size_t>(row)].source_hash);
        return k.value();
    }
    const int project = rating ? site_.ratings[row].project : row;
    if (inputs_ & in::row_records) k.add(site_.projects[project].source_hash);
    if (inputs_ & in::row_ratings) k.add(project_ratings_[project]);  // a rating's own list and notice among them
    return k.value();
}

std::uint64_t ListPageKeys::part_key(const ListPart& part) const {
    hash::KeyChain k;
    if (inputs_ & in::part_shape)
        k.add(static_cast<std::uint64_t>(part.kind)).add(hash::Fingerprint().add(part.url).value()).add(part.rows.size());
    if (inputs_ & in::siblings) {
        std::vector<const ListPart*> beside;
        if (part.kind == Kind::ratings || part.kind == Kind::city_ratings) {
            beside = lists_.city_ratings(part.year, *part.tier);
            k.add(lists_.all_ratings_fit());
            if (lists_.all_ratings_fit())
                for (const auto& [key, ratings] : site_.ratings_by_year_tier) k.add(key.first).add(key.second.value()).add(ratings.size());
        }
        if (part.kind == Kind::city_year_projects) beside = lists_.city_years(part.city);
        for (const ListPart* b : beside)
            if (b != &part) k.add(hash::Fingerprint().add(b->url).value()).add(b->rows.size());
    }
    return k.value();
}

std::uint64_t ListPageKeys::operator()(const ListPart& part, int page) const {
    hash::KeyChain k;
    if (inputs_ & in::site_files) k.add(shared_);
    k.add(part_keys_[static_cast<size_t>(&part - lists_.parts().data())]);
    if (inputs_ & in::part_shape) k.add(static_cast<std::uint64_t>(page));
    const PageRows shown = page_rows(part.rows.size(), page);
    for (size_t i = shown.first; i < shown.last; ++i) k.add(row_key(part, part.rows[i]));
    return k.value();
}

}  // namespace gongshi::render
