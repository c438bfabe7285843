#include "serve/build_status.h"

#include "serve/error_page.h"

namespace gongshi::serve {

BuildStatus::BuildStatus(std::string boot_id) : boot_id_(std::move(boot_id)) {}

void BuildStatus::record(bool ok, const diag::Diagnostics& diags) {
    std::string page = ok ? std::string() : render_error_page(diags.sorted(), io::DiskFiles());
    {
        const std::lock_guard lock(mutex_);
        ++builds_;
        ok_ = ok;
        error_page_ = std::move(page);
    }
    changed_.notify_all();
}

BuildOutcome BuildStatus::latest() const {
    const std::lock_guard lock(mutex_);
    return {version_locked(), ok_, error_page_};
}

std::string BuildStatus::version() const {
    const std::lock_guard lock(mutex_);
    return version_locked();
}

std::string BuildStatus::wait_for_change(const std::string& seen, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopped_ || version_locked() != seen; });
    return version_locked();
}

void BuildStatus::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    changed_.notify_all();
}

bool BuildStatus::stopped() const {
    const std::lock_guard lock(mutex_);
    return stopped_;
}

std::string BuildStatus::version_locked() const { return boot_id_ + "-" + std::to_string(builds_); }

}  // namespace gongshi::serve
