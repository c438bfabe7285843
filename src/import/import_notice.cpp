#include "import/import_notice.h"

#include <map>
#include <set>

#include "import/notice_body.h"
#include "import/noise.h"
#include "import/notice_header.h"
#include "import/place_names.h"
#include "import/project_match.h"
#include "import/project_names.h"
#include "import/proposal.h"
#include "import/rating_lists.h"
#include "import/romanise.h"
#include "import/source_text.h"
#include "load/field_reader.h"
#include "load/load.h"
#include "model/placeholder.h"
#include "scaffold/new_file.h"

namespace gongshi::importer {

namespace fs = std::filesystem;

namespace {

const std::string todo(model::placeholder);

// The last n characters of a text (whole characters).
std::string last_characters(const std::string& text, size_t n) {
    std::vector<size_t> starts;
    for (size_t i = 0; i < text.size();) {
        starts.push_back(i);
        size_t len = 1;
        code_point(text, i, len);
        i += len;
    }
    return starts.size() <= n ? text : text.substr(starts[starts.size() - n]);
}

// Turns each entry of the lists into a ratings entry: an existing project, else a new project record.
class EntryResolver {
public:
    EntryResolver(const model::Records& records, const SourceText& source, const fs::path& content,
                  diag::Diagnostics& found)
        : records_(records), source_(source), content_(content), index_(records.projects), found_(found) {}

    ProposedGroup resolve(const PrintedGroup& g) {
        ProposedGroup out{g.year, g.tier, g.declared, g.heading, g.pos.line, {}};
        for (const auto& e : g.entries) out.entries.push_back(resolve(e, g.year));
        return out;
    }

    const std::vector<ProposedProject>& new_projects() const { return projects_; }
    int matched() const { return matched_; }

private:
    ProposedEntry resolve(const PrintedEntry& e, int year) {
        const std::string& printed = e.name.text();
        ProposedEntry out;
        out.rank = e.rank;
        out.printed = printed;
        out.first_line = e.pos.line;
        out.last_line = e.name.pos(source_.path, printed.size()).line;
        const ProjectMatch match = index_.find(printed, year);
        const auto missing = missing_endings(printed);
        std::string whole = printed;
        if (!missing.empty()) {
            whole = match.how == ProjectMatch::How::completed ? match.completed_name : printed + missing.front();
            const std::string lacking = whole.substr(printed.size());
            found_.error(e.name.pos(source_.path, printed.size()),
                         "the name seems cut short: it ends in '" + last_characters(printed, 5) + "', and reads whole as '" +
                             whole + "'",
                         "check the original; the ratings entry keeps the printed text and gets a correction to confirm");
            out.correction = todo + "：印本名称末尾疑缺“" + lacking + "”字（截断），应为“" + whole +
                             "”；核对原件后改写为说明（依据）";
        }
        if (match.projects.size() == 1) {
            out.project = match.projects.front()->id.value;
            ++matched_;
            if (match.how == ProjectMatch::How::normalised)
                found_.warning(e.name.pos(source_.path, 0),
                               "matched project '" + out.project + "' (" + match.projects.front()->name +
                                   ") after ignoring spaces, full/half width and 养老幸福/幸福养老",
                               "check that it is the same project");
            return out;
        }
        if (match.projects.size() > 1) {
            std::string names;
            for (const auto* p : match.projects) names += (names.empty() ? "" : ", ") + p->id.value + " (" + p->file + ")";
            found_.error(e.name.pos(source_.path, 0),
                         "the name matches " + std::to_string(match.projects.size()) + " projects: " + names,
                         "write the right project id in the ratings file; the entry's project is left 待填写");
            return out;
        }
        const std::pair<int, std::string> key{year, matching_key(whole)};
        if (auto it = proposed_.find(key); it != proposed_.end()) {  // printed twice: one new project
            out.project = it->second;
            return out;
        }
        const Place place = read_place(e.name, records_.cities, source_.path, found_);
        if (place.city == nullptr) return out;
        for (const auto* p : index_.near(printed, year, place.city->id, place.county, 2))
            found_.error(e.name.pos(source_.path, 0),
                         "the name matches no project of " + std::to_string(year) + " exactly, but is close to '" +
                             p->id.value + "' (" + p->name + ")",
                         "if it is that project, write its id in the ratings file; otherwise keep the new record");
        ProposedProject p;
        p.id = new_id(place, year, e);
        p.name = missing.empty() ? printed : todo + "（印作“" + printed + "”，疑为“" + whole + "”）";
        p.year = year;
        p.city = place.city->id;
        p.county = place.county;
        p.county_unknown = place.county_unknown;
        p.town = place.town;
        p.community = place.community;
        p.line = e.pos.line;
        out.project = p.id;
        proposed_.emplace(key, p.id);
        projects_.push_back(std::move(p));
        return out;
    }

