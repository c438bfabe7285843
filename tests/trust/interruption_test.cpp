// Concurrency and interruption: two builds of one output at once end cleanly with one correct site; a build
// killed with SIGKILL at random moments leaves the previous site byte-identical, and the next build cleans up
// the dead build's staging folder and matches a clean build.
#include <catch2/catch.hpp>

#include <csignal>
#include <functional>
#include <map>
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

// Enough for a build (with its search index) to last a few seconds under the sanitizers, so kills land in every stage.
constexpr int generated_projects = 300;

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

// The paths where two trees differ (at most a few), for a readable failure; empty when they are byte-identical.
std::vector<std::string> differences(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
    std::vector<std::string> out;
    for (const auto& [path, bytes] : a) {
        auto it = b.find(path);
        if (it == b.end()) out.push_back("only in the first: " + path);
        else if (it->second != bytes) out.push_back("differs: " + path);
    }
    for (const auto& [path, bytes] : b)
        if (!a.count(path)) out.push_back("only in the second: " + path);
    if (out.size() > 8) out.resize(8);
    return out;
}

}  // namespace

TEST_CASE("two builds started together on one output both end cleanly with one complete, correct site",
          "[trust][publish][concurrency]") {
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
        CHECK(staging_leftovers(work.path()).empty());
    }
}

namespace {

// Builds `content` into "site" in `work` and kills it at random moments, at least 5 times: each time the site must
// be `before` byte for byte (killed before the swap) or `after` whole (killed after it, or it finished), and the next
// build must clean up and publish `after` whole. `reset` puts the site back as it was before each attempt.
// `full_ms`, how long the same build took uninterrupted, spreads the kill moments.
void kill_at_random_moments(const fs::path& work, const std::string& content, const std::function<void()>& reset,
                            const std::map<std::string, std::string>& before,
                            const std::map<std::string, std::string>& after, long full_ms) {
    // A build that finishes before its kill (the machine was faster than when the reference ran) narrows the range,
    // so that most attempts land inside a build.
    std::mt19937 rng(20261123);
    double horizon_ms = static_cast<double>(std::max<long>(1, full_ms));
    int attempts = 0, killed = 0, killed_before_swap = 0;
    while (killed < 5 && attempts < 12) {
        reset();
        const long ms = std::uniform_int_distribution<long>(0, static_cast<long>(horizon_ms))(rng);
        INFO("attempt " << attempts << ": kill after " << ms << " ms of a build that took about " << full_ms << " ms");
        ++attempts;
        Child child(work, build_args(content, "site", {"--jobs", "2"}), work / "killed.log");
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        child.kill_now();
        const int status = child.wait();
        INFO(child.output());
        const auto now = read_tree(work / "site");
        if (status == 128 + SIGKILL) {
            ++killed;
            // Killed before the swap: the first edition, byte for byte. Killed after it: the whole second edition.
            if (now == before) ++killed_before_swap;
            else CHECK(differences(now, after) == std::vector<std::string>{});
        } else {
            CHECK(status == 0);  // it finished first: the whole second edition
            CHECK(differences(now, after) == std::vector<std::string>{});
            horizon_ms = std::max(1.0, std::min(horizon_ms, static_cast<double>(ms)) * 0.8);
        }
        // The next build (of the second edition) cleans up, publishes it whole and says what changed since the
        // site in place.
        const auto next = run_in(work, build_args(content, "site", {"--jobs", "2"}));
        INFO(next.output);
        CHECK(next.status == 0);
        CHECK_FALSE(has_crash_report(next.output));
        CHECK(staging_leftovers(work).empty());
        const auto after_next = read_tree(work / "site");
        if (after_next.count("changes/index.html") && after_next.at("changes/index.html") != after.at("changes/index.html"))
            UNSCOPED_INFO("changes page after the next build:\n" << after_next.at("changes/index.html")
                                                                  << "\nreference:\n" << after.at("changes/index.html"));
        CHECK(differences(after_next, after) == std::vector<std::string>{});
    }
    CHECK(killed >= 5);
    CHECK(killed_before_swap >= 2);
}

long build_ms(const fs::path& work, const std::string& content, const std::string& out) {
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(run_in(work, build_args(content, out, {"--jobs", "2"})).status == 0);
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
}

void remove_site(const fs::path& work, const std::string& out) {
    for (const char* suffix : {"", ".cache", ".previous"}) fs::remove_all(work / (out + suffix));
}

}  // namespace

