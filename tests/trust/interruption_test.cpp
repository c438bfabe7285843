// Concurrency and interruption: two builds of one output at once end cleanly with one correct site; a build
// killed with SIGKILL at random moments leaves the previous site byte-identical, and the next build cleans up
// the dead build's staging folder and matches a clean build.
#include <catch2/catch.hpp>

#include <csignal>
#include <chrono>
#include <random>
#include <thread>

#include "test_support.h"
#include "trust/trust_support.h"

using namespace gongshi::testing;
using gongshi::trust::build_args;
using gongshi::trust::Child;
using gongshi::trust::has_crash_report;
using gongshi::trust::run_in;

namespace {

constexpr int generated_projects = 1500;

// The good fixture plus many projects, so that a build takes long enough to be killed in the middle.
// `edition` changes every project's name, so that a second edition rewrites every project page.
fs::path write_large_content(const fs::path& dir, const std::string& name, int edition) {
    const fs::path c = dir / name;
    fs::copy(fixture("good"), c, fs::copy_options::recursive);
    for (int i = 0; i < generated_projects; ++i) {
        const std::string id = "taiyuan-yingze-gen" + std::to_string(i) + "-2023";
        write_text(c / "projects/taiyuan/gen" / (id + ".yaml"),
                   "id: " + id + "\nname: 太原市迎泽区第" + std::to_string(i) + "号社区养老幸福工程（第" +
                       std::to_string(edition) + "版）\nyear: 2023\ncity: taiyuan\ncounty: 迎泽区\n");
    }
    return c;
}

std::vector<std::string> leftovers(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".staging-") != std::string::npos) out.push_back(e.path().string());
    return out;
}

}  // namespace

TEST_CASE("two builds started together on one output both end cleanly with one complete, correct site",
          "[.][trust][publish][concurrency]") {
    TempDir work;
    write_large_content(work.path(), "content", 1);
    REQUIRE(run_in(work.path(), build_args("content", "clean", {"--jobs", "1"})).status == 0);
    const auto clean = read_tree(work.path() / "clean");

    for (int round = 0; round < 2; ++round) {
        INFO("round " << round);
        fs::remove_all(work.path() / "site");
        fs::remove(work.path() / "site.cache");
        Child a(work.path(), build_args("content", "site", {"--jobs", "1"}), work.path() / "a.log");
        Child b(work.path(), build_args("content", "site", {"--jobs", "1"}), work.path() / "b.log");
        const int status_a = a.wait(), status_b = b.wait();
        INFO(a.output() << "\n---\n" << b.output());
        CHECK(status_a == 0);
        CHECK(status_b == 0);
        CHECK_FALSE(has_crash_report(a.output() + b.output()));
        // One of them built the site; the other waited on the lock and found it up to date.
        CHECK((a.output() + b.output()).find("is up to date") != std::string::npos);
        CHECK(read_tree(work.path() / "site") == clean);
        CHECK(leftovers(work.path()).empty());
    }
}

TEST_CASE("a build killed at random moments leaves the previous site intact; the next build succeeds",
          "[.][trust][publish][interruption]") {
    TempDir work;
    write_large_content(work.path(), "v1", 1);
    write_large_content(work.path(), "v2", 2);
    // A clean build of the second edition, and how long it takes: the kill moments are spread over that time.
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(run_in(work.path(), build_args("v2", "clean", {"--jobs", "1"})).status == 0);
    const auto full_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    const auto clean_v2 = read_tree(work.path() / "clean");
    fs::remove_all(work.path() / "clean");

    REQUIRE(run_in(work.path(), build_args("v1", "site", {"--jobs", "1"})).status == 0);
    const auto v1 = read_tree(work.path() / "site");
    REQUIRE(v1.size() > generated_projects);

    std::mt19937 rng(20261123);
    std::uniform_int_distribution<long> moment(0, std::max<long>(1, static_cast<long>(full_ms)));
    int killed = 0;
    for (int i = 0; i < 10; ++i) {
        const long ms = moment(rng);
        INFO("attempt " << i << ": kill after " << ms << " ms of a build that takes about " << full_ms << " ms");
        Child child(work.path(), build_args("v2", "site", {"--jobs", "2"}), work.path() / "killed.log");
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        child.kill_now();
        const bool was_killed = child.wait() == 128 + SIGKILL;
        INFO(child.output());
        if (!was_killed) {
            // It finished first: then it must have published the whole new site; put the old one back.
            CHECK(child.wait() == 0);
            CHECK(read_tree(work.path() / "site") == clean_v2);
            REQUIRE(run_in(work.path(), build_args("v1", "site", {"--jobs", "1"})).status == 0);
            continue;
        }
        ++killed;
        CHECK(read_tree(work.path() / "site") == v1);
    }
    CHECK(killed >= 5);

    const auto next = run_in(work.path(), build_args("v2", "site", {"--jobs", "2"}));
    INFO(next.output);
    CHECK(next.status == 0);
    CHECK_FALSE(has_crash_report(next.output));
    CHECK(leftovers(work.path()).empty());
    CHECK(read_tree(work.path() / "site") == clean_v2);
}
