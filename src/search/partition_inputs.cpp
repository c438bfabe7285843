#include "search/partition_inputs.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "hash/fingerprint.h"
#include "search/index_files.h"

namespace gongshi::search {

namespace {

// Changes when what the keys cover changes, so that no key of an older gongshi is taken for one of this.
constexpr std::uint64_t key_version = 3;

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

// A record's filters as two words, losslessly (a city index past 255 — a national edition has ~330 cities —
// must not alias another city in the key).
void add_filters_pieces(std::vector<std::uint64_t>& out, const RecordFilters& f) {
    out.push_back((static_cast<std::uint64_t>(static_cast<std::uint32_t>(f.kind)) << 32) |
                  static_cast<std::uint32_t>(f.city));
    out.push_back((static_cast<std::uint64_t>(f.tiers) << 32) | f.years);
}

}  // namespace

std::vector<PartitionInputs> partition_inputs(const model::Site& site, const Facets& facets) {
    // One pass over the records (a project's fields are read once, a cache miss each at 100 000 projects),
    // grouped by (record kind, year): a partition's id is made once, not once a record. The pieces of both
    // keys are gathered per partition and hashed at once.
    struct Group {
        PartitionInputs part;
        std::vector<std::uint64_t> text;     // kind and source hash of each record
        std::vector<std::uint64_t> filters;  // add_filters_pieces of each record
    };
    std::map<std::pair<bool, int>, Group> groups;
    const std::vector<RecordSource> sources = record_sources(site);
    const std::vector<RecordFilters> filters = record_filters(site, facets);
    for (size_t i = 0; i < sources.size(); ++i) {
        const RecordSource s = sources[i];
        const bool project = s.kind == RecordSource::Kind::project;
        const int year =
            project ? site.projects[s.index].year
                    : (s.kind == RecordSource::Kind::notice ? site.notices : site.replies)[s.index].year;
        auto [it, added] = groups.try_emplace({project, year});
        Group& g = it->second;
        if (added) g.part.id = record_part(site, s);
        g.part.sources.push_back(s);
        g.part.filters.push_back(filters[i]);
        g.text.push_back(static_cast<std::uint64_t>(s.kind));
        g.text.push_back(source_hash(site, s));
        add_filters_pieces(g.filters, g.part.filters.back());
    }
    auto bytes = [](const std::vector<std::uint64_t>& pieces) {
        return std::string_view(reinterpret_cast<const char*>(pieces.data()),
                                pieces.size() * sizeof(pieces[0]));
    };
    std::vector<PartitionInputs> out;
    out.reserve(groups.size());
    for (auto& [group, g] : groups) {
        hash::Fingerprint text;
        text.add(key_version).add(static_cast<std::uint64_t>(format_version)).add(site.shared_source_hash);
        text.add(static_cast<std::uint64_t>(g.part.sources.size())).add(bytes(g.text));
        g.part.text_key = text.value() | 1;  // 0 means "no key" in the build's cache
        hash::Fingerprint filters;
        filters.add(g.part.text_key).add(bytes(g.filters));
        g.part.filter_key = filters.value() | 1;
        out.push_back(std::move(g.part));
    }
    // The manifest's order: by id.
    std::sort(out.begin(), out.end(),
              [](const PartitionInputs& a, const PartitionInputs& b) { return a.id < b.id; });
    return out;
}

}  // namespace gongshi::search
