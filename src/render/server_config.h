// The configuration a web server needs to serve the site as published: aliases as 301 redirects, the 404 page
// with status 404, charset, cache lifetimes. Written by every build beside the pages, for nginx ("_server/") and
// for static hosts that read "_redirects" and "_headers" (Netlify, Cloudflare Pages). None of them is served.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/site.h"

namespace gongshi::render {

// The files' paths in the output ("_redirects", "_headers", "_server/nginx-http.conf", "_server/nginx-server.conf").
std::vector<std::string> server_config_paths();
// The bytes of file `index` of server_config_paths().
std::string server_config_file(const model::Site& site, size_t index);

// Every alias's old URL and the URL it redirects to, sorted by old URL.
std::vector<std::pair<std::string, std::string>> alias_redirects(const model::Site& site);

}  // namespace gongshi::render
