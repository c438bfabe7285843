// `gongshi serve` end to end: the real binary on a free loopback port, edited, broken, fixed and stopped.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "test_support.h"
#include "trust/trust_support.h"

using namespace gongshi::testing;
using namespace std::chrono_literals;

namespace {

// Generous: the tests run under ASan/UBSan on a loaded two-core machine. Passing runs never wait this long.
constexpr auto deadline = 90s;
const std::string project_page = "/projects/taiyuan-qingxu-jinshatan-2023/";
const std::string project_name = "太原市清徐县东湖街道金沙滩社区养老幸福工程";

// Polls `condition` every 100 ms until it holds or the deadline passes.
bool eventually(const std::function<bool()>& condition) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < end) {
        if (condition()) return true;
        std::this_thread::sleep_for(100ms);
    }
    return condition();
}

// A content folder, templates and assets of its own (the repository's may be mid-edit), and the preview
// folder.
struct Workspace : InputCopy {
    fs::path out = dir.path() / "preview";
    fs::path log = dir.path() / "serve.log";
    fs::path project_file() const {
        return content / "projects" / "taiyuan" / "taiyuan-qingxu-jinshatan-2023.yaml";
    }
};

// `gongshi serve --port 0 …` as a child process (trust::Child: sanitizer reports get their own exit status), its
// stdout and stderr in a log file; killed if a test fails.
class ServeProcess {
public:
    explicit ServeProcess(const Workspace& w) : ServeProcess(w, 0, w.out, w.log) {}
    ServeProcess(const Workspace& w, int port, const fs::path& out, const fs::path& log)
        : child_(w.dir.path(),
                 {"serve", "--port", std::to_string(port), "--content", w.content.string(), "--templates",
                  w.templates.string(), "--assets", w.assets.string(), "--out", out.string()},
                 log) {}

    std::string output() const { return child_.output(); }
    // The port from "serving http://127.0.0.1:PORT/", once it is printed.
    int port() const {
        constexpr std::string_view prefix = "serving http://127.0.0.1:";
        int port = 0;
        eventually([&] {
            const std::string text = output();
            const size_t at = text.find(prefix);
            if (at == std::string::npos) return false;
            port = std::atoi(text.c_str() + at + prefix.size());
            return true;
        });
        return port;
    }
    void signal(int sig) const { ::kill(child_.pid(), sig); }
    // The exit status, once the process has ended (nothing if it is still running at the deadline).
    std::optional<int> wait_exit() {
        std::optional<int> status;
        eventually([&] { return (status = child_.poll()).has_value(); });
        return status;
    }

private:
    gongshi::trust::Child child_;
};

httplib::Client client_for(int port) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(10s);
    client.set_read_timeout(60s);
    return client;
}

// Every event the live-reload stream sends, collected on a thread of its own until the server ends the
// stream.
class EventListener {
public:
    explicit EventListener(int port) : client_(client_for(port)) {
        thread_ = std::thread([this] {
            client_.Get("/__gongshi/events", [this](const char* data, size_t size) {
                const std::lock_guard lock(mutex_);
                text_.append(data, size);
                return true;
            });
        });
    }
    ~EventListener() {
        client_.stop();
        thread_.join();
    }
    // The data of every "data:" line so far.
    std::vector<std::string> versions() const {
        const std::lock_guard lock(mutex_);
        std::vector<std::string> out;
        for (size_t at = text_.find("data: "); at != std::string::npos; at = text_.find("data: ", at + 1))
            out.push_back(text_.substr(at + 6, text_.find('\n', at) - at - 6));
        return out;
    }

private:
    httplib::Client client_;
    mutable std::mutex mutex_;
    std::string text_;
    std::thread thread_;
};

struct Page {
    int status = 0;
    std::string body;
    std::string content_type;
};

Page fetch(int port, const std::string& path) {
    auto client = client_for(port);
    const auto res = client.Get(path);
    if (!res) return {};
    return {res->status, res->body, res->get_header_value("Content-Type")};
}

// The whole response to a request sent byte for byte as given (no client library normalising the path).
std::string raw_request(int port, const std::string& target) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    timeval timeout{60, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    std::string response;
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) response.append(buf, static_cast<size_t>(n));
    ::close(fd);
    return response;
}

// The stylesheet's published name (it carries a fingerprint of its bytes).
std::string stylesheet_name(const fs::path& out) {
    for (const auto& e : fs::directory_iterator(out / "assets"))
        if (e.path().extension() == ".css") return e.path().filename().string();
    return "no-stylesheet-found";
}


}  // namespace

