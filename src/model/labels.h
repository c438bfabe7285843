// What the site calls things: a tier's or program's name, a county as printed, a document's label. Every page uses
// them, so they are the model's knowledge, not any one view's.
#pragma once

#include <string>

#include "model/site.h"

namespace gongshi::model {

const std::string& tier_name(const Site& site, TierIndex tier);
const std::string& tier_id(const Site& site, TierIndex tier);
// The program's name as the plan prints it, or "" for a year the site has no program for.
std::string program_name(const Site& site, int year);
// The county as printed, or a plain statement that the document names none.
std::string county_label(const Project& p);
// "晋民函〔2023〕169号" or, for a document without a number, its title.
std::string document_label(const Document& d);
// The page's full address: the site's base URL and the site-relative URL ("/projects/x/").
std::string absolute_url(const Site& site, const std::string& url);

}  // namespace gongshi::model
