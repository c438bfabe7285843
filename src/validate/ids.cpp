// Ids: unique per record type; aliases never collide with an id or another alias.
#include <map>

#include "load/field_reader.h"
#include "validate/record_lookup.h"

namespace gongshi::validate {

namespace {

struct IdTable {
    IdTable(std::string type_name, diag::Diagnostics& d) : type(std::move(type_name)), diags(d) {}
    std::string type;
    diag::Diagnostics& diags;
    std::map<std::string, diag::SourcePos> seen;

    void add(const std::string& id, const diag::SourcePos& pos, const char* what = "id") {
        if (id.empty()) return;
        auto [it, fresh] = seen.emplace(id, pos);
        if (!fresh)
            diags.error(pos, std::string("duplicate ") + type + " " + what + " '" + id + "' (first used at " +
                                 it->second.path.str() + ":" + std::to_string(it->second.line) + ")",
                        "give each " + type + " its own id; an old id belongs in 'aliases' of one record only");
    }
};

void check_aliases(IdTable& table, const std::vector<model::Located>& aliases, diag::Diagnostics& diags) {
    for (const auto& a : aliases) {
        if (!load::is_valid_id(a.value)) {
            diags.error(a.pos, "alias '" + a.value + "' is not lowercase ASCII", "use only a-z, 0-9 and '-'");
            continue;
        }
        table.add(a.value, a.pos, "alias");
    }
}

// "page" names the pages of a long list (/notices/page/2/, /ratings/2023/good/page/2/, render/pagination.h): a
// document or a city with that id would take one of their URLs.
void check_not_page(const std::string& id, const diag::SourcePos& pos, const char* type, diag::Diagnostics& diags) {
    if (id == "page")
        diags.error(pos, std::string("the ") + type + " id 'page' is reserved: the pages of long lists are at …/page/N/",
                    "choose another id (a notice's id follows its document number, e.g. jinminhan-2023-169)");
}

}  // namespace

void check_ids(const model::Records& r, diag::Diagnostics& diags) {
    IdTable cities{"city", diags};
    for (const auto& c : r.cities) {
        cities.add(c.id, c.pos);
        check_not_page(c.id, c.pos, "city", diags);
        IdTable counties{"county", diags};
        for (const auto& k : c.counties) counties.add(k.id, k.pos);
        for (const auto& z : c.zones) counties.add(z.id, z.pos);
    }
    IdTable projects{"project", diags};
    for (const auto& p : r.projects) projects.add(p.id.value, p.id.pos);
    for (const auto& p : r.projects) check_aliases(projects, p.aliases, diags);
    // Notices and replies share the /notices/ and /replies/ namespaces separately, but a document number
    // identifies one document: keep ids unique across both so a citation never becomes ambiguous.
    IdTable documents{"document", diags};
    for (const auto* list : {&r.notices, &r.replies})
        for (const auto& d : *list) {
            documents.add(d.id.value, d.id.pos);
            check_not_page(d.id.value, d.id.pos, "document", diags);
            for (const auto& a : d.aliases) check_not_page(a.value, a.pos, "document", diags);
        }
    for (const auto* list : {&r.notices, &r.replies})
        for (const auto& d : *list) check_aliases(documents, d.aliases, diags);
    IdTable ratings{"ratings file for notice", diags};
    for (const auto& l : r.ratings) ratings.add(l.notice.value, l.notice.pos);
    IdTable tasks{"task table year", diags};
    for (const auto& t : r.tasks) tasks.add(std::to_string(t.year), t.pos);
}

}  // namespace gongshi::validate
