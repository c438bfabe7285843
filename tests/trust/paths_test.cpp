// Paths: no id, alias, city or county id, template or asset can make a build read outside its inputs or
// write outside its output folder (and the files beside it: <out>.cache, <out>.lock, <out>.staging-<pid>).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <set>
#include <sstream>

#include "test_support.h"
#include "trust/trust_support.h"

using namespace gongshi::testing;
using gongshi::trust::build_args;
using gongshi::trust::files_containing;
using gongshi::trust::has_crash_report;
using gongshi::trust::run_in;

namespace {

const std::string project = "projects/taiyuan/taiyuan-yingze-longchengxinyuan-2022.yaml";
const std::string aliased = "projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml";
const std::string outside_canary = "OUTSIDE-CANARY-51c2";

// Every path under dir except the output and the files a build keeps beside it.
std::set<std::string> paths_besides_output(const fs::path& dir) {
    std::set<std::string> out;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        const std::string rel = it->path().lexically_relative(dir).generic_string();
        if (rel == "site" || rel.rfind("site.", 0) == 0) {
            it.disable_recursion_pending();
            continue;
        }
        out.insert(rel);
    }
    return out;
}

bool has_line_starting(const std::string& output, const std::string& prefix) {
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(prefix, 0) == 0) return true;
    return false;
}

struct HostileName {
    std::string file, from, to;
    std::string expect;  // the start of the error line
};

}  // namespace

TEST_CASE("hostile ids, aliases and division ids are located errors and write nothing anywhere", "[trust][paths]") {
    const std::string pwn = "/tmp/gongshi-pwn-" + std::to_string(::getpid());
    const std::vector<HostileName> cases = {
        {project, "id: taiyuan-yingze-longchengxinyuan-2022", "id: ../x",
         "content/" + project + ":1:5: error: id '../x' is not lowercase ASCII"},
        {project, "id: taiyuan-yingze-longchengxinyuan-2022", "id: ../../../pwn",
         "content/" + project + ":1:5: error: id '../../../pwn' is not lowercase ASCII"},
        {project, "id: taiyuan-yingze-longchengxinyuan-2022", "id: " + pwn,
         "content/" + project + ":1:5: error: id '" + pwn + "' is not lowercase ASCII"},
        {aliased, "aliases: [taiyuan-qingxu-old-2023]", "aliases: [../../../tmp/pwn/]",
         "content/" + aliased + ":10:11: error: alias '../../../tmp/pwn/' is not lowercase ASCII"},
        {aliased, "aliases: [taiyuan-qingxu-old-2023]", "aliases: [..]",
         "content/" + aliased + ":10:11: error: alias '..' is not lowercase ASCII"},
        {aliased, "aliases: [taiyuan-qingxu-old-2023]", "aliases: [" + pwn + "/]",
         "content/" + aliased + ":10:11: error: alias '" + pwn + "/' is not lowercase ASCII"},
        {"cities.yaml", "  - id: taiyuan\n", "  - id: ../x\n", "content/cities.yaml:3:9: error: id '../x'"},
        {"cities.yaml", "      - id: yingze\n", "      - id: ../../pwn\n", "content/cities.yaml:7:13: error: id '../../pwn'"},
        {"cities.yaml", "      - id: testzone\n", "      - id: /tmp/pwn\n", "content/cities.yaml:24:13: error: id '/tmp/pwn'"},
        {"site.yaml", "  - id: excellent\n", "  - id: ../../pwn\n", "content/site.yaml:6:9: error: id '../../pwn'"},
        {"ratings/jinminhan-2023-169.yaml", "notice: jinminhan-2023-169", "notice: ../../pwn",
         "content/ratings/jinminhan-2023-169.yaml:1:9: error: "},
        {"replies/changminhan-2023-94.md", "city: datong", "city: ../../pwn",
         "content/replies/changminhan-2023-94.md:5:7: error: reply names unknown city '../../pwn'"},
    };
    for (const auto& c : cases) {
        INFO(c.file << ": " << c.to);
        TempDir work;
        const fs::path content = copy_fixture("good", work.path());
        edit(content / c.file, c.from, c.to);
        const auto before = paths_besides_output(work.path());
        const auto r = run_in(work.path(), build_args("content", "site"));
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK_FALSE(has_crash_report(r.output));
        CHECK(has_line_starting(r.output, c.expect));
        CHECK(paths_besides_output(work.path()) == before);
        CHECK_FALSE(fs::exists(work.path() / "site"));
        // Where the payloads would land: the absolute one, and the relative ones resolved from the output's pages
        // (site/projects/<id>/, site/<alias>/: two or three levels up is the test folder's parent).
        CHECK_FALSE(fs::exists(pwn));
        CHECK_FALSE(fs::exists(work.path().parent_path() / "pwn"));
        CHECK_FALSE(fs::exists(work.path().parent_path().parent_path() / "tmp" / "pwn"));
        CHECK_FALSE(fs::exists(work.path() / "pwn"));
    }
}

