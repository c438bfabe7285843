// The watcher reports an edit to an input folder once the edits have settled, and stops when asked.
#include "serve/watcher.h"

#include <catch2/catch.hpp>
#include <thread>

#include "test_support.h"

using namespace gongshi;
using namespace gongshi::testing;
using namespace std::chrono_literals;

TEST_CASE("an edited input file is reported as a change", "[serve]") {
    TempDir tmp;
    write_text(tmp.path() / "content" / "a.yaml", "a: 1\n");
    serve::Watcher watcher({tmp.path() / "content"}, 20ms);
    write_text(tmp.path() / "content" / "a.yaml", "a: 12\n");  // a different size: no clock-resolution doubt
    CHECK(watcher.wait_for_change());
}

TEST_CASE("a new file in a new folder is reported as a change", "[serve]") {
    TempDir tmp;
    fs::create_directories(tmp.path() / "content");
    serve::Watcher watcher({tmp.path() / "content"}, 20ms);
    write_text(tmp.path() / "content" / "projects" / "new.yaml", "id: new\n");
    CHECK(watcher.wait_for_change());
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