TEST_CASE("a build killed at random moments leaves the previous site intact and the next build succeeds",
          "[trust][publish][interruption]") {
    TempDir work;
    write_large_content(work.path(), "v1", 1);
    write_large_content(work.path(), "v2", 2);
    // The reference: the first edition published, then the second built over it (an incremental build, as the
    // killed builds are; its changes log compares with the first edition).
    REQUIRE(run_in(work.path(), build_args("v1", "ref", {"--jobs", "1"})).status == 0);
    const long full_ms = build_ms(work.path(), "v2", "ref");
    const auto ref_v2 = read_tree(work.path() / "ref");
    REQUIRE(ref_v2.count("search-index/index.json") == 1);  // the builds index

    REQUIRE(run_in(work.path(), build_args("v1", "site", {"--jobs", "1"})).status == 0);
    const auto v1 = read_tree(work.path() / "site");
    REQUIRE(v1.count("search-index/index.json") == 1);
    REQUIRE(v1.size() > generated_projects);
    REQUIRE_FALSE(differences(v1, ref_v2).empty());

    // Each attempt kills a build over the first edition alone, which makes a new tree.
    kill_at_random_moments(work.path(), "v2", [&] {
        remove_site(work.path(), "site");
        REQUIRE(run_in(work.path(), build_args("v1", "site", {"--jobs", "1"})).status == 0);
        REQUIRE(differences(read_tree(work.path() / "site"), v1) == std::vector<std::string>{});
    }, v1, ref_v2, full_ms);
}

TEST_CASE("a build killed while it reuses the edition before leaves the site intact and the next build succeeds",
          "[trust][publish][interruption]") {
    TempDir work;
    write_large_content(work.path(), "v1", 1);
    write_large_content(work.path(), "v2", 2);
    // v3: v2 with a new site description, which every page shows — so the killed build also rewrites pages that the
    // edition before shares with the live site (the same inode): it must replace them, never write into them.
    const fs::path v3 = write_large_content(work.path(), "v3", 2);
    const std::string site_yaml = read_text(v3 / "site.yaml");
    const std::string description = "description: 测试用的小型内容集。";
    REQUIRE(site_yaml.find(description) != std::string::npos);
    write_text(v3 / "site.yaml", site_yaml.substr(0, site_yaml.find(description)) + description + "（第三版）" +
                                     site_yaml.substr(site_yaml.find(description) + description.size()));
    // The reference: v2, then v1 over it (which keeps v2's tree as the edition before), then v3 — a build that
    // adopts that edition and replaces what differs, as each killed build does.
    REQUIRE(run_in(work.path(), build_args("v2", "ref", {"--jobs", "1"})).status == 0);
    REQUIRE(run_in(work.path(), build_args("v1", "ref", {"--jobs", "1"})).status == 0);
    const auto v1 = read_tree(work.path() / "ref");
    REQUIRE(fs::exists(work.path() / "ref.previous"));
    const long full_ms = build_ms(work.path(), "v3", "ref");
    const auto ref_v3 = read_tree(work.path() / "ref");
    REQUIRE_FALSE(differences(v1, ref_v3).empty());

    kill_at_random_moments(work.path(), "v3", [&] {
        remove_site(work.path(), "site");
        REQUIRE(run_in(work.path(), build_args("v2", "site", {"--jobs", "1"})).status == 0);
        REQUIRE(run_in(work.path(), build_args("v1", "site", {"--jobs", "1"})).status == 0);
        REQUIRE(fs::exists(work.path() / "site.previous"));  // the killed build will adopt it
        REQUIRE(differences(read_tree(work.path() / "site"), v1) == std::vector<std::string>{});
    }, v1, ref_v3, full_ms);
}
