#include "search/partition_inputs.h"

#include <algorithm>
#include <map>

#include "hash/fingerprint.h"
#include "search/index_files.h"

namespace gongshi::search {

namespace {

// Changes when what the keys cover changes, so that no key of an older gongshi is taken for one of this.
constexpr std::uint64_t key_version = 2;

std::uint64_t source_hash(const model::Site& site, RecordSource s) {
    switch (s.kind) {
        case RecordSource::Kind::project:
            return site.projects[s.index].source_hash;
        case RecordSource::Kind::notice:
            return site.notices[s.index].source_hash;
        case RecordSource::Kind::reply:
            return site.replies[s.index].source_hash;
    }
    return 0;
}

std::uint64_t filters_piece(const RecordFilters& f) {
    return (static_cast<std::uint64_t>(static_cast<std::uint8_t>(f.kind)) << 56) |
           (static_cast<std::uint64_t>(static_cast<std::uint8_t>(f.city + 1)) << 48) |
           (static_cast<std::uint64_t>(f.tiers & 0xFFFF) << 32) | f.years;
}

}  // namespace

std::vector<PartitionInputs> partition_inputs(const model::Site& site, const Facets& facets) {
    // Grouped by (record kind, year) first: a partition's id is made once, not once a record.
    std::map<std::pair<bool, int>, PartitionInputs> groups;
    for (const RecordSource s : record_sources(site)) {
        const bool project = s.kind == RecordSource::Kind::project;
        const int year =
            project ? site.projects[s.index].year
                    : (s.kind == RecordSource::Kind::notice ? site.notices : site.replies)[s.index].year;
        auto [it, added] = groups.try_emplace({project, year});
        if (added) it->second.id = record_part(site, s);
        it->second.sources.push_back(s);
    }
    std::vector<PartitionInputs> out;
    out.reserve(groups.size());
    for (auto& [group, p] : groups) {
        hash::KeyChain text;
        text.add(key_version).add(static_cast<std::uint64_t>(format_version)).add(site.shared_source_hash);
        text.add(static_cast<std::uint64_t>(p.sources.size()));
        for (const RecordSource s : p.sources)
            text.add(static_cast<std::uint64_t>(s.kind)).add(source_hash(site, s));
        p.text_key = text.value() | 1;  // 0 means "no key" in the build's cache
        hash::KeyChain filters;
        filters.add(p.text_key);
        for (const RecordSource s : p.sources) filters.add(filters_piece(record_filters(site, facets, s)));
        p.filter_key = filters.value() | 1;
        out.push_back(std::move(p));
    }
    // The manifest's order: by id.
    std::sort(out.begin(), out.end(),
              [](const PartitionInputs& a, const PartitionInputs& b) { return a.id < b.id; });
    return out;
}

}  // namespace gongshi::search