TEST_CASE(
    "serve previews the site, rebuilds on edits, shows a broken build as an error page, stops on SIGINT",
    "[serve]") {
    ::signal(SIGPIPE, SIG_IGN);
    Workspace w;
    ServeProcess server(w);
    const int port = server.port();
    INFO(server.output());
    REQUIRE(port > 0);

    // A page, with the live-reload tag that only the server adds.
    Page page = fetch(port, project_page);
    REQUIRE(page.status == 200);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK_THAT(page.body, Catch::Contains(project_name));
    CHECK_THAT(page.body, Catch::Contains("<script src=\"/__gongshi/live-reload.js\" data-version=\""));
    CHECK_THAT(read_text(w.out / "projects" / "taiyuan-qingxu-jinshatan-2023" / "index.html"),
               !Catch::Contains("__gongshi"));
    CHECK(fetch(port, "/__gongshi/live-reload.js").content_type == "text/javascript; charset=utf-8");
    EventListener events(port);
    REQUIRE(eventually([&] { return events.versions().size() == 1; }));
    const std::string first_version = events.versions().front();
    CHECK_THAT(page.body, Catch::Contains("data-version=\"" + first_version + "\""));

    // An edit is served after the rebuild, and the event stream announces the new version.
    edit(w.project_file(), "name: " + project_name,
         "name: 太原市清徐县东湖街道金沙滩社区养老幸福工程（预览改名）");
    CHECK(
        eventually([&] { return fetch(port, project_page).body.find("（预览改名）") != std::string::npos; }));
    CHECK(eventually([&] { return events.versions().size() >= 2; }));
    CHECK(events.versions().back() != first_version);

    // A broken file: every page is the error page, naming the file, line and column; assets are still served.
    write_text(w.project_file(), "id: taiyuan-qingxu-jinshatan-2023\nname: 金沙滩: 社区\nyear: 2023\n");
    CHECK(eventually([&] { return fetch(port, project_page).status == 500; }));
    page = fetch(port, project_page);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK_THAT(page.body, Catch::Contains("构建失败：1 个错误"));
    CHECK_THAT(page.body, Catch::Contains("projects/taiyuan/taiyuan-qingxu-jinshatan-2023.yaml:2:10</code>"));
    CHECK_THAT(page.body, Catch::Contains("invalid YAML: invalid nested block mapping on the same line"));
    CHECK_THAT(page.body, Catch::Contains("2 | </span>name: 金沙滩<mark>:</mark> 社区"));
    CHECK_THAT(page.body, Catch::Contains("/__gongshi/live-reload.js"));
    CHECK(fetch(port, "/").status == 500);
    CHECK(fetch(port, "/notices/").status == 500);
    const Page css = fetch(port, "/assets/" + stylesheet_name(w.out));
    CHECK(css.status == 200);
    CHECK(css.content_type == "text/css; charset=utf-8");

    // Fixed: the page is back.
    write_text(w.project_file(), read_text(source_dir() / "tests" / "fixtures" / "good" / "projects" /
                                           "taiyuan" / "taiyuan-qingxu-jinshatan-2023.yaml"));
    CHECK(eventually([&] {
        const Page p = fetch(port, project_page);
        return p.status == 200 && p.body.find(project_name) != std::string::npos;
    }));

    // Ctrl-C: exit 0 (no sanitizer report), no staging folder left.
    server.signal(SIGINT);
    CHECK(server.wait_exit() == std::optional<int>(0));
    CHECK_FALSE(gongshi::trust::has_crash_report(server.output()));
    CHECK(staging_leftovers(w.out.parent_path()).empty());
    INFO(server.output());
    CHECK_THAT(server.output(), Catch::Contains("stopped"));
}

TEST_CASE(
    "serve refuses paths that leave the site, plain or percent-encoded, and a second server on its port",
    "[serve]") {
    ::signal(SIGPIPE, SIG_IGN);
    Workspace w;
    write_text(w.dir.path() / "secret.txt", "SECRET-CANARY");
    ServeProcess server(w);
    const int port = server.port();
    INFO(server.output());
    REQUIRE(port > 0);

    for (const char* target :
         {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
          "/projects/..%2f..%2fsecret.txt", "/projects/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt",
          "/%2e/%2e%2e/secret.txt"}) {
        INFO(target);
        const std::string response = raw_request(port, target);
        CHECK(response.rfind("HTTP/1.1 400 ", 0) == 0);
        CHECK(response.find("SECRET-CANARY") == std::string::npos);
    }
    // Encoded twice: decoded once it is a strange name inside the site, and simply not found.
    const std::string twice = raw_request(port, "/%252e%252e/secret.txt");
    CHECK(twice.rfind("HTTP/1.1 404 ", 0) == 0);
    CHECK(twice.find("SECRET-CANARY") == std::string::npos);

    // The ordinary cases around them: the site's 404 page with status 404, and a folder without its slash.
    const Page missing = fetch(port, "/projects/no-such-project/");
    CHECK(missing.status == 404);
    const std::string not_found = read_text(w.out / "404.html");
    const std::string before_body_end = not_found.substr(0, not_found.rfind("</body>"));
    CHECK(missing.body.substr(0, before_body_end.size()) == before_body_end);
    CHECK(raw_request(port, "/projects").find("Location: /projects/\r\n") != std::string::npos);

    // A second preview on the same port fails at once and says what to do.
    ServeProcess second(w, port, w.dir.path() / "second", w.dir.path() / "second.log");
    CHECK(second.wait_exit() == std::optional<int>(1));
    CHECK_THAT(second.output(), Catch::Contains("cannot listen on 127.0.0.1:" + std::to_string(port) +
                                                " — another program is using it?"));

    server.signal(SIGTERM);
    CHECK(server.wait_exit() == std::optional<int>(0));
    CHECK_FALSE(gongshi::trust::has_crash_report(server.output()));
}
