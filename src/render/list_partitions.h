// The site's long lists split by the keys people browse by, each part paginated (render/pagination.h): ratings by
// program year and tier (and, when that list runs to several pages, by city within it), projects by city and
// program year (once /projects/ no longer fits one page), and the documents. Each part's rows are in a stable
// order, so that new records fall at its end: ratings by notice, oldest first, each notice's in printed order;
// projects by id; documents newest first. Made once per build; the views and the dependency keys read it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.h"

namespace gongshi::render {

// One list that is paginated: its URL (page 1) and its rows, in the order shown.
struct ListPart {
    enum class Kind { ratings, city_ratings, city_year_projects, notices, replies };
    Kind kind = Kind::ratings;
    int year = 0;
    std::optional<model::TierIndex> tier;
    int city = -1;  // index into Site::cities (city_ratings, city_year_projects)
    std::string url;
    std::vector<int> rows;  // ratings, projects or documents (indices into the Site's vectors)
    int pages() const;
};

class ListPartitions {
public:
    explicit ListPartitions(const model::Site& site);

    // Every part, in the order its pages are listed.
    const std::vector<ListPart>& parts() const { return parts_; }
    // The ratings of a program year and tier in the stable order: every program year × tier of the site has one,
    // maybe empty (asking for a year the site has no program for is a bug: std::logic_error).
    const ListPart& ratings(int year, model::TierIndex tier) const;
    // The parts of a (year, tier) list by city, in the cities' order (none unless that list has several pages).
    std::vector<const ListPart*> city_ratings(int year, model::TierIndex tier) const;
    // The parts of a city's projects by program year, in year order (none while /projects/ fits one page).
    std::vector<const ListPart*> city_years(int city) const;
    const ListPart* city_year(int city, int year) const;  // nullptr if there is no such part

    // Whether a list shows its rows in one page, or only links to its parts (those that would not fit):
    bool all_ratings_fit() const { return all_ratings_fit_; }  // /ratings/, and the counts beside every filter link
    bool year_ratings_fit(int year) const;                     // /ratings/<year>/
    bool all_projects_fit() const { return all_projects_fit_; }  // /projects/ (else split by city and year)
    bool city_projects_fit(int city) const;                     // a city's page

private:
    const model::Site& site_;
    std::vector<ListPart> parts_;
    bool all_ratings_fit_ = true;
    bool all_projects_fit_ = true;
};

}  // namespace gongshi::render
