#include "publish/build_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

constexpr const char* magic = "gongshi-cache 2";  // 2: the output folder's identity (S)

std::uint64_t checksum(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

// Fields are tab-separated; escape what would break a line.
std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string unescape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[++i];
            out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> parts;
    size_t at = 0;
    while (true) {
        const size_t end = line.find('\t', at);
        parts.push_back(unescape(std::string_view(line).substr(at, end == std::string::npos ? std::string::npos : end - at)));
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return parts;
}

std::optional<std::uint64_t> to_u64(const std::string& s) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 20) return std::nullopt;
    return std::stoull(s);
}

}  // namespace

fs::path cache_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".cache"); }

namespace {
fs::path pending_cache_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".cache.next"); }
}  // namespace

std::string folder_identity(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return "";
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

std::string generator_identity() {
    struct stat st {};
    if (::stat("/proc/self/exe", &st) != 0) return "unknown";
    return std::to_string(st.st_size) + "-" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

std::vector<InputStamp> stamp_inputs(const std::vector<fs::path>& dirs) {
    std::vector<InputStamp> out;
    for (const auto& dir : dirs) {
        std::error_code ec;
        for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
            struct stat st {};
            if (::lstat(e.path().c_str(), &st) != 0 || S_ISDIR(st.st_mode)) continue;
            out.push_back({e.path().generic_string(), static_cast<std::uint64_t>(st.st_size),
                           static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec});
        }
    }
    std::sort(out.begin(), out.end(), [](const InputStamp& a, const InputStamp& b) { return a.path < b.path; });
    return out;
}

void write_pending_cache(const fs::path& out_dir, const BuildCache& c) {
    std::string body;
    body += "G\t" + escape(c.generator) + "\n";
    body += "S\t" + escape(c.site) + "\n";
    body += "O\t" + escape(c.options) + "\n";
    for (const auto& i : c.inputs)
        body += "I\t" + escape(i.path) + "\t" + std::to_string(i.size) + "\t" + std::to_string(i.mtime_ns) + "\n";
    for (const auto& [path, o] : c.outputs)
        body += "W\t" + escape(path) + "\t" + std::to_string(o.key) + "\t" + std::to_string(o.size) + "\n";
    for (const auto& [id, name] : c.summary.projects) body += "P\t" + escape(id) + "\t" + escape(name) + "\n";
    for (const auto& [url, title] : c.summary.documents) body += "D\t" + escape(url) + "\t" + escape(title) + "\n";
    for (const auto& [key, tier] : c.summary.ratings) body += "R\t" + escape(key) + "\t" + escape(tier) + "\n";
    const std::string text = std::string(magic) + "\n" + body + "checksum\t" + std::to_string(checksum(body)) + "\n";
    const fs::path target = pending_cache_path(out_dir);
    const fs::path tmp = fs::path(target.string() + ".tmp-" + std::to_string(::getpid()));
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f.flush()) {
            std::error_code ec;
            fs::remove(tmp, ec);
            return;  // no cache: the next build is a full one, which is always correct
        }
    }
    fs::rename(tmp, target);
}

void promote_pending_cache(const fs::path& out_dir) {
    std::error_code ec;
    fs::rename(pending_cache_path(out_dir), cache_path(out_dir), ec);  // if it fails: no cache, a full build next
}

namespace {
std::optional<BuildCache> parse_body(const std::string& body, const std::string& generator);
}

namespace {
std::optional<BuildCache> read_cache_file(const fs::path& file, const std::string& generator) {
    std::ifstream f(file, std::ios::binary);
    if (!f) return std::nullopt;
    std::stringstream buf;
    buf << f.rdbuf();
    const std::string text = buf.str();
    const std::string head = std::string(magic) + "\n";
    if (text.rfind(head, 0) != 0) return std::nullopt;
    const size_t sum_at = text.rfind("checksum\t");
    if (sum_at == std::string::npos || sum_at < head.size()) return std::nullopt;
    const std::string body = text.substr(head.size(), sum_at - head.size());
    std::string sum_text = text.substr(sum_at + 9);
    if (!sum_text.empty() && sum_text.back() == '\n') sum_text.pop_back();
    if (to_u64(sum_text) != checksum(body)) return std::nullopt;

    try {
        return parse_body(body, generator);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}
}  // namespace

std::optional<BuildCache> read_cache(const fs::path& out_dir, const std::string& generator) {
    const std::string site = folder_identity(out_dir);
    if (site.empty()) return std::nullopt;
    std::error_code ec;
    if (fs::exists(pending_cache_path(out_dir), ec)) {
        auto pending = read_cache_file(pending_cache_path(out_dir), generator);
        if (pending && pending->site == site) {  // its build swapped the site in and was stopped before the rename
            promote_pending_cache(out_dir);
            return pending;
        }
        fs::remove(pending_cache_path(out_dir), ec);  // its build never swapped its site in
    }
    auto current = read_cache_file(cache_path(out_dir), generator);
    if (!current || current->site != site) return std::nullopt;
    return current;
}

namespace {
std::optional<BuildCache> parse_body(const std::string& body, const std::string& generator) {
    BuildCache c;
    std::istringstream lines(body);
    std::string line;
    while (std::getline(lines, line)) {
        const auto f = split_tabs(line);
        if (f[0] == "G" && f.size() == 2) c.generator = f[1];
        else if (f[0] == "S" && f.size() == 2) c.site = f[1];
        else if (f[0] == "O" && f.size() == 2) c.options = f[1];
        else if (f[0] == "I" && f.size() == 4) {
            auto size = to_u64(f[2]);
            if (!size) return std::nullopt;
            c.inputs.push_back({f[1], *size, std::stoll(f[3])});
        } else if (f[0] == "W" && f.size() == 4) {
            auto key = to_u64(f[2]);
            auto size = to_u64(f[3]);
            if (!key || !size) return std::nullopt;
            c.outputs[f[1]] = {*key, *size};
        } else if (f[0] == "P" && f.size() == 3) c.summary.projects[f[1]] = f[2];
        else if (f[0] == "D" && f.size() == 3) c.summary.documents[f[1]] = f[2];
        else if (f[0] == "R" && f.size() == 3) c.summary.ratings[f[1]] = f[2];
        else return std::nullopt;
    }
    if (c.generator != generator) return std::nullopt;
    return c;
}
}  // namespace

bool outputs_intact(const fs::path& out_dir, const BuildCache& cache) {
    for (const auto& [path, o] : cache.outputs) {
        struct stat st {};
        if (::stat((out_dir / path).c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_size) != o.size) return false;
    }
    return true;
}

}  // namespace gongshi::publish
