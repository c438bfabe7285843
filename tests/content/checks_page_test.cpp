// /checks/ on the real site states the documents' disagreements, each computed from content/ and linked to its
// evidence.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "io/input_files.h"
#include "load/load.h"
#include "model/checks.h"
#include "model/labels.h"
#include "model/site.h"
#include "test_support.h"
#include "validate/validate.h"

using namespace gongshi;
using namespace gongshi::testing;
using Catch::Matchers::Contains;

namespace {

model::Records real_records() {
    diag::Diagnostics diags;
    model::Records records = load::load_content(io::DiskFiles(), source_dir() / "content", diags);
    validate::validate(records, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    return records;
}

// The real site, built once for these tests.
const fs::path& real_site_dir() {
    static TempDir dir;
    static const fs::path out = [] {
        const fs::path o = dir.path() / "site";
        std::string output;
        const fs::path content = dir.path() / "content";
        fs::copy(source_dir() / "content", content, fs::copy_options::recursive);
        REQUIRE(run_gongshi(build_command(content, o, "--no-search"), output) == 0);
        return o;
    }();
    return out;
}

// The <li> with that id on the page, or "" if there is none.
std::string item(const std::string& page, const std::string& id) {
    const auto at = page.find("<li id=\"" + id + "\">");
    if (at == std::string::npos) return "";
    return page.substr(at, page.find("</li>", at) - at);
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "、") + s;
    return out;
}

}  // namespace

TEST_CASE("the real 2023 task table differs from the projects recorded in 太原 13 vs 10, 大同 8 vs 10 and 吕梁 10 vs 11",
          "[content][model]") {
    const model::Site site = model::build_model(real_records(), false);
    std::map<std::string, std::pair<int, int>> found;  // city → (tasks, projects)
    for (const auto& d : model::compute_checks(site).task_differences) {
        CHECK(d.rated == d.projects);  // every project of the year is rated once
        found[site.cities[d.city].id] = {d.tasks, d.projects};
    }
    const std::map<std::string, std::pair<int, int>> expected = {
        {"taiyuan", {10, 13}}, {"datong", {10, 8}}, {"lvliang", {11, 10}}};
    CHECK(found == expected);
}

TEST_CASE("/checks/ states every city whose task count differs from its projects, counted from the records, with "
          "its evidence linked", "[content][render]") {
    const model::Records records = real_records();
    const std::string page = read_text(real_site_dir() / "checks/index.html");
    int stated = 0;
    for (const auto& table : records.tasks)
        for (const auto& row : table.rows) {
            int projects = 0;
            for (const auto& p : records.projects) projects += p.year == table.year && p.city.value == row.city.value;
            const std::string id = "tasks-" + std::to_string(table.year) + "-" + row.city.value;
            const std::string li = item(page, id);
            INFO(id << " tasks " << row.tasks << " projects " << projects);
            if (projects == row.tasks) {
                CHECK(li.empty());
                continue;
            }
            ++stated;
            CHECK_THAT(li, Contains("任务" + std::to_string(row.tasks) + "个"));
            CHECK_THAT(li, Contains("项目" + std::to_string(projects) + "个"));
            CHECK_THAT(li, Contains("href=\"/cities/" + row.city.value + "/#years-h\""));
            CHECK_THAT(li, Contains("href=\"/tasks/" + std::to_string(table.year) + "/\""));
            CHECK_THAT(li, Contains("href=\"/notices/" + table.source.value + "/\""));
            CHECK_THAT(li, Contains("href=\"/notices/jinminhan-2023-169/\""));
        }
    CHECK(stated == 3);
}

