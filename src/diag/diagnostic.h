// A diagnostic: one located finding about the content (error or warning), printed like a compiler's.
#pragma once

#include <compare>
#include <memory>
#include <string>
#include <vector>

namespace gongshi::io {
class InputFiles;
}

namespace gongshi::diag {

// A file's path as shown in messages. Every record, field and YAML node of a file carries its position, so the
// path is shared, not copied: at 100 000 projects the copies were millions of allocations while loading.
class SourcePath {
public:
    SourcePath() = default;
    SourcePath(std::string path) : path_(std::make_shared<const std::string>(std::move(path))) {}
    SourcePath(const char* path) : SourcePath(std::string(path)) {}
    const std::string& str() const { return path_ ? *path_ : none(); }
    operator const std::string&() const { return str(); }
    bool empty() const { return str().empty(); }
    friend bool operator==(const SourcePath& a, const SourcePath& b) { return a.str() == b.str(); }
    friend std::strong_ordering operator<=>(const SourcePath& a, const SourcePath& b) { return a.str() <=> b.str(); }

private:
    static const std::string& none() {
        static const std::string empty;
        return empty;
    }
    std::shared_ptr<const std::string> path_;
};

// 1-based line and column; line 0 means "the whole file".
struct SourcePos {
    SourcePath path;
    int line = 0;
    int col = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    SourcePos pos;
    std::string message;  // what is wrong
    std::string hint;     // what to do
};

// Collects the findings of a whole run; stages add to it and the pipeline stops between stages on errors.
class Diagnostics {
public:
    void error(SourcePos pos, std::string message, std::string hint);
    void warning(SourcePos pos, std::string message, std::string hint);
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return items_; }
    int error_count() const;
    int warning_count() const;
    bool has_errors() const { return error_count() > 0; }
    // Stable order for printing: by path, line, column, then insertion.
    std::vector<Diagnostic> sorted() const;

private:
    std::vector<Diagnostic> items_;
};

// "path:line:col: error: message — hint"
std::string format(const Diagnostic& d);
// Every diagnostic, one per line, each followed by its source line and a caret under the column when it names a
// line of a file `sources` can read (diag/excerpt.h), then "N errors, M warnings" (empty string if there are none).
std::string format_all(const Diagnostics& diags, const io::InputFiles& sources);

}  // namespace gongshi::diag
