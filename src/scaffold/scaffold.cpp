#include "scaffold/scaffold.h"
#include "scaffold/new_file.h"
#include "scaffold/progress_scaffold.h"

#include "io/input_files.h"

#include <algorithm>

#include "load/field_reader.h"
#include "load/load.h"
#include "model/placeholder.h"
#include "validate/record_lookup.h"
#include "validate/suggest.h"

namespace gongshi::scaffold {

namespace fs = std::filesystem;

namespace {

const diag::SourcePos request_pos{"gongshi new", 0, 0};

const std::string todo(model::placeholder);

std::string or_todo(const std::string& value) { return value.empty() ? todo : value; }

std::string year_of(const std::string& date) { return date.size() >= 4 ? date.substr(0, 4) : todo; }

const model::City* find_city(const model::Records& r, const std::string& id) {
    for (const auto& c : r.cities)
        if (c.id == id) return &c;
    return nullptr;
}

// The city the request names, or an error with a did-you-mean.
const model::City* requested_city(const model::Records& r, const std::string& id, diag::Diagnostics& diags) {
    const model::City* city = find_city(r, id);
    if (city == nullptr)
        diags.error(request_pos, "--city '" + id + "' is not a city id", validate::city_id_hint(id, r.cities));
    return city;
}

// True if site.yaml has the program year; else an error.
bool requested_program(const model::Records& r, int year, diag::Diagnostics& diags) {
    const bool known = std::any_of(r.site->programs.begin(), r.site->programs.end(),
                                   [&](const model::Program& p) { return p.year == year; });
    if (!known)
        diags.error(request_pos, "program year " + std::to_string(year) + " is not in site.yaml's programs",
                    "add the program to content/site.yaml first (see the README: publishing a new notice)");
    return known;
}

// The file of an existing project with this id (file names are ids), if any.
std::optional<fs::path> existing_project(const fs::path& content_dir, const std::string& id) {
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(content_dir / "projects", ec))
        if (e.path().filename() == id + ".yaml") return e.path();
    return std::nullopt;
}


std::string notice_text(const NewRecord& r) {
    return "---\n"
           "# 文号，照原文填写 / document number exactly as printed\n"
           "doc_number: " + or_todo(r.doc_number) + "\n"
           "# 标题，照原文全文填写 / the full title as printed\n"
           "title: " + or_todo(r.title) + "\n"
           "# 发文机关 / issuing body\n"
           "issuer: 山西省民政厅\n"
           "# 主送机关，照原文；没有则删去此行 / addressees as printed; delete the line if there are none\n"
           "addressees: [各市民政局]\n"
           "# 文种：通报 | 通知 | 实施方案 | 报道 / kind of document\n"
           "kind: 通报\n"
           "# 成文日期 YYYY-MM-DD / the date printed on the document\n"
           "date: " + or_todo(r.date) + "\n"
           "# 文件年份 / the year of the document\n"
           "year: " + year_of(r.date) + "\n"
           "# 公开方式：主动公开 | 依申请公开 | 可以公开 | 不予公开 | 未注明 / disclosure class as printed\n"
           "disclosure: " + todo + "\n"
           "# 录入所依据的原件文件名 / the source file this record was transcribed from\n"
           "source_file: " + todo + "\n"
           "# 摘要：一两句话，用于列表和订阅 / one or two sentences for lists and the feed\n"
           "summary: " + todo + "\n"
           "# 旧地址（一般不填） / old ids whose URLs must redirect here (usually none)\n"
           "aliases: []\n"
           "# true：暂不发布（gongshi build --drafts 可预览） / true keeps it unpublished (preview with --drafts)\n"
           "draft: false\n"
           "---\n" +
           todo + "：正文，照原文逐段录入，不改写（Markdown；表格用 | 分隔）。\n"
           "(The full text as printed, paragraph by paragraph, in Markdown.)\n"
           "\n"
           "<!-- gongshi:ratings -->\n"
           "\n"
           "(上一行标出评价结果名单的位置，名单写在 ratings/" + r.id + ".yaml；本通报不列名单则删去上一行。\n"
           "The line above marks where the ratings of ratings/" + r.id + ".yaml are shown; delete it if there are none.)\n";
}

std::string reply_text(const NewRecord& r) {
    return "---\n"
           "# 文号，照原文填写 / document number exactly as printed\n"
           "doc_number: " + or_todo(r.doc_number) + "\n"
           "# 标题，照原文填写 / the title as printed\n"
           "title: " + or_todo(r.title) + "\n"
           "# 答复单位 / the body that replies\n"
           "issuer: " + todo + "\n"
           "# 所属城市的id（见 cities.yaml） / city id (see cities.yaml)\n"
           "city: " + or_todo(r.city) + "\n"
           "# 主送：提出建议或提案的代表、委员或单位，照原文 / addressee as printed\n"
           "addressee: " + todo + "\n"
           "# 所答复的建议、议案或提案 / the motion or proposal answered\n"
           "motion:\n"
           "  # 提案（政协） | 议案（人大） | 建议 / proposal (CPPCC) | motion (people's congress) | suggestion\n"
           "  kind: 提案\n"
           "  # 编号，照原文（加引号） / its number as printed, in quotes\n"
           "  number: \"" + todo + "\"\n"
           "  # 会议，如 市政协十四届四次会议 / the session, e.g. 市政协十四届四次会议\n"
           "  session: " + todo + "\n"
           "  # 建议或提案的标题 / its title\n"
           "  title: " + todo + "\n"
           "  # 提出人 / who made it\n"
           "  proposer: " + todo + "\n"
           "# 办理类别，如 A类；没有则删去 / category as printed, e.g. A类; delete if none\n"
           "category: A类\n"
           "# 公开方式：主动公开 | 依申请公开 | 可以公开 | 不予公开 | 未注明 / disclosure class as printed\n"
           "disclosure: " + todo + "\n"
           "# 成文日期 YYYY-MM-DD / the date printed on the letter\n"
           "date: " + or_todo(r.date) + "\n"
           "# 文件年份 / the year of the letter\n"
           "year: " + year_of(r.date) + "\n"
           "# 签发、审核、经办人等，按原文顺序；没有则删去 / signatories in printed order; delete if none\n"
           "signatories:\n"
           "  - role: 单位领导\n"
           "    name: " + todo + "\n"
           "# 联系方式，照原文；没有则删去 / public contact line as printed; delete if none\n"
           "contact: " + todo + "\n"
           "# 录入所依据的原件文件名 / the source file this record was transcribed from\n"
           "source_file: " + todo + "\n"
           "# 摘要：一两句话 / one or two sentences for lists and the feed\n"
           "summary: " + todo + "\n"
           "aliases: []\n"
           "draft: false\n"
           "---\n" +
           todo + "：答复正文，照原文逐段录入，不改写。\n"
           "(The full text of the letter as printed, in Markdown.)\n";
}

std::string project_text(const NewRecord& r) {
    return "# 项目id，发布后不再更改；文件名须为 <id>.yaml / the project id, never changed once published\n"
           "id: " + r.id + "\n"
           "# 项目正式名称，照原文 / the official name as printed\n"
           "name: " + or_todo(r.title) + "\n"
           "# 项目年度（site.yaml 的 programs 之一） / program year (one of site.yaml's programs)\n"
           "year: " + std::to_string(r.year) + "\n"
           "# 城市id / city id\n"
           "city: " + r.city + "\n"
           "# 县（市、区）或开发区，照原文；名称中没有则删去，不要猜 / county or zone as printed; delete if the name states none\n"
           "county: " + or_todo(r.county) + "\n"
           "# 街道或乡镇，照名称原文；没有则删去 / street or town as printed in the name; delete if none\n"
           "town: " + todo + "\n"
           "# 社区，照名称原文；没有则删去 / community as printed in the name; delete if none\n"
           "community: " + todo + "\n"
           "# 以下事实有出处时才填写，并填 facts_source；没有则删去 / the facts below only with a source; else delete\n"
           "# area_m2: 1234.5        # 建筑面积（平方米） / floor area in m²\n"
           "# investment_wan: 300    # 总投资（万元） / investment in 10 000 yuan\n"
           "# construction: 改建      # 新建 | 改建 | 购置 | 其他 / new build, conversion, purchase, other\n"
           "# beds: 12               # 床位数 / beds\n"
           "# operator: …            # 运营方 / operator\n"
           "# facts_source: …        # 说明上述事实的公文id / id of the notice or reply stating them\n"
           "# 不公开的信息（联系人、电话等），永不发布 / never published (contacts, phone numbers …)\n"
           "# private:\n"
           "#   contact: …\n"
           "# true：暂不发布 / true keeps it unpublished\n"
           "draft: false\n";
}

std::string ratings_text(const NewRecord& r, const std::vector<std::string>& tier_ids) {
    std::string tiers;
    for (const auto& t : tier_ids) tiers += (tiers.empty() ? "" : " | ") + t;
    const std::string year = r.year ? std::to_string(r.year) : todo;
    return "# 通报公布的评价结果，一个（项目年度，等次）一组，按原文顺序\n"
           "# The ratings the notice issues: one group per (program year, tier), in printed order.\n"
           "notice: " + r.id + "\n"
           "groups:\n"
           "  # 项目年度 / program year\n"
           "  - year: " + year + "\n"
           "    # 等次：" + tiers + "（见 site.yaml） / tier id (see site.yaml)\n"
           "    tier: " + (tier_ids.empty() ? todo : tier_ids.front()) + "\n"
           "    # 原文“共N家”中的N / the count the notice prints\n"
           "    declared: 1\n"
           "    # 原文小标题，如 （一）优秀等次（共N家） / the group heading as printed\n"
           "    heading: " + todo + "\n"
           "    entries:\n"
           "      # 原文序号 / the printed number\n"
           "      - rank: 1\n"
           "        # 项目id（projects/<城市>/<id>.yaml） / project id\n"
           "        project: " + todo + "\n"
           "        # 名单上的名称，一字不改（错字也照录） / the name exactly as printed, errors included\n"
           "        printed: " + todo + "\n"
           "        # 原文有误时写明应为什么及理由；否则删去 / what the print should read, and why; else delete\n"
           "        # correction: …\n";
}

}  // namespace

