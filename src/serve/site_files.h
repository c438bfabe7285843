// Maps a request path onto a file of the built site, the way a static web server would, and never outside it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace gongshi::serve {

struct SiteFile {
    enum class Kind {
        file,       // `path` is a regular file inside the site
        add_slash,  // a folder asked for without its trailing slash: redirect to "<request>/"
        missing,    // nothing there (or not a regular file)
        forbidden,  // "..", "." or a backslash in the path: an attempt to leave the site
    };
    Kind kind = Kind::missing;
    std::filesystem::path path;
    bool is_page =
        false;  // the request is for an HTML page (a .html file, a folder, or an extension-less path)
};

// `url_path` is the decoded path of the request ("/projects/x/"); "/dir/" means "/dir/index.html".
SiteFile find_site_file(const std::filesystem::path& root, std::string_view url_path);

// The Content-Type for a file name, by its extension ("application/octet-stream" for anything unknown).
std::string content_type_for(std::string_view file_name);

}  // namespace gongshi::serve
