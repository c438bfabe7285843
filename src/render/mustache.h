// A Mustache template compiled once and rendered straight from a View: the sections, inverted sections, variables,
// comments and partials our templates use, with Mustache's standalone-line rules. Set-delimiter tags and lambdas are
// not supported (a template that uses them is an error at its position).
//
// Why not a library: mstch and kainjow/mustache (both in Debian) parse partials on every render and need the view
// copied into their own node tree; mstch was 56 % of a full build's instructions (bench/RESULTS.md). Output is
// byte-identical to mstch's on every template of this repository (tests/render/mustache_test.cpp).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "render/view.h"

namespace gongshi::render::mustache {

struct Node;
class Template;
using Partials = std::map<std::string, Template, std::less<>>;

class Template {
public:
    // Compiles `text` (read from `path`); syntax errors are added to `diags` at their line and column, and the
    // template then renders nothing.
    static Template compile(std::string_view text, const std::string& path, diag::Diagnostics& diags);

    // Appends the output for `view` to `out`. `overlay`, if given, is looked up before `view` (the layout's
    // {{{content}}}). Partials are looked up by name in `partials`; an unknown one renders nothing.
    void render(const View& view, const Partials& partials, std::string& out, const View* overlay = nullptr) const;

    // The names of the partials this template uses ({{> name}}), directly.
    std::vector<std::string> partial_names() const;

    const std::vector<Node>& nodes() const { return nodes_; }

private:
    std::vector<Node> nodes_;
};

struct Node {
    enum class Kind { text, variable, raw_variable, section, inverted, partial };
    Kind kind = Kind::text;
    std::string text;                // the literal text, or the tag's name
    std::vector<std::string> path;   // the name split at '.' ("." stays whole)
    bool line_start = false;         // a standalone partial's indentation is written before such a node
    bool close_line_start = false;   // a section whose closing tag starts a line: the indentation ends each pass
    std::string indent;              // for a partial: the whitespace before it on its standalone line
    std::vector<Node> children;      // for a section
};

// `s` escaped for HTML text and attribute values, appended to `out` (braces too, so data never reads as a tag).
void append_escaped(std::string& out, std::string_view s);

}  // namespace gongshi::render::mustache
