// The watcher reports an edit to an input folder once the edits have settled, and stops when asked.
#include "serve/watcher.h"

#include <catch2/catch.hpp>
#include <future>
#include <thread>

#include "test_support.h"

using namespace gongshi;
using namespace gongshi::testing;
using namespace std::chrono_literals;

namespace {

// wait_for_change(), except that a watcher which never reports gives up after 30 s (false) instead of hanging.
bool change_within_deadline(serve::Watcher& watcher) {
    std::promise<void> done;
    std::thread stopper([&watcher, reported = done.get_future()] {
        if (reported.wait_for(30s) == std::future_status::timeout) watcher.stop();
    });
    const bool changed = watcher.wait_for_change();
    done.set_value();
    stopper.join();
    return changed;
}

}  // namespace

TEST_CASE("an edited input file is reported as a change", "[serve]") {
    TempDir tmp;
    write_text(tmp.path() / "content" / "a.yaml", "a: 1\n");
    serve::Watcher watcher({tmp.path() / "content"}, 20ms);
    write_text(tmp.path() / "content" / "a.yaml", "a: 12\n");  // a different size: no clock-resolution doubt
    CHECK(change_within_deadline(watcher));
}

TEST_CASE("a new file in a new folder is reported as a change", "[serve]") {
    TempDir tmp;
    fs::create_directories(tmp.path() / "content");
    serve::Watcher watcher({tmp.path() / "content"}, 20ms);
    write_text(tmp.path() / "content" / "projects" / "new.yaml", "id: new\n");
    CHECK(change_within_deadline(watcher));
}

TEST_CASE("stop() ends a wait for a change that never comes", "[serve]") {
    TempDir tmp;
    serve::Watcher watcher({tmp.path()}, 20ms);
    std::thread stopper([&] {
        std::this_thread::sleep_for(50ms);
        watcher.stop();
    });
    CHECK_FALSE(watcher.wait_for_change());
    stopper.join();
}