    // city-county-words-year, as the site's ids are (taiyuan-gujiao-haojiazhuang-2023), made unique.
    std::string new_id(const Place& place, int year, const PrintedEntry& e) {
        std::string base = place.city->id;
        if (!place.county_id.empty()) base += "-" + place.county_id;
        if (const std::string words = romaniser_.ascii(place.id_words); !words.empty()) base += "-" + words;
        const std::string suffix = year ? "-" + std::to_string(year) : "";
        std::string id = base + suffix;
        for (int n = 2; taken(id, place.city->id); ++n) id = base + suffix + "-" + std::to_string(n);
        if (id != base + suffix)
            found_.warning(e.name.pos(source_.path, 0), "the id '" + base + suffix + "' is taken; proposed '" + id + "'",
                           "choose a better id in the new record (and the ratings file) if you like");
        ids_.insert(id);
        return id;
    }

    bool taken(const std::string& id, const std::string& city) const {
        std::error_code ec;
        return index_.has_id(id) || ids_.count(id) || fs::exists(content_ / "projects" / city / (id + ".yaml"), ec);
    }

    const model::Records& records_;
    const SourceText& source_;
    fs::path content_;
    ProjectIndex index_;
    diag::Diagnostics& found_;
    Romaniser romaniser_;
    std::vector<ProposedProject> projects_;
    std::map<std::pair<int, std::string>, std::string> proposed_;
    std::set<std::string> ids_;
    int matched_ = 0;
};

// The particulars not found, as warnings: the record gets 待填写 there.
void report_missing(const NoticeHeader& h, const std::string& path, diag::Diagnostics& found) {
    const auto missing = [&](const std::string& what, const std::string& field) {
        found.warning({path, 1, 1}, "found no " + what + ": the notice record's '" + field + "' is left 待填写",
                      "fill it in as printed");
    };
    if (h.doc_number.value.empty()) missing("文号 (such as 晋民函〔2023〕169号)", "doc_number");
    if (h.title.value.empty()) missing("title (a line saying 关于…)", "title");
    if (h.issuer.value.empty()) missing("issuer", "issuer");
    if (h.kind.empty()) missing("kind (the title ending in 通报, 通知 or 实施方案)", "kind");
    if (h.disclosure.empty()) missing("disclosure (such as (依申请公开))", "disclosure");
}

}  // namespace

std::optional<ImportPlan> plan_import(const ImportRequest& req, diag::Diagnostics& diags) {
    const auto source = read_notice_file(req.file, diags);
    if (!source) return std::nullopt;
    diag::Diagnostics ignored;  // the content's own errors are `gongshi check`'s business
    const model::Records records = load::load_content(io::DiskFiles(), req.content, ignored);
    if (!records.site || records.cities.empty()) {
        diags.error({(req.content / (records.site ? "cities.yaml" : "site.yaml")).generic_string(), 0, 0},
                    "cannot read the content folder's site.yaml and cities.yaml",
                    "run the command from the repository root, or pass --content DIR");
        return std::nullopt;
    }
    return propose_records(*source, records, req, diags);
}

std::optional<ImportPlan> propose_records(const SourceText& src, const model::Records& records,
                                          const ImportRequest& req, diag::Diagnostics& diags) {
    ImportPlan plan;
    plan.source_lines.add(src.path, src.text);
    diag::Diagnostics found;
    const RatingLists lists = read_rating_lists(src, *records.site, found);
    const NoticeHeader header = read_notice_header(src, lists.ranges);
    report_missing(header, src.path, found);

    Romaniser romaniser;
    plan.notice_id = req.id.empty() ? notice_id_from_doc_number(header.doc_number.value, romaniser) : req.id;
    if (plan.notice_id.empty() || !load::is_valid_id(plan.notice_id)) {
        diags.error({src.path, header.doc_number.pos.line, header.doc_number.pos.col},
                    plan.notice_id.empty() ? "cannot make the notice's id: no 文号 of the form 晋民函〔2023〕169号"
                                           : "id '" + plan.notice_id + "' is not lowercase ASCII letters, digits and hyphens",
                    "give one with --id, e.g. --id jinminhan-2024-12");
        diags.append(found);
        return std::nullopt;
    }

    EntryResolver resolver(records, src, req.content, found);
    std::vector<ProposedGroup> groups;
    for (const auto& g : lists.groups) {
        groups.push_back(resolver.resolve(g));
        plan.entries += static_cast<int>(g.entries.size());
    }
    plan.matched = resolver.matched();
    plan.new_projects = static_cast<int>(resolver.new_projects().size());

    std::vector<Mark> marks;
    for (const auto& d : found.sorted())
        if (d.severity == diag::Severity::error && d.pos.path.str() == src.path && d.pos.line > 0)
            marks.push_back({d.pos.line, d.pos.col, d.message});
    const Origin origin{header.doc_number.value, fs::path(src.path).filename().string()};

    const auto plan_file = [&](fs::path path, std::string text) {
        std::error_code ec;
        const bool exists = fs::exists(path, ec) || fs::is_symlink(path, ec);
        if (exists)
            found.warning({path.generic_string(), 0, 0}, "a record is already there: it is kept as it is",
                          "compare it with the proposal (a dry run prints it) and edit it by hand if it differs");
        plan.files.push_back({std::move(path), std::move(text), exists});
    };
    plan_file(req.content / "notices" / (plan.notice_id + ".md"),
              notice_record_text(header, body_markdown(src, header.body_first_line, lists.ranges), origin));
    if (!groups.empty())
        plan_file(req.content / "ratings" / (plan.notice_id + ".yaml"),
                  ratings_record_text(plan.notice_id, groups, marks, origin));
    for (const auto& p : resolver.new_projects())
        plan_file(req.content / "projects" / p.city / (p.id + ".yaml"), project_record_text(p, marks, origin));

    // A PDF's lines are those pdftotext printed: say which page each message is on.
    for (diag::Diagnostic d : found.all()) {
        const auto line = static_cast<size_t>(d.pos.line);
        if (!src.pages.empty() && d.pos.path.str() == src.path && line > 0 && line <= src.pages.size())
            d.message += " [page " + std::to_string(src.pages[line - 1]) + " of the PDF]";
        diags.add(d);
    }
    plan.uncertain = found.error_count();
    return plan;
}

bool write_plan(const ImportPlan& plan, diag::Diagnostics& diags) {
    std::vector<fs::path> created;
    for (const auto& f : plan.files) {
        if (f.exists) continue;
        if (!scaffold::create_new_file(f.path, f.text, diags)) {
            std::error_code ec;
            for (const auto& c : created) fs::remove(c, ec);
            return false;
        }
        created.push_back(f.path);
    }
    return true;
}

}  // namespace gongshi::importer
