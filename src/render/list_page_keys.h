// Dependency keys of the pages of the split lists (render/list_partitions.h), as render/page_keys.h makes them for
// project pages: a fingerprint of the source files a page is made from, computed without building its view. A new
// notice then re-renders only the pages of the lists it adds to (all pages of such a list: each says how many rows
// the list has) and the pages showing a project it rates; the other pages of the split lists are left unbuilt.
//
// A page's key covers, each as whole files:
//   site_files   site.yaml, cities.yaml, tasks/ and the asset URLs (the frame, tier and program names)
//   part_shape   which list it is, how many rows it has, which page this is (the pager, "共 N 条")
//   row_records  the file of each record on the page (a project, a document)
//   row_ratings  the rating lists and notices of each project on the page (its tiers, a corrected name, the date
//                the page's data is as of; for a rating's row, its rank and its notice's label among them)
//   siblings     the sizes of the lists linked beside it (a city's other years, a list's parts by city, and the
//                counts beside every year and tier while the site shows them)
// The inputs overlap (a list's size is also the sum of its parts by city), but each catches an edit the others miss.
// tests/publish/list_keys_test.cpp drops each input in turn and finds the edit that then leaves a page stale.
#pragma once

#include <cstdint>
#include <vector>

#include "model/site.h"
#include "render/list_partitions.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

namespace list_key_input {
inline constexpr unsigned site_files = 1u << 0;
inline constexpr unsigned part_shape = 1u << 1;
inline constexpr unsigned row_records = 1u << 2;
inline constexpr unsigned row_ratings = 1u << 3;
inline constexpr unsigned siblings = 1u << 4;
inline constexpr unsigned all = (1u << 5) - 1;
}  // namespace list_key_input

class ListPageKeys {
public:
    // `inputs`: every input in a build; the test leaves one out.
    ListPageKeys(const model::Site& site, const Assets& assets, const ListPartitions& lists,
                 unsigned inputs = list_key_input::all);
    // Of page `page` of `part`.
    std::uint64_t operator()(const ListPart& part, int page) const;

private:
    std::uint64_t row_key(const ListPart& part, int row) const;
    std::uint64_t part_key(const ListPart& part) const;

    const model::Site& site_;
    const ListPartitions& lists_;
    unsigned inputs_;
    std::uint64_t shared_ = 0;
    std::vector<std::uint64_t> project_ratings_;  // of each project: its ratings' lists and notices
    std::vector<std::uint64_t> part_keys_;        // of each part, in ListPartitions::parts() order
};

}  // namespace gongshi::render
