// ratings/<notice-id>.yaml: the ratings one notice issues, group by group, in printed order.
#include "load/field_reader.h"
#include "load/record_loaders.h"

namespace gongshi::load {

using Kind = YamlNode::Kind;

std::optional<model::RatingList> load_rating_list(const YamlNode& root, const std::string& file,
                                                  diag::Diagnostics& diags) {
    FieldReader r(root, "ratings file", diags);
    if (!r.is_mapping()) return std::nullopt;
    model::RatingList list;
    list.file = file;
    list.notice = r.located_text("notice", true).value_or(model::Located{});
    if (const YamlNode* groups = r.child("groups", true, Kind::sequence)) {
        for (const YamlNode& g : groups->items) {
            FieldReader gr(g, "rating group", diags);
            if (!gr.is_mapping()) continue;
            model::RatingGroup group;
            group.pos = g.pos;
            group.year = gr.integer("year", true, 2000, 2100).value_or(0);
            group.year_pos = gr.pos_of("year");
            group.tier = gr.located_text("tier", true).value_or(model::Located{});
            group.declared = gr.integer("declared", true, 0).value_or(-1);  // -1: unreadable, already reported
            group.declared_pos = gr.pos_of("declared");
            group.heading = gr.text("heading", true).value_or("");
            if (const YamlNode* entries = gr.child("entries", true, Kind::sequence)) {
                for (const YamlNode& e : entries->items) {
                    FieldReader er(e, "rating entry", diags);
                    model::RatingEntry entry;
                    entry.pos = e.pos;
                    entry.rank = er.integer("rank", true, 1).value_or(0);
                    entry.project = er.located_text("project", true).value_or(model::Located{});
                    entry.printed = er.text("printed", true).value_or("");
                    entry.correction = er.text("correction", false).value_or("");
                    er.reject_unknown();
                    group.entries.push_back(std::move(entry));
                }
            }
            gr.reject_unknown();
            list.groups.push_back(std::move(group));
        }
    }
    list.draft = r.boolean("draft").value_or(false);
    r.reject_unknown();
    return list;
}

}  // namespace gongshi::load