TEST_CASE("content files and folders linked from outside content/ are located errors, never read",
          "[trust][paths]") {
    TempDir work;
    const fs::path content = copy_fixture("good", work.path());
    const fs::path outside = work.path() / "outside";
    // A valid project outside: were it read, it would be published (or collide with the fixture's id).
    write_text(outside / "file/taiyuan-outside-2022.yaml",
               "id: taiyuan-outside-2022\nname: " + outside_canary + "\nyear: 2022\ncity: taiyuan\n");
    write_text(outside / "dir/taiyuan-outdir-2022.yaml",
               "id: taiyuan-outdir-2022\nname: " + outside_canary + "\nyear: 2022\ncity: taiyuan\n");
    write_text(outside / "notice.md", read_text(content / "notices/jinminfa-2023-7.md"));
    fs::create_symlink(outside / "file/taiyuan-outside-2022.yaml", content / "projects/taiyuan/taiyuan-outside-2022.yaml");
    fs::create_directory_symlink(outside / "dir", content / "projects/outdir");
    fs::create_symlink(outside / "notice.md", content / "notices/jinminfa-2023-8.md");
    fs::rename(content / "replies", outside / "replies");
    fs::create_directory_symlink(outside / "replies", content / "replies");
    const auto before = paths_besides_output(work.path());

    const auto r = run_in(work.path(), build_args("content", "site"));
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK_FALSE(has_crash_report(r.output));
    CHECK(has_line_starting(r.output, "content/projects/taiyuan/taiyuan-outside-2022.yaml: error: is a symbolic link"));
    CHECK(has_line_starting(r.output, "content/projects/outdir: error: is a symbolic link"));
    CHECK(has_line_starting(r.output, "content/notices/jinminfa-2023-8.md: error: is a symbolic link"));
    CHECK(has_line_starting(r.output, "content/replies: error: is a symbolic link"));
    CHECK(r.output.find(outside_canary) == std::string::npos);
    CHECK(paths_besides_output(work.path()) == before);
    CHECK_FALSE(fs::exists(work.path() / "site"));
}

TEST_CASE("templates and assets linked from outside, and partials named by path, read nothing outside",
          "[trust][paths]") {
    TempDir work;
    const fs::path content = copy_fixture("good", work.path());
    const fs::path templates = work.path() / "templates", assets = work.path() / "assets";
    fs::copy(source_dir() / "templates", templates, fs::copy_options::recursive);
    fs::copy(source_dir() / "assets", assets, fs::copy_options::recursive);
    const fs::path outside = work.path() / "outside";
    write_text(outside / "secret.css", "/* " + outside_canary + " */");
    write_text(outside / "dir/secret.js", "// " + outside_canary);
    write_text(outside / "partial.mustache", outside_canary);
    fs::create_symlink(outside / "secret.css", assets / "secret.css");
    fs::create_directory_symlink(outside / "dir", assets / "linked");
    fs::create_symlink(outside / "partial.mustache", templates / "partials/outside.mustache");
    // A partial named by a path: mstch looks partials up by name among those loaded, it opens no file.
    write_text(templates / "not_found.mustache",
               read_text(templates / "not_found.mustache") + "{{> ../../outside/partial}}{{> /etc/passwd}}{{> outside}}");
    const auto before = paths_besides_output(work.path());

    const std::vector<std::string> args = {"build", "--content", "content", "--templates", "templates",
                                           "--assets", "assets", "--out", "site"};
    const auto r = run_in(work.path(), args);
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK_FALSE(has_crash_report(r.output));
    CHECK(files_containing(work.path() / "site", outside_canary) == std::vector<std::string>{});
    CHECK(files_containing(work.path() / "site", "root:x:0:0") == std::vector<std::string>{});
    CHECK(paths_besides_output(work.path()) == before);

    // A page template that is a link out is not read either: the build stops, naming it.
    fs::remove(templates / "home.mustache");
    write_text(outside / "home.mustache", outside_canary);
    fs::create_symlink(outside / "home.mustache", templates / "home.mustache");
    const auto site_before = read_tree(work.path() / "site");
    const auto linked = run_in(work.path(), args);
    INFO(linked.output);
    CHECK(linked.status == 1);
    CHECK(has_line_starting(linked.output, "templates/home.mustache: error: "));
    CHECK(read_tree(work.path() / "site") == site_before);
}

TEST_CASE("a full build creates nothing beside its output but <out>.cache, .hashes, .records and .lock",
          "[trust][paths][publish]") {
    TempDir work;
    copy_fixture("good", work.path());
    fs::create_directories(work.path() / "public");
    const auto before = paths_besides_output(work.path());
    const auto r = run_in(work.path(), build_args("content", "public/site"));
    REQUIRE(r.status == 0);
    std::set<std::string> top_after;
    for (const auto& e : fs::directory_iterator(work.path() / "public")) top_after.insert(e.path().filename().string());
    CHECK(top_after == std::set<std::string>{"site", "site.cache", "site.hashes", "site.lock", "site.records"});
    std::set<std::string> outside_public;
    for (const auto& p : paths_besides_output(work.path()))
        if (p.rfind("public/", 0) != 0) outside_public.insert(p);
    std::set<std::string> outside_before;
    for (const auto& p : before)
        if (p.rfind("public/", 0) != 0) outside_before.insert(p);
    CHECK(outside_public == outside_before);
}
