// Notices edits under the input folders by polling every file's size and modification time — the same stamps
// the incremental build compares (publish::stamp_inputs), so "changed" means the same thing to both.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <vector>

#include "publish/build_cache.h"

namespace gongshi::serve {

class Watcher {
public:
    // Takes the first snapshot now: an edit made after construction is reported even if a build is running.
    Watcher(std::vector<std::filesystem::path> dirs, std::chrono::milliseconds interval);

    // Blocks until the inputs have changed and then stayed the same for one more interval (editors and
    // `git checkout` write in bursts); false once stop() was called.
    bool wait_for_change();
    // Wakes wait_for_change() for good; callable from any thread.
    void stop();

private:
    bool sleep();  // one interval, or less if stopped; false if stopped

    const std::vector<std::filesystem::path> dirs_;
    const std::chrono::milliseconds interval_;
    std::vector<publish::InputStamp> seen_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopped_ = false;
};

}  // namespace gongshi::serve
