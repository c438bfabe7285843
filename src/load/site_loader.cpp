// site.yaml and cities.yaml: the configuration and the administrative divisions.
#include "load/field_reader.h"
#include "load/record_loaders.h"

namespace gongshi::load {

using Kind = YamlNode::Kind;

std::optional<model::SiteConfig> load_site(const YamlNode& root, diag::Diagnostics& diags) {
    FieldReader r(root, "site.yaml", diags);
    if (!r.is_mapping()) return std::nullopt;
    model::SiteConfig s;
    s.pos = root.pos;
    s.title = r.text("title", true).value_or("");
    s.base_url = r.text("base_url", true).value_or("");
    const bool absolute = s.base_url.rfind("https://", 0) == 0 || s.base_url.rfind("http://", 0) == 0;
    if (!s.base_url.empty() && (!absolute || s.base_url.back() != '/'))
        diags.error(r.pos_of("base_url"), "base_url must be an absolute http(s) URL ending in '/'",
                    "write it like https://example.org/");
    s.language = r.text("language", true).value_or("");
    s.description = r.text("description", true).value_or("");
    if (const YamlNode* tiers = r.child("tiers", true, Kind::sequence)) {
        for (const YamlNode& t : tiers->items) {
            FieldReader tr(t, "tier", diags);
            model::Tier tier{tr.id("id", true).value_or(""), tr.text("name", true).value_or("")};
            tr.reject_unknown();
            s.tiers.push_back(std::move(tier));
        }
    }
    if (const YamlNode* programs = r.child("programs", true, Kind::sequence)) {
        for (const YamlNode& p : programs->items) {
            FieldReader pr(p, "program", diags);
            model::Program prog;
            prog.pos = p.pos;
            prog.year = pr.integer("year", true, 2000, 2100).value_or(0);
            prog.name = pr.text("name", true).value_or("");
            prog.plan_notice = pr.located_text("plan_notice", false);
            if (const YamlNode* sub = pr.child("subsidy", false, Kind::mapping)) {
                FieldReader sr(*sub, "subsidy rule", diags);
                model::SubsidyRule rule;
                rule.rate_yuan_per_m2 = sr.integer("rate_yuan_per_m2", true, 1).value_or(0);
                rule.cap_m2_district = sr.integer("cap_m2_district", true, 1).value_or(0);
                rule.cap_m2_other = sr.integer("cap_m2_other", true, 1).value_or(0);
                rule.source = sr.located_text("source", true).value_or(model::Located{});
                sr.reject_unknown();
                prog.subsidy = rule;
            }
            pr.reject_unknown();
            s.programs.push_back(std::move(prog));
        }
    }
    r.reject_unknown();
    return s;
}

namespace {

bool six_digits(const std::string& s) {
    return s.size() == 6 && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string read_code(FieldReader& r, diag::Diagnostics& diags) {
    auto code = r.text("code", true).value_or("");
    if (!code.empty() && !six_digits(code))
        diags.error(r.pos_of("code"), "code '" + code + "' is not a 6-digit GB/T 2260 code",
                    "write the code in quotes, e.g. \"140105\"");
    return code;
}

}  // namespace

void load_cities(const YamlNode& root, model::Records& out, diag::Diagnostics& diags) {
    FieldReader r(root, "cities.yaml", diags);
    if (!r.is_mapping()) return;
    out.cities_pos = root.pos;
    out.cities_source = r.text("source", true).value_or("");
    const YamlNode* cities = r.child("cities", true, Kind::sequence);
    r.reject_unknown();
    if (cities == nullptr) return;
    for (const YamlNode& c : cities->items) {
        FieldReader cr(c, "city", diags);
        if (!cr.is_mapping()) continue;
        model::City city;
        city.pos = c.pos;
        city.id = cr.id("id", true).value_or("");
        city.name = cr.text("name", true).value_or("");
        city.code = read_code(cr, diags);
        if (const YamlNode* counties = cr.child("counties", true, Kind::sequence)) {
            for (const YamlNode& k : counties->items) {
                FieldReader kr(k, "county", diags);
                model::County county;
                county.pos = k.pos;
                county.id = kr.id("id", true).value_or("");
                county.name = kr.text("name", true).value_or("");
                county.code = read_code(kr, diags);
                county.kind = kr.one_of("kind", true, {"市辖区", "县", "县级市"}).value_or("");
                kr.reject_unknown();
                city.counties.push_back(std::move(county));
            }
        }
        if (const YamlNode* zones = cr.child("zones", false, Kind::sequence)) {
            for (const YamlNode& z : zones->items) {
                FieldReader zr(z, "development zone", diags);
                model::Zone zone;
                zone.pos = z.pos;
                zone.id = zr.id("id", true).value_or("");
                zone.name = zr.text("name", true).value_or("");
                zone.full_name = zr.text("full_name", false).value_or("");
                zone.county = zr.text("county", false).value_or("");
                zone.note = zr.text("note", true).value_or("");
                zr.reject_unknown();
                city.zones.push_back(std::move(zone));
            }
        }
        if (const YamlNode* facts = cr.child("facts", false, Kind::sequence)) {
            for (const YamlNode& f : facts->items) {
                FieldReader fr(f, "city fact", diags);
                model::CityFact fact;
                fact.label = fr.text("label", true).value_or("");
                fact.value = fr.text("value", true).value_or("");
                fact.unit = fr.text("unit", true).value_or("");
                fact.year = fr.integer("year", true, 2000, 2100).value_or(0);
                fact.source = fr.located_text("source", true).value_or(model::Located{});
                fact.quote = fr.text("quote", false).value_or("");
                fr.reject_unknown();
                city.facts.push_back(std::move(fact));
            }
        }
        cr.reject_unknown();
        out.cities.push_back(std::move(city));
    }
}

}  // namespace gongshi::load
