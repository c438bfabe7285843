#include "publish/url_registry.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include "model/permalinks.h"
#include "publish/manifest.h"

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

constexpr const char* file_name = "published-urls.txt";

struct RecordOfUrl {
    std::string kind;  // "project", "notice", … or "" for a page no single record makes
    std::string id;
    std::string folder;  // where such records live in content/
};

// "/projects/x/" → project x: the record a URL was made from.
RecordOfUrl record_of(const std::string& url) {
    static const std::pair<const char*, RecordOfUrl> kinds[] = {
        {"/projects/", {"project", "", "projects/<city>/"}}, {"/notices/", {"notice", "", "notices/"}},
        {"/replies/", {"reply", "", "replies/"}},          {"/cities/", {"city", "", "cities.yaml"}},
        {"/tasks/", {"task table", "", "tasks/"}},          {"/ratings/", {"program year", "", "site.yaml"}}};
    for (const auto& [prefix, record] : kinds) {
        const std::string_view p(prefix);
        if (!url.starts_with(p) || url.size() == p.size()) continue;
        const auto end = url.find('/', p.size());
        RecordOfUrl r = record;
        r.id = url.substr(p.size(), end == std::string::npos ? std::string::npos : end - p.size());
        return r;
    }
    return {};
}

std::string hint_for(const RecordOfUrl& r) {
    if (r.kind == "project" || r.kind == "notice" || r.kind == "reply")
        return "if the " + r.kind + " was renamed, add `" + r.id + "` to the aliases of its new record (content/" +
               r.folder + "): the old URL then redirects to the new one; a published " + r.kind +
               " is never removed — mark it draft only before it was ever built";
    return "restore the record that made it (" + r.folder + "); a published URL must keep working";
}

}  // namespace

fs::path url_registry_path(const fs::path& content_dir) { return content_dir / file_name; }

std::optional<UrlRegistry> read_url_registry(const fs::path& content_dir, diag::Diagnostics& diags) {
    UrlRegistry r;
    r.file = url_registry_path(content_dir);
    r.shown = r.file.generic_string();
    std::ifstream in(r.file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string line;
    bool in_header = true;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') {
            if (in_header) r.header.push_back(line);
            continue;
        }
        in_header = false;
        const bool valid = line[0] == '/' && line.find_first_of(" \t") == std::string::npos &&
                           line.find("/../") == std::string::npos && !line.ends_with("/..");
        if (!valid) {
            diags.error({r.shown, n, 1}, "not a site URL: `" + line + "`",
                        "write one URL per line, starting with / (e.g. /projects/<id>/); lines starting with # are comments");
            continue;
        }
        r.urls.push_back({line, n});
    }
    return r;
}

std::vector<std::string> registrable_urls(const std::vector<std::string>& output_paths) {
    std::vector<std::string> out;
    for (const auto& p : output_paths) {
        if (p.starts_with("assets/") || p.starts_with("_")) continue;
        out.push_back(model::url_of_file(p));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void check_url_registry(const UrlRegistry& registry, const std::vector<std::string>& made, diag::Diagnostics& diags) {
    for (const auto& u : registry.urls) {
        if (std::binary_search(made.begin(), made.end(), u.url)) continue;
        const RecordOfUrl r = record_of(u.url);
        const std::string what = r.kind.empty() ? "" : " (the page of " + r.kind + " `" + r.id + "`)";
        diags.error({registry.shown, u.line, 1}, u.url + " was published, but this build no longer makes it" + what,
                    hint_for(r));
    }
}

int record_new_urls(const UrlRegistry& registry, const std::vector<std::string>& made) {
    std::set<std::string> all;
    for (const auto& u : registry.urls) all.insert(u.url);
    const size_t before = all.size();
    all.insert(made.begin(), made.end());
    if (all.size() == before) return 0;
    std::ostringstream text;
    for (const auto& h : registry.header) text << h << '\n';
    for (const auto& u : all) text << u << '\n';
    const fs::path tmp = registry.file.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text.str();
        if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, registry.file);
    return static_cast<int>(all.size() - before);
}

UrlsKept keep_published_urls(const fs::path& content_dir, const render::RenderedFiles& files, bool record,
                             diag::Diagnostics& diags) {
    const auto registry = read_url_registry(content_dir, diags);
    if (!registry) return {};
    std::vector<std::string> paths{std::string(manifest_sums_path), std::string(manifest_json_path)};
    for (const auto& [path, file] : files) paths.push_back(path);
    const std::vector<std::string> made = registrable_urls(paths);
    check_url_registry(*registry, made, diags);
    if (!record || diags.has_errors()) return {registry->file, 0};
    return {registry->file, record_new_urls(*registry, made)};
}

}  // namespace gongshi::publish
