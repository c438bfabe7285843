// The URLs the site has ever published, kept in "<content>/published-urls.txt" and committed with the content: a
// build that no longer makes one of them fails (a renamed or removed record needs an alias), and a build that
// makes new ones adds them. Without that file nothing is checked or recorded (test fixtures, new sites).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "render/output_sink.h"

namespace gongshi::publish {

struct RegisteredUrl {
    std::string url;
    int line = 0;
};

struct UrlRegistry {
    std::filesystem::path file;
    std::string shown;  // the path as messages show it
    std::vector<std::string> header;  // the comment lines at the top, kept when the file is rewritten
    std::vector<RegisteredUrl> urls;  // as listed
};

std::filesystem::path url_registry_path(const std::filesystem::path& content_dir);
// Nothing if the file does not exist; malformed lines are errors.
std::optional<UrlRegistry> read_url_registry(const std::filesystem::path& content_dir, diag::Diagnostics& diags);
// The URLs a set of output files is reached at, sorted: every file except the fingerprinted assets (their names
// change with their bytes, and the pages name the current ones) and the server's own files ("_headers", "_…").
std::vector<std::string> registrable_urls(const std::vector<std::string>& output_paths);
// An error for every registered URL that `made` (sorted) lacks, naming its record and how to keep it.
void check_url_registry(const UrlRegistry& registry, const std::vector<std::string>& made, diag::Diagnostics& diags);
// Adds the URLs of `made` the registry lacks and rewrites the file (sorted, atomically by rename); returns how many
// it added (0: the file is left untouched).
int record_new_urls(const UrlRegistry& registry, const std::vector<std::string>& made);

struct UrlsKept {
    std::filesystem::path file;  // the registry
    int added = 0;               // URLs it gained (0: the file was not touched)
};
// A build's part: every registered URL must be among `files` (or the manifest, written at publish); errors into
// `diags`. With `record` and no errors, the new URLs are added. Nothing at all without the file.
UrlsKept keep_published_urls(const std::filesystem::path& content_dir, const render::RenderedFiles& files, bool record,
                             diag::Diagnostics& diags);

}  // namespace gongshi::publish