TEST_CASE("/checks/ names, city by city, the counties the task table listed as uncovered that still got no project",
          "[content][render]") {
    const model::Records records = real_records();
    const std::string page = read_text(real_site_dir() / "checks/index.html");
    int listed = 0, still = 0;
    for (const auto& table : records.tasks)
        for (const auto& row : table.rows) {
            if (row.uncovered.empty()) continue;
            std::set<std::string> covered;
            for (const auto& p : records.projects)
                if (p.year == table.year && p.city.value == row.city.value) covered.insert(p.county.value);
            std::vector<std::string> remaining;
            for (const auto& u : row.uncovered)
                if (!covered.count(u.value)) remaining.push_back(u.value);
            listed += static_cast<int>(row.uncovered.size());
            still += static_cast<int>(remaining.size());
            const std::string li = item(page, "uncovered-" + std::to_string(table.year) + "-" + row.city.value);
            INFO(row.city.value);
            CHECK_THAT(li, Contains("列出" + std::to_string(row.uncovered.size()) + "个"));
            if (!remaining.empty())
                CHECK_THAT(li, Contains("仍无项目的" + std::to_string(remaining.size()) + "个：" + join(remaining) + "。"));
            CHECK_THAT(li, Contains("href=\"/tasks/" + std::to_string(table.year) + "/\""));
        }
    CHECK_THAT(page, Contains("共列出" + std::to_string(listed) + "个尚未实施工程的县（市、区），其中" +
                              std::to_string(still) + "个在该年度仍没有项目"));
}

TEST_CASE("the task table's project count says how it differs from the task count and links to /checks/",
          "[content][render]") {
    const std::string page = read_text(real_site_dir() / "tasks/2023/index.html");
    CHECK_THAT(page, Contains("<a class=\"check-note\" href=\"/checks/#tasks-2023-taiyuan\">（比任务数多3个）</a>"));
    CHECK_THAT(page, Contains("<a class=\"check-note\" href=\"/checks/#tasks-2023-datong\">（比任务数少2个）</a>"));
}

TEST_CASE("a corrected name is marked wherever it stands, with the printed text on hover and a link to it",
          "[content][render]") {
    const model::Site site = model::build_model(real_records(), false);
    int corrected = 0;
    for (const auto& r : site.ratings) {
        if (r.correction.empty()) continue;
        ++corrected;
        const model::Project& p = site.projects[r.project];
        const std::string marker = p.name + "</a><a class=\"correction\" href=\"/projects/" + p.id.value +
                                   "/#ratings-h\" title=\"通报原文印作：" + r.printed + "\">（名称已更正）</a>";
        const std::string tier = model::tier_id(site, r.tier);
        for (const std::string& page : {"ratings/" + std::to_string(r.year) + "/" + tier + "/index.html",
                                       "ratings/" + std::to_string(r.year) + "/index.html", std::string("projects/index.html"),
                                       "cities/" + p.city.value + "/index.html"}) {
            INFO(page);
            CHECK_THAT(read_text(real_site_dir() / page), Contains(marker));
        }
        CHECK_THAT(read_text(real_site_dir() / ("projects/" + p.id.value + "/index.html")),
                   Contains("<h1>" + p.name + "<a class=\"correction\""));
    }
    CHECK(corrected == 1);
    // A name printed right has no marker.
    CHECK_THAT(read_text(real_site_dir() / "projects/taiyuan-qingxu-jinshatan-2023/index.html"),
               !Contains("名称已更正"));
}

TEST_CASE("every editorial note of the real content is stated on its document's page and on /checks/, with its "
          "quotes", "[content][render]") {
    const model::Records records = real_records();
    const std::string checks = read_text(real_site_dir() / "checks/index.html");
    int notes = 0;
    for (const auto* documents : {&records.notices, &records.replies})
        for (const auto& d : *documents)
            for (const auto& note : d.notes) {
                ++notes;
                const std::string folder = (documents == &records.notices ? "notices/" : "replies/") + d.id.value;
                const std::string page = read_text(real_site_dir() / folder / "index.html");
                INFO(folder << " note " << note.id);
                CHECK_THAT(checks, Contains("<a href=\"/" + folder + "/#note-" + note.id + "\">" + note.about + "</a>"));
                CHECK_THAT(page, Contains("<div class=\"editorial-note\" id=\"note-" + note.id + "\">"));
                for (const auto& q : note.quotes) {
                    CHECK_THAT(page, Contains("<q>" + q.text.value + "</q>"));
                    CHECK_THAT(checks, Contains("<q>" + q.text.value + "</q>"));
                }
            }
    // 晋民发〔2023〕7号 names its attachment 1 two ways (任务指标分解表 in the list, 任务分解表 over the table).
    CHECK(notes >= 1);
    CHECK_THAT(checks, Contains("共" + std::to_string(notes) + "处：同一文件或不同文件的两处文字说法不一"));
}
