// The outcome of the preview's latest build, numbered so that browsers can tell when to reload.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

#include "diag/diagnostic.h"

namespace gongshi::serve {

struct BuildOutcome {
    std::string version;  // "<boot>-<n>": changes after every build, and when the server restarts
    bool ok = true;
    std::string error_page;  // when !ok: the page every page request gets instead (rendered once, by record)
};

// Shared between the rebuild thread (writer) and the request threads (readers); every member is thread-safe.
class BuildStatus {
public:
    explicit BuildStatus(std::string boot_id);

    // Records the outcome of a finished build (rendering the error page of a failed one, with the sources quoted
    // as they are now) and wakes everyone waiting for a change.
    void record(bool ok, const diag::Diagnostics& diags);
    BuildOutcome latest() const;
    std::string version() const;
    // Waits until the version is no longer `seen`, stop() is called, or the timeout passes; returns the
    // version.
    std::string wait_for_change(const std::string& seen, std::chrono::milliseconds timeout) const;
    // Wakes every waiter for good (the server is shutting down).
    void stop();
    bool stopped() const;

private:
    std::string version_locked() const;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    const std::string boot_id_;
    unsigned long long builds_ = 0;
    bool ok_ = true;
    std::string error_page_;
    bool stopped_ = false;
};

}  // namespace gongshi::serve
