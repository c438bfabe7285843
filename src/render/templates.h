// Mustache templates from templates/: a page template renders into the layout's {{{content}}}.
#pragma once

#include <filesystem>
#include <cstdint>
#include <map>
#include <string>

#include "diag/diagnostic.h"
#include "io/input_files.h"
#include "render/mustache.h"
#include "render/view.h"

namespace gongshi::render {

class Templates {
public:
    // Reads every *.mustache (partials from partials/); adds an error for a missing or unreadable folder.
    static Templates load(const io::InputFiles& input, const std::filesystem::path& dir, diag::Diagnostics& diags);

    bool has(const std::string& name) const { return pages_.count(name) != 0; }
    // Renders page template `name` with `view`, then the layout around it. Thread-safe.
    std::string render_page(const std::string& name, const View& view) const;
    // Renders one template on its own (no layout), e.g. feed.xml.
    std::string render_bare(const std::string& name, const View& view) const;
    // A digest of the text a page of template `name` is rendered from (with the layout and all partials),
    // so the build cache knows which pages a template change affects.
    std::uint64_t fingerprint(const std::string& name, bool with_layout) const;

private:
    std::map<std::string, mustache::Template> pages_;
    mustache::Partials partials_;
    // Per template: the digest of its text, of the layout's and of every partial's, computed once at load.
    std::map<std::string, std::uint64_t> fingerprint_bare_, fingerprint_page_;
};

std::string escape_html(std::string_view s);

}  // namespace gongshi::render