std::optional<Written> create(const fs::path& content_dir, const NewRecord& req, diag::Diagnostics& diags) {
    if (!load::is_valid_id(req.id)) {
        diags.error(request_pos, "id '" + req.id + "' is not lowercase ASCII letters, digits and hyphens",
                    "use an id like jinminhan-2024-12 (pinyin and numbers, joined by -)");
        return std::nullopt;
    }
    if (!req.date.empty() && !load::is_valid_date(req.date)) {
        diags.error(request_pos, "--date '" + req.date + "' is not a real date in the form YYYY-MM-DD",
                    "write it like 2024-12-20");
        return std::nullopt;
    }
    // What the request is checked against: cities, programs and tiers. Their own errors are not this command's
    // business (`gongshi check` reports them), unless site.yaml cannot be read at all.
    diag::Diagnostics ignored;
    const model::Records records = load::load_site_and_cities(io::DiskFiles(), content_dir, ignored);
    if (!records.site) {
        diags.error({(content_dir / "site.yaml").generic_string(), 0, 0}, "cannot read the content folder's site.yaml",
                    "run the command from the repository root, or pass --content DIR");
        return std::nullopt;
    }
    using Kind = NewRecord::Kind;
    Written w;
    std::string text;
    switch (req.kind) {
        case Kind::notice:
            w.file = content_dir / "notices" / (req.id + ".md");
            text = notice_text(req);
            w.next_steps = {"fill in every " + todo + " in " + w.file.generic_string(),
                            "if it lists ratings: gongshi new ratings " + req.id + " --year YEAR"};
            break;
        case Kind::reply:
            if (!req.city.empty() && !requested_city(records, req.city, diags)) return std::nullopt;
            w.file = content_dir / "replies" / (req.id + ".md");
            text = reply_text(req);
            w.next_steps = {"fill in every " + todo + " in " + w.file.generic_string()};
            break;
        case Kind::project: {
            const model::City* city = requested_city(records, req.city, diags);
            if (city == nullptr || !requested_program(records, req.year, diags)) return std::nullopt;
            if (!req.county.empty() && !validate::city_has_county(*city, req.county)) {
                diags.error(request_pos, "--county '" + req.county + "' is not a county or zone of " + city->name,
                            validate::county_hint(req.county, *city));
                return std::nullopt;
            }
            if (const auto file = existing_project(content_dir, req.id)) {
                diags.error({file->generic_string(), 0, 0},
                            "a project with id '" + req.id + "' already exists; nothing was written", "choose another id");
                return std::nullopt;
            }
            w.file = content_dir / "projects" / req.city / (req.id + ".yaml");
            text = project_text(req);
            w.next_steps = {"fill in every " + todo + " in " + w.file.generic_string() + " (delete lines that do not apply)"};
            break;
        }
        case Kind::ratings: {
            if (req.year && !requested_program(records, req.year, diags)) return std::nullopt;
            std::vector<std::string> tiers;
            for (const auto& t : records.site->tiers) tiers.push_back(t.id);
            w.file = content_dir / "ratings" / (req.id + ".yaml");
            text = ratings_text(req, tiers);
            w.next_steps = {"list every group and entry of the notice in " + w.file.generic_string()};
            break;
        }
        case Kind::progress:
            if (req.year && !requested_program(records, req.year, diags)) return std::nullopt;
            w.file = content_dir / "progress" / (req.id + ".yaml");
            text = progress_text(req.id, req.year);
            w.next_steps = {"if the notice is not in content/notices yet: gongshi new notice " + req.id,
                            "fill in every " + todo + " in " + w.file.generic_string() + " (delete lines that do not apply)"};
            break;
    }
    if (!create_new_file(w.file, text, diags)) return std::nullopt;
    w.next_steps.push_back("then run: gongshi check");
    return w;
}

}  // namespace gongshi::scaffold
