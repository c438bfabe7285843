#include "import/project_names.h"

#include "import/noise.h"

namespace gongshi::importer {

namespace {


void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}


}  // namespace

const std::vector<std::string>& name_endings() {
    static const std::vector<std::string> endings{"养老幸福工程", "幸福养老工程", "幸福工程"};
    return endings;
}

std::string matching_key(std::string_view name) {
    std::string key = without_spaces(fold_width(name));
    if (key.ends_with("项目")) key.erase(key.size() - std::string_view("项目").size());
    replace_all(key, "幸福养老工程", "养老幸福工程");
    return key;
}

std::vector<std::string> missing_endings(std::string_view name) {
    const std::string key = without_spaces(name);
    std::vector<std::string> out;
    for (const auto& ending : name_endings())
        if (key.ends_with(ending) || key.ends_with(ending + "项目")) return {};
    for (const auto& ending : name_endings()) {
        // The longest start of the ending (two characters at least, not all of it) the name ends with.
        const auto cuts = char_boundaries(ending);
        for (size_t k = cuts.size() - 2; k >= 2; --k) {
            const std::string_view start = std::string_view(ending).substr(0, cuts[k]);
            if (key.ends_with(start)) {
                const std::string rest = ending.substr(cuts[k]);
                bool seen = false;
                for (const auto& o : out) seen = seen || o == rest;
                if (!seen) out.push_back(rest);
                break;
            }
        }
    }
    return out;
}

}  // namespace gongshi::importer
