#include "render/render.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "model/permalinks.h"
#include "render/open_data_files.h"
#include "render/page_list.h"
#include "render/pagination.h"
#include "render/view_hash.h"
#include "render/views/page_views.h"

namespace gongshi::render {

namespace fs = std::filesystem;

std::vector<std::string> RenderResult::written_paths(std::size_t at_most) const {
    std::vector<std::string> out;
    for (const auto& [path, file] : files)
        if (file.written && out.size() < at_most) out.push_back(path);
    return out;
}

std::size_t RenderResult::written_count() const {
    return static_cast<std::size_t>(
        std::count_if(files.begin(), files.end(), [](const auto& f) { return f.second.written; }));
}

std::vector<std::string> RenderResult::unchanged_paths() const {
    std::vector<std::string> out;
    for (const auto& [path, file] : files)
        if (!file.written) out.push_back(path);
    return out;
}

namespace {

struct Renderer {
    const Templates& templates;
    OutputSink& sink;
    const PreviousOutput& previous;
    RenderResult& result;
    std::atomic<long long> views_built{0};

    std::optional<RenderedFile> before(const std::string& path) const {
        return previous ? previous(path) : std::nullopt;
    }

    // Writes the file unless the previous build's (`was`) has the same key; returns what the output now holds.
    RenderedFile emit(const std::string& path, const std::optional<RenderedFile>& was, std::uint64_t key,
                      std::uint64_t depends, const std::function<std::string()>& make) {
        if (was && was->key == key) return {was->key, was->size, false, depends};
        const std::string bytes = make();
        sink.write(path, bytes);
        return {key, bytes.size(), true, depends};
    }

    RenderedFile run(const PageJob& job) {
        const std::optional<RenderedFile> was = before(job.path);
        if (job.kind == PageJob::Kind::raw) {
            std::string bytes = job.bytes();
            return emit(job.path, was, hash::Fingerprint().add(bytes).value(), 0, [&] { return std::move(bytes); });
        }
        const bool in_layout = job.kind == PageJob::Kind::page;
        const std::uint64_t template_key = templates.fingerprint(job.template_name, in_layout);
        // Made from the same files with the same template as last time: the page is left alone unbuilt.
        std::uint64_t depends = 0;
        if (job.depends) {
            depends = hash::KeyChain().add(template_key).add(job.depends()).value() | 1;  // 0 means "none"
            if (was && was->depends == depends) return {was->key, was->size, false, depends};
        }
        const View view = job.view();
        ++views_built;
        const std::uint64_t key = add_view(hash::Fingerprint().add(template_key), view).value();
        return emit(job.path, was, key, depends, [&] {
            return in_layout ? templates.render_page(job.template_name, view) : templates.render_bare(job.template_name, view);
        });
    }

    // Heavy jobs (PageJob::heavy, and the open data's) run one after another on the first thread while the others
    // render the small pages; a thread that runs out of small pages takes the next heavy job. The output does not
    // depend on the order. In a full build the small pages keep the other threads busy, so the peak memory holds
    // about one heavy job; in a rebuild most small pages are left unbuilt (their dependency keys), and the heavy
    // jobs are most of the render. Each job's outcome goes to its own slot, and into result.files only after all
    // are done: no lock, and 100 000 long-lived map nodes are not allocated in between the pages' short-lived
    // memory (interleaved, they made the peak RSS at 100 000 projects vary from 0.6 to 1.0 GB between identical
    // runs).
    void run_all(const std::vector<PageJob>& jobs, OpenDataFiles& data, int threads, const Progress& progress) {
        std::vector<RenderedFile> outcome(jobs.size());
        std::vector<size_t> heavy, light;
        for (size_t i = 0; i < data.job_count(); ++i) heavy.push_back(jobs.size() + i);  // before the heavy pages
        for (size_t i = 0; i < jobs.size(); ++i) (jobs[i].heavy ? heavy : light).push_back(i);
        std::atomic<size_t> next_heavy{0}, next_light{0};
        std::atomic<bool> stop{false};
        std::atomic<long long> done{0};
        const long long total = static_cast<long long>(jobs.size() + data.job_count());
        std::exception_ptr failure;
        std::mutex failure_mutex;
        auto drain = [&](const std::vector<size_t>& lane, std::atomic<size_t>& next) {
            for (size_t i = next++; i < lane.size() && !stop; i = next++) {
                try {
                    if (lane[i] < jobs.size()) outcome[lane[i]] = run(jobs[lane[i]]);
                    else data.run(lane[i] - jobs.size());
                    if (const long long d = ++done; progress && (d % 256 == 0 || d == total)) progress(d, total);
                } catch (...) {
                    std::lock_guard lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                    stop = true;
                }
            }
        };
        std::vector<std::thread> pool;
        for (int i = 1; i < threads; ++i) pool.emplace_back([&] { drain(light, next_light); drain(heavy, next_heavy); });
        drain(heavy, next_heavy);
        drain(light, next_light);
        for (auto& t : pool) t.join();
        if (failure) std::rethrow_exception(failure);
        for (size_t i = 0; i < jobs.size(); ++i) result.files[jobs[i].path] = outcome[i];
    }
};

// The asset URLs the pages link to.
Assets links_to(const PublishedAssets& published) {
    Assets assets;
    const auto url = [&](const char* name) {
        auto it = published.url_of.find(name);
        return it == published.url_of.end() ? std::string() : it->second;
    };
    assets.css_url = url("style.css");
    assets.js_url = url("site.js");
    assets.search_js_url = url("search.js");
    return assets;
}

}  // namespace

RenderResult render_site(const model::Site& site, const Templates& templates, const PublishedAssets& published,
                         OutputSink& sink, int jobs, const PreviousOutput& previous,
                         model::ChangeSet changes, const Progress& progress, const PreviousBytes& previous_bytes) {
    RenderResult result;
    result.files = published.files;  // written before any page, so the change log lists them too
    Renderer r{templates, sink, previous, result, {}};
    const Assets assets = links_to(published);
    const PageList list = list_pages(site, assets);
    const std::vector<PageJob>& pages = list.jobs;
    OpenDataFiles data(site, sink, previous, previous_bytes);
    r.run_all(pages, data, std::max(1, jobs), progress);
    result.files.merge(data.finish());
    result.data_parts_made = data.parts_made();
    for (const auto& p : pages)
        if (p.kind == PageJob::Kind::page && p.path.size() > 5 && p.path.compare(p.path.size() - 5, 5, ".html") == 0) ++result.pages;

    // Last, the log of what this build changed (its own page is not part of the list).
    // The log lists the first of them (not a copy of every path: at a full build of 1 000 000 projects, 80 MB).
    changes.pages_changed = result.written_paths(page_size + 1);
    changes.pages_changed_count = result.written_count();
    const std::string log_path = model::file_of_url("/changes/");
    if (auto before = r.before(log_path); before && changes.compared && changes.empty()) {
        result.files[log_path] = *before;
    } else {
        const PageJob log{log_path, PageJob::Kind::page, "changes",
                          [&] { return changes_view(site, assets, changes); }, {}, true, false, {}};
        result.files[log_path] = r.run(log);
    }
    ++result.pages;
    result.views_built = r.views_built;
    return result;
}

}  // namespace gongshi::render
