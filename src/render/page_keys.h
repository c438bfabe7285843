// Dependency keys: for the pages made from one record (a project's page), a fingerprint of the source files the
// page is made from, computed without building its view. An incremental build compares it with the key the last
// build recorded for the page and, when equal, leaves the page alone without building or fingerprinting its view
// (at 100 000 projects, most of the work of a rebuild after one notice).
//
// A key must cover everything the page's view reads, or a page goes stale. So it is made of whole files, never
// of fields: the site-wide files (site.yaml, cities.yaml, tasks/), the asset URLs, the record's own file, and the
// file of every record the view reads from another (its ratings' lists and notices, its facts' document, its
// county's other projects). One exception: of the neighbours' ratings only the name a notice printed otherwise is
// read (the marker beside a corrected name), so the key holds that text rather than every rating list, which would
// re-render a county's pages with each notice rating one of its projects. A change anywhere in these re-renders the
// page; the view fingerprint then still decides whether its bytes are rewritten. tests/publish/incremental_test.cpp
// and list_keys_test.cpp compare incremental builds after each kind of edit with clean builds.
#pragma once

#include <cstdint>
#include <vector>

#include "model/site.h"
#include "render/views/frame_view.h"

namespace gongshi::render {

// The part of every page's key that is the site's: site.yaml, cities.yaml, tasks/ and the asset URLs.
std::uint64_t site_files_key(const model::Site& site, const Assets& assets);

class ProjectPageKeys {
public:
    ProjectPageKeys(const model::Site& site, const Assets& assets);
    // Of the page of site.projects[index] (render/views/project_view.cpp).
    std::uint64_t operator()(int index) const;

private:
    const model::Site& site_;
    std::uint64_t shared_ = 0;
    std::vector<std::uint64_t> county_groups_;  // of each county group's projects' files, in order
};

}  // namespace gongshi::render
