#include "render/render.h"

#include <atomic>
#include <exception>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#include <thread>

#include "render/page_list.h"

namespace gongshi::render {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string short_hash(const std::string& bytes) {
    // FNV-1a 64: a stable content fingerprint (std::hash is not guaranteed stable across builds).
    unsigned long long h = 1469598103934665603ULL;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", h);
    return std::string(buf, 10);
}

// Copies assets/ with a content hash in each file name ("style.css" → "style.1a2b3c4d5e.css").
Assets publish_assets(const fs::path& dir, publish::OutputSink& sink, long long& files) {
    Assets assets;
    std::error_code ec;
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file() && !e.is_symlink()) found.push_back(e.path());
    std::sort(found.begin(), found.end());
    for (const auto& f : found) {
        const std::string bytes = read_file(f);
        const fs::path rel = f.lexically_relative(dir);
        const std::string name = rel.stem().string() + "." + short_hash(bytes) + rel.extension().string();
        const std::string out = "assets/" + (rel.parent_path() / name).generic_string();
        sink.write(out, bytes);
        ++files;
        const std::string url = "/" + out;
        if (rel.generic_string() == "style.css") assets.css_url = url;
        if (rel.generic_string() == "site.js") assets.js_url = url;
    }
    return assets;
}

void run_parallel(const std::vector<PageJob>& jobs, publish::OutputSink& sink, int threads) {
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto worker = [&] {
        for (size_t i = next++; i < jobs.size(); i = next++) {
            try {
                sink.write(jobs[i].path, jobs[i].make());
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                next = jobs.size();
            }
        }
    };
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

RenderStats render_site(const model::Site& site, const Templates& templates, const fs::path& assets_dir,
                        publish::OutputSink& sink, int jobs) {
    RenderStats stats;
    const Assets assets = publish_assets(assets_dir, sink, stats.files);
    const std::vector<PageJob> pages = list_pages(site, templates, assets);
    run_parallel(pages, sink, std::max(1, jobs));
    for (const auto& p : pages)
        if (!p.is_redirect && p.path.size() > 5 && p.path.compare(p.path.size() - 5, 5, ".html") == 0) ++stats.pages;
    stats.files += static_cast<long long>(pages.size());
    return stats;
}

}  // namespace gongshi::render
