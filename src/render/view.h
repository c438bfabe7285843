// A view-model: the plain tree of text, flags, lists and maps a template is rendered from.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace gongshi::render {

struct View;
using ViewList = std::vector<View>;
using ViewMap = std::map<std::string, View>;

struct View {
    std::variant<std::string, bool, ViewList, ViewMap> value;

    View() : value(ViewMap{}) {}
    View(std::string s) : value(std::move(s)) {}
    View(const char* s) : value(std::string(s)) {}
    View(bool b) : value(b) {}
    View(int n) : value(std::to_string(n)) {}
    View(ViewList l) : value(std::move(l)) {}
    View(ViewMap m) : value(std::move(m)) {}

    // For building maps in place: view["title"] = "…".
    View& operator[](const std::string& key) { return std::get<ViewMap>(value)[key]; }
};

}  // namespace gongshi::render
