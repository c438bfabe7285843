// The public URL scheme (a contract: never change a published URL). Paths are site-relative, end in '/'.
#pragma once

#include <string>
#include <string_view>

#include "model/records.h"

namespace gongshi::model {

inline std::string project_url(const std::string& id) { return "/projects/" + id + "/"; }
inline std::string notice_url(const std::string& id) { return "/notices/" + id + "/"; }
inline std::string reply_url(const std::string& id) { return "/replies/" + id + "/"; }
inline std::string document_url(const Document& d) {
    return d.type == Document::Type::reply ? reply_url(d.id.value) : notice_url(d.id.value);
}
inline std::string city_url(const std::string& id) { return "/cities/" + id + "/"; }
inline std::string task_url(int year) { return "/tasks/" + std::to_string(year) + "/"; }
inline std::string ratings_url(int year) { return "/ratings/" + std::to_string(year) + "/"; }
inline std::string ratings_url(int year, const std::string& tier) { return ratings_url(year) + tier + "/"; }

// The file a URL is written to: "/a/b/" → "a/b/index.html".
inline std::string file_of_url(const std::string& url) {
    std::string f = url.substr(1);
    if (f.empty() || f.back() == '/') f += "index.html";
    return f;
}

// The URL a file is served at: "a/b/index.html" → "/a/b/", "feed.xml" → "/feed.xml".
inline std::string url_of_file(const std::string& file) {
    constexpr std::string_view index = "index.html";
    const bool is_index = file == index || file.ends_with("/index.html");
    return "/" + (is_index ? file.substr(0, file.size() - index.size()) : file);
}

}  // namespace gongshi::model
