#include "serve/watcher.h"

#include <optional>

namespace gongshi::serve {

namespace {

// A folder removed while it is walked (a `git checkout`, an editor's temporary files) makes the walk throw:
// then there is no snapshot this time, and the next poll tries again.
std::optional<std::vector<publish::InputStamp>> try_stamp(const std::vector<std::filesystem::path>& dirs) {
    try {
        return publish::stamp_inputs(dirs);
    } catch (const std::filesystem::filesystem_error&) {
        return std::nullopt;
    }
}

}  // namespace

Watcher::Watcher(std::vector<std::filesystem::path> dirs, std::chrono::milliseconds interval)
    : dirs_(std::move(dirs)),
      interval_(interval),
      seen_(try_stamp(dirs_).value_or(std::vector<publish::InputStamp>{})) {}

bool Watcher::wait_for_change() {
    while (sleep()) {
        auto now = try_stamp(dirs_);
        if (!now || *now == seen_) continue;
        while (true) {  // debounce: wait until two polls in a row agree
            if (!sleep()) return false;
            auto again = try_stamp(dirs_);
            if (again && *again == *now) break;
            if (again) now = std::move(again);
        }
        seen_ = std::move(*now);
        return true;
    }
    return false;
}

void Watcher::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    wake_.notify_all();
}

bool Watcher::sleep() {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, interval_, [this] { return stopped_; });
}

}  // namespace gongshi::serve
