#include "publish/build_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "render/view_hash.h"

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

using Json = nlohmann::json;

// The file: this line, then the cache as CBOR. The checksum (of the CBOR bytes) catches a flipped byte that
// would still decode.
constexpr std::string_view magic = "gongshi-cache 4 ";  // 4: the previous edition; 3: CBOR body; 2: folder identity

fs::path pending_cache_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".cache.next"); }

std::uint64_t checksum(std::string_view bytes) { return render::Fingerprint().add(bytes).value(); }

Json to_json(const BuildCache& c) {
    Json inputs = Json::array();
    for (const auto& i : c.inputs) inputs.push_back({i.path, i.size, i.mtime_ns});
    Json outputs = Json::object();
    for (const auto& [path, o] : c.outputs) outputs[path] = {o.key, o.size};
    return {{"generator", c.generator}, {"site", c.site},    {"options", c.options},
            {"inputs", inputs},         {"outputs", outputs}, {"projects", c.summary.projects},
            {"documents", c.summary.documents}, {"ratings", c.summary.ratings},
            {"previous", c.previous}};
}

// Throws (nlohmann's type errors) on a body of the wrong shape.
BuildCache from_json(const Json& j) {
    BuildCache c;
    c.generator = j.at("generator").get<std::string>();
    c.site = j.at("site").get<std::string>();
    c.options = j.at("options").get<std::string>();
    for (const auto& i : j.at("inputs"))
        c.inputs.push_back({i.at(0).get<std::string>(), i.at(1).get<std::uint64_t>(), i.at(2).get<std::int64_t>()});
    for (const auto& [path, o] : j.at("outputs").items())
        c.outputs[path] = {o.at(0).get<std::uint64_t>(), o.at(1).get<std::uint64_t>()};
    c.summary.projects = j.at("projects").get<std::map<std::string, std::string>>();
    c.summary.documents = j.at("documents").get<std::map<std::string, std::string>>();
    c.summary.ratings = j.at("ratings").get<std::map<std::string, std::string>>();
    c.previous = j.at("previous").get<std::string>();
    return c;
}

std::optional<BuildCache> read_cache_file(const fs::path& file, const std::string& generator) {
    std::ifstream f(file, std::ios::binary);
    if (!f) return std::nullopt;
    std::stringstream buf;
    buf << f.rdbuf();
    const std::string text = buf.str();
    const size_t eol = text.find('\n');
    if (eol == std::string::npos || text.compare(0, magic.size(), magic) != 0) return std::nullopt;
    const std::string_view body = std::string_view(text).substr(eol + 1);
    if (text.substr(magic.size(), eol - magic.size()) != std::to_string(checksum(body))) return std::nullopt;
    const Json j = Json::from_cbor(body.begin(), body.end(), true, false);
    if (j.is_discarded()) return std::nullopt;
    try {
        BuildCache c = from_json(j);
        if (c.generator != generator) return std::nullopt;
        return c;
    } catch (const Json::exception&) {
        return std::nullopt;
    }
}

}  // namespace

fs::path cache_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".cache"); }

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
        // Never throws: a file or folder removed during the walk (a `git checkout`, an editor's temporary files) is
        // left out or ends the walk early; the stamps then differ from any cache's, which is always safe.
        std::error_code ec;
        for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            struct stat st {};
            if (::lstat(it->path().c_str(), &st) != 0 || S_ISDIR(st.st_mode)) continue;
            out.push_back({it->path().generic_string(), static_cast<std::uint64_t>(st.st_size),
                           static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec});
        }
    }
    std::sort(out.begin(), out.end(), [](const InputStamp& a, const InputStamp& b) { return a.path < b.path; });
    return out;
}

void write_pending_cache(const fs::path& out_dir, const BuildCache& c) {
    const std::vector<std::uint8_t> cbor = Json::to_cbor(to_json(c));
    const std::string_view body(reinterpret_cast<const char*>(cbor.data()), cbor.size());
    const fs::path target = pending_cache_path(out_dir);
    const fs::path tmp = fs::path(target.string() + ".tmp-" + std::to_string(::getpid()));
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << magic << checksum(body) << '\n';
        f.write(body.data(), static_cast<std::streamsize>(body.size()));
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

bool outputs_intact(const fs::path& out_dir, const BuildCache& cache) {
    for (const auto& [path, o] : cache.outputs) {
        struct stat st {};
        if (::stat((out_dir / path).c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_size) != o.size) return false;
    }
    return true;
}

}  // namespace gongshi::publish
