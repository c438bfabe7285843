// References: every id a record names resolves to a record of the right kind (and a published one).
#include <algorithm>

#include "validate/record_lookup.h"
#include "validate/suggest.h"

namespace gongshi::validate {

namespace {

struct RefChecker {
    const RecordLookup& lookup;
    bool include_drafts;
    diag::Diagnostics& diags;

    const model::City* city(const model::Located& ref, const char* who) {
        if (ref.value.empty() || lookup.cities_unreadable) return nullptr;
        auto it = lookup.cities.find(ref.value);
        if (it == lookup.cities.end()) {
            diags.error(ref.pos, std::string(who) + " names unknown city '" + ref.value + "'",
                        city_id_hint(ref.value, lookup.city_list));
            return nullptr;
        }
        return it->second;
    }

    // A draft may name a draft: a new notice and its ratings file are drafted together.
    void notice(const model::Located& ref, const char* who, bool referrer_is_draft = false) {
        if (ref.value.empty() || lookup.unreadable.count(ref.value)) return;
        auto it = lookup.notices.find(ref.value);
        if (it == lookup.notices.end()) {
            diags.error(ref.pos, std::string(who) + " names unknown notice '" + ref.value + "'",
                        "add content/notices/" + ref.value + ".md or correct the id");
        } else if (it->second->draft && !include_drafts && !referrer_is_draft) {
            diags.error(ref.pos, std::string(who) + " names notice '" + ref.value + "', which is a draft",
                        "publish the notice (remove 'draft: true') or build with --drafts");
        }
    }

    void document(const model::Located& ref, const char* who, bool referrer_is_draft = false) {
        if (ref.value.empty() || lookup.unreadable.count(ref.value)) return;
        if (!lookup.is_document(ref.value)) {
            diags.error(ref.pos, std::string(who) + " names unknown document '" + ref.value + "'",
                        "use the id of a notice or reply in content/notices or content/replies");
            return;
        }
        auto it = lookup.notices.count(ref.value) ? lookup.notices.find(ref.value) : lookup.replies.find(ref.value);
        if (it->second->draft && !include_drafts && !referrer_is_draft)
            diags.error(ref.pos, std::string(who) + " names document '" + ref.value + "', which is a draft",
                        "publish the document (remove 'draft: true') or build with --drafts");
    }

    void project_location(const model::Project& p) {
        const model::City* c = city(p.city, "project");
        if (c != nullptr && !p.county.value.empty() && !city_has_county(*c, p.county.value))
            diags.error(p.county.pos, "county '" + p.county.value + "' is not a county of " + c->name,
                        county_hint(p.county.value, *c));
        if (p.year != 0 && !lookup.years.count(p.year))
            diags.error(p.year_pos, "program year " + std::to_string(p.year) + " is not in site.yaml",
                        "use a year listed under 'programs' in site.yaml");
        if (p.facts_source) document(*p.facts_source, "project facts_source", p.draft);
    }

    // A near-miss id, or a project whose name is close to the printed one; else how to add the project.
    std::string unknown_project_hint(const model::RatingEntry& e) const {
        std::vector<std::string> ids, names;  // in step: names[i] is the name of ids[i]
        for (const auto& [id, p] : lookup.projects) {
            ids.push_back(id);
            names.push_back(p->name);
        }
        if (const auto near = nearest(e.project.value, ids, 3))
            return "did you mean '" + *near + "' (" + lookup.projects.at(*near)->name + ")?";
        if (const auto near = nearest(e.printed, names, 3)) {
            const std::string& id = ids[std::find(names.begin(), names.end(), *near) - names.begin()];
            return "the printed name resembles project '" + id + "' (" + *near + ") — did you mean that id?";
        }
        return "add content/projects/<city>/" + e.project.value + ".yaml (gongshi new project) or correct the id";
    }

    void rating_entry(const model::RatingEntry& e, bool list_is_draft) {
        const std::string& id = e.project.value;
        if (id.empty() || lookup.unreadable.count(id)) return;
        auto it = lookup.projects.find(id);
        if (it == lookup.projects.end()) {
            auto alias = lookup.project_aliases.find(id);
            if (alias != lookup.project_aliases.end())
                diags.error(e.project.pos, "project '" + id + "' is an old id (alias) of '" + alias->second->id.value + "'",
                            "write the current id '" + alias->second->id.value + "'");
            else
                diags.error(e.project.pos, "rating names unknown project '" + id + "'", unknown_project_hint(e));
            return;
        }
        if (it->second->draft && !list_is_draft && !include_drafts)
            diags.error(e.project.pos, "rating names project '" + id + "', which is a draft",
                        "publish the project (remove 'draft: true') or build with --drafts");
    }
};

}  // namespace

void check_references(const model::Records& r, const RecordLookup& lookup, bool include_drafts,
                      diag::Diagnostics& diags) {
    RefChecker check{lookup, include_drafts, diags};
    if (r.site) {
        for (const auto& p : r.site->programs) {
            if (p.plan_notice) check.notice(*p.plan_notice, "program plan_notice");
            if (p.subsidy) check.notice(p.subsidy->source, "subsidy rule source");
        }
    }
    for (const auto& c : r.cities)
        for (const auto& f : c.facts) check.document(f.source, "city fact");
    for (const auto& p : r.projects) check.project_location(p);
    for (const auto& list : r.ratings) {
        check.notice(list.notice, "ratings file", list.draft);
        for (const auto& g : list.groups) {
            if (g.year != 0 && !lookup.years.count(g.year))
                diags.error(g.year_pos, "program year " + std::to_string(g.year) + " is not in site.yaml",
                            "use a year listed under 'programs' in site.yaml");
            if (!g.tier.value.empty() && !lookup.tiers.count(g.tier.value))
                diags.error(g.tier.pos, "unknown tier '" + g.tier.value + "'",
                            "use a tier id from site.yaml: excellent, good or qualified");
            for (const auto& e : g.entries) check.rating_entry(e, list.draft);
        }
    }
    for (const auto& t : r.tasks) {
        check.notice(t.source, "task table", t.draft);
        for (const auto& row : t.rows) check.city(row.city, "task row");
    }
    for (const auto& d : r.replies)
        if (d.city) check.city(*d.city, "reply");
}

}  // namespace gongshi::validate
