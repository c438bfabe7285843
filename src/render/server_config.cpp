#include "render/server_config.h"

#include <algorithm>

#include "model/permalinks.h"

namespace gongshi::render {

namespace {

// Fingerprinted assets ("style.1a2b3c4d5e.css", render.cpp) never change under their name: cached for a year.
constexpr const char* long_cache = "public, max-age=31536000, immutable";
// Everything else (pages, data, the search index's entry files) may change with the next publish.
constexpr const char* short_cache = "public, max-age=300";

std::string redirects_file(const model::Site& site) {
    std::string out = "# Written by gongshi: every alias (an old id) redirects to its record's URL.\n";
    for (const auto& [from, to] : alias_redirects(site)) out += from + " " + to + " 301\n";
    return out;
}

std::string headers_file() {
    return std::string("# Written by gongshi: cache lifetimes and headers for static hosts.\n"
                       "/*\n"
                       "  X-Content-Type-Options: nosniff\n"
                       "/assets/*\n"
                       "  Cache-Control: ") + long_cache + "\n";
}

std::string nginx_http_file(const model::Site& site) {
    std::string out =
        "# Written by gongshi. Include inside http { } (a map cannot stand in a server block), together with\n"
        "# nginx-server.conf inside the site's server { }.\n"
        "# Old URLs of renamed records (aliases) and the URL each redirects to.\n"
        "map $uri $gongshi_redirect {\n"
        "    default \"\";\n";
    for (const auto& [from, to] : alias_redirects(site)) {
        out += "    " + from + " " + to + ";\n";
        out += "    " + from + "index.html " + to + ";\n";
    }
    out += "}\n";
    return out;
}

std::string nginx_server_file() {
    return std::string(
               "# Written by gongshi. Include inside the site's server { }, whose root must be the site folder\n"
               "# itself (…/site), never the folder holding it: site.previous/, site.cache, site.*hashes and the\n"
               "# staging folders live beside site/ and must not be reachable. Needs nginx-http.conf in http { }.\n"
               "charset utf-8;\n"
               "charset_types text/css text/plain text/xml text/csv application/javascript application/json\n"
               "              application/atom+xml application/xml image/svg+xml;\n"
               "error_page 404 /404.html;\n"
               "if ($gongshi_redirect) {\n"
               "    return 301 $gongshi_redirect;\n"
               "}\n"
               "location / {\n"
               "    try_files $uri $uri/ =404;\n"
               "    add_header Cache-Control \"") + short_cache + "\";\n"
               "    add_header X-Content-Type-Options nosniff;\n"
               "}\n"
               "location ~ \"^/assets/.+\\.[0-9a-f]{10}\\.[A-Za-z0-9]+$\" {\n"
               "    add_header Cache-Control \"" + long_cache + "\";\n"
               "    add_header X-Content-Type-Options nosniff;\n"
               "}\n"
               "location ~ \"\\.csv$\" {\n"
               "    types { }\n"
               "    default_type text/csv;\n"
               "    add_header Cache-Control \"" + short_cache + "\";\n"
               "    add_header X-Content-Type-Options nosniff;\n"
               "}\n"
               "location = /SHA256SUMS {\n"
               "    types { }\n"
               "    default_type text/plain;\n"
               "    add_header Cache-Control \"" + short_cache + "\";\n"
               "    add_header X-Content-Type-Options nosniff;\n"
               "}\n"
               "# The server's own files are not pages.\n"
               "location ^~ /_server/ { return 404; }\n"
               "location = /_redirects { return 404; }\n"
               "location = /_headers { return 404; }\n";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> alias_redirects(const model::Site& site) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : site.projects)
        for (const auto& a : p.aliases) out.emplace_back(model::project_url(a.value), model::project_url(p.id.value));
    for (const auto& d : site.notices)
        for (const auto& a : d.aliases) out.emplace_back(model::notice_url(a.value), model::notice_url(d.id.value));
    for (const auto& d : site.replies)
        for (const auto& a : d.aliases) out.emplace_back(model::reply_url(a.value), model::reply_url(d.id.value));
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> server_config_paths() {
    return {"_redirects", "_headers", "_server/nginx-http.conf", "_server/nginx-server.conf"};
}

std::string server_config_file(const model::Site& site, size_t index) {
    switch (index) {
        case 0: return redirects_file(site);
        case 1: return headers_file();
        case 2: return nginx_http_file(site);
        default: return nginx_server_file();
    }
}

}  // namespace gongshi::render
