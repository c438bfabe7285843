#include "render/page_keys.h"

#include "hash/fingerprint.h"
#include "render/views/corrected_name.h"

namespace gongshi::render {

std::uint64_t site_files_key(const model::Site& site, const Assets& assets) {
    return hash::Fingerprint()
        .add(site.shared_source_hash)
        .add(assets.css_url)
        .add(assets.js_url)
        .add(assets.search_js_url)
        .value();
}

ProjectPageKeys::ProjectPageKeys(const model::Site& site, const Assets& assets) : site_(site) {
    shared_ = site_files_key(site, assets);
    county_groups_.reserve(site.projects_of_county_group.size());
    // A neighbour's link shows its name and, when a notice printed the name otherwise, a marker with that text
    // (render/views/corrected_name.h): that text, not the whole rating lists, so that a notice rating a project
    // does not re-render every page of its county.
    for (const auto& group : site.projects_of_county_group) {
        hash::KeyChain f;
        for (int p : group) {
            f.add(site.projects[p].source_hash);
            const std::string printed = printed_otherwise(site, p);
            f.add(printed.empty() ? std::uint64_t{0} : hash::Fingerprint().add(printed).value());
        }
        county_groups_.push_back(f.value());
    }
}

std::uint64_t ProjectPageKeys::operator()(int index) const {
    const model::Project& p = site_.projects[index];
    hash::KeyChain f;
    f.add(shared_).add(p.source_hash);
    // Its ratings, in the order shown: each rating's list and the notice that gives it.
    const auto& ratings = site_.ratings_of_project[index];
    f.add(static_cast<std::uint64_t>(ratings.size()));
    for (int r : ratings) {
        const model::Rating& rating = site_.ratings[r];
        f.add(rating.source_hash).add(site_.notices[rating.notice].source_hash);
    }
    // Its progress reports and scores, with their notices (none on a site without progress notices).
    for (const model::StageEvent& e : site_.progress_index.of_project[index]) {
        const model::ProgressReport& r = site_.progress[e.report];
        const model::Document* n = site_.notice(r.notice.value);
        f.add(r.source_hash).add(n ? n->source_hash : 0);
    }
    for (const model::ScoreRef& ref : site_.progress_index.scores_of_project[index]) {
        const model::ScoreSheet& sheet = site_.scores[ref.sheet];
        const model::Document* n = site_.notice(sheet.notice.value);
        f.add(sheet.source_hash).add(n ? n->source_hash : 0);
    }
    // The document its facts come from, if it is published.
    const model::Document* facts = p.facts_source ? site_.document(p.facts_source->value) : nullptr;
    f.add(facts ? facts->source_hash : 0);
    // Its neighbours: the county's other projects.
    const int group = site_.county_group_of_project[index];
    f.add(group < 0 ? std::uint64_t{0} : county_groups_[static_cast<size_t>(group)]);
    return f.value();
}

}  // namespace gongshi::render
