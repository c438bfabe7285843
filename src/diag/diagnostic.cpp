#include "diag/diagnostic.h"

#include "diag/excerpt.h"

#include <algorithm>
#include <tuple>

namespace gongshi::diag {

void Diagnostics::error(SourcePos pos, std::string message, std::string hint) {
    items_.push_back({Severity::error, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::string hint) {
    items_.push_back({Severity::warning, std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

int Diagnostics::error_count() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int Diagnostics::warning_count() const { return static_cast<int>(items_.size()) - error_count(); }

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.path, a.pos.line, a.pos.col) < std::tie(b.pos.path, b.pos.line, b.pos.col);
    });
    return out;
}

std::string format(const Diagnostic& d) {
    std::string out = d.pos.path;
    if (d.pos.line > 0) {
        out += ":" + std::to_string(d.pos.line) + ":" + std::to_string(std::max(d.pos.col, 1));
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    if (!d.hint.empty()) out += " — " + d.hint;
    return out;
}

static std::string plural(int n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string format_all(const Diagnostics& diags, const io::InputFiles& sources) {
    if (diags.all().empty()) return {};
    std::string out;
    for (const Diagnostic& d : diags.sorted()) {
        out += format(d) + "\n";
        if (const auto e = excerpt(d, sources)) out += format_excerpt(*e);
    }
    out += plural(diags.error_count(), "error") + ", " + plural(diags.warning_count(), "warning") + "\n";
    return out;
}

}  // namespace gongshi::diag
