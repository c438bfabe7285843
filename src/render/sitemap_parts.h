// The sitemap: one file (/sitemap.xml) while the site has at most 50 000 URLs, the sitemap protocol's limit per
// file; beyond, /sitemap.xml is an index of parts under /sitemaps/: each project's URL in the part of its city and
// program year, every other URL in pages.xml. No part grows with the whole dataset, and a new notice rewrites the
// small part of the pages, not a list of every project.
#pragma once

#include <string>
#include <vector>

#include "model/site.h"
#include "render/page_list.h"

namespace gongshi::render {

inline constexpr std::size_t sitemap_max_urls = 50000;

struct SitemapPart {
    std::string path;               // "sitemaps/projects-taiyuan-2023.xml"
    std::vector<std::string> urls;  // the pages part: site-relative, sorted
    // A projects part: its projects (indices into Site::projects) in the order of their URLs. Their URLs are made
    // when the part is written, not held through the build: at 1 000 000 projects they were ~90 MB.
    std::vector<int> projects;
};

// `urls`: every page of the sitemap but the projects' own (site-relative, sorted). Nothing while those and the
// projects' pages fit one sitemap; else the parts, in path order.
std::vector<SitemapPart> sitemap_parts(const model::Site& site, const std::vector<std::string>& urls);

// The URLs of a part, sorted.
std::vector<std::string> urls_of(const model::Site& site, const SitemapPart& part);

// The jobs of the sitemap: sitemap.xml alone, or the index and its parts. `urls` as for sitemap_parts.
void add_sitemap(std::vector<PageJob>& jobs, const model::Site& site, std::vector<std::string> urls);

}  // namespace gongshi::render
