#include "serve/watcher.h"

namespace gongshi::serve {

Watcher::Watcher(std::vector<std::filesystem::path> dirs, std::chrono::milliseconds interval)
    : dirs_(std::move(dirs)),
      interval_(interval),
      seen_(publish::stamp_inputs(dirs_)) {}

bool Watcher::wait_for_change() {
    while (sleep()) {
        auto now = publish::stamp_inputs(dirs_);
        if (now == seen_) continue;
        while (true) {  // debounce: wait until two polls in a row agree
            if (!sleep()) return false;
            auto again = publish::stamp_inputs(dirs_);
            if (again == now) break;
            now = std::move(again);
        }
        seen_ = std::move(now);
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
