#include "model/labels.h"

namespace gongshi::model {

const std::string& tier_name(const Site& site, TierIndex tier) { return site.config.tiers[tier.value()].name; }

const std::string& tier_id(const Site& site, TierIndex tier) { return site.config.tiers[tier.value()].id; }

std::string program_name(const Site& site, int year) {
    const Program* p = site.program(year);
    return p ? p->name : "";
}

std::string county_label(const Project& p) {
    return p.county.value.empty() ? "（文件未列明县区）" : p.county.value;
}

std::string document_label(const Document& d) { return d.doc_number.empty() ? d.title : d.doc_number; }

std::string absolute_url(const Site& site, const std::string& url) { return site.config.base_url + url.substr(1); }

}  // namespace gongshi::model
