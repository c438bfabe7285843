// The site behind Debian's nginx with the configuration the build writes (_server/): real HTTP requests on
// loopback get the redirects, status codes, content types and cache lifetimes a reader and a cache should see, and
// nothing beside site/ is reachable.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <thread>

#include "test_support.h"

using namespace gongshi::testing;
using namespace std::chrono_literals;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

namespace {

constexpr const char* nginx_binary = "/usr/sbin/nginx";
constexpr const char* secret = "NOT-FOR-THE-WEB-0023";

struct Response {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lowercased
    std::string body;
    std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
};

// One HTTP/1.0 request with the path sent exactly as given (no client normalises "..").
Response request(int port, const std::string& path) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const std::string req = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    REQUIRE(::write(fd, req.data(), req.size()) == static_cast<ssize_t>(req.size()));
    std::string raw;
    char buf[8192];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) raw.append(buf, static_cast<size_t>(n));
    ::close(fd);
    Response r;
    const auto head_end = raw.find("\r\n\r\n");
    REQUIRE(head_end != std::string::npos);
    r.body = raw.substr(head_end + 4);
    size_t at = raw.find("\r\n");
    r.status = std::stoi(raw.substr(raw.find(' ') + 1, 3));
    while (at < head_end) {
        const size_t next = raw.find("\r\n", at + 2);
        const std::string line = raw.substr(at + 2, next - at - 2);
        const auto colon = line.find(':');
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
        at = next;
    }
    return r;
}

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool answers(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// nginx in the foreground as the current user (one process, no master), with a prefix of its own; stopped at the
// end of the test.
class Nginx {
public:
    Nginx(const fs::path& prefix, const fs::path& site, int port) : port_(port) {
        const fs::path conf = prefix / "nginx.conf";
        for (const char* d : {"logs", "tmp"}) fs::create_directories(prefix / d);
        const std::string p = prefix.string();
        write_text(conf, "daemon off;\nmaster_process off;\npid " + p + "/nginx.pid;\nerror_log " + p +
                             "/logs/error.log;\nevents { worker_connections 64; }\nhttp {\n"
                             "    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
                             "    access_log off;\n    client_body_temp_path " + p + "/tmp/body;\n"
                             "    proxy_temp_path " + p + "/tmp/proxy;\n    fastcgi_temp_path " + p + "/tmp/fastcgi;\n"
                             "    uwsgi_temp_path " + p + "/tmp/uwsgi;\n    scgi_temp_path " + p + "/tmp/scgi;\n"
                             "    include " + (site / "_server/nginx-http.conf").string() + ";\n"
                             "    server {\n        listen 127.0.0.1:" + std::to_string(port) + ";\n"
                             "        root " + site.string() + ";\n"
                             "        include " + (site / "_server/nginx-server.conf").string() + ";\n    }\n}\n");
        log_ = prefix / "logs/stderr.log";
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::execl(nginx_binary, nginx_binary, "-p", p.c_str(), "-e", (p + "/logs/error.log").c_str(), "-c",
                    conf.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
    }
    ~Nginx() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    // Waits until it answers (or has ended): false if it never did.
    bool started() {
        for (int i = 0; i < 300; ++i) {
            if (answers(port_)) return true;
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return false;
            }
            std::this_thread::sleep_for(50ms);
        }
        return false;
    }
    std::string log() const { return read_text(log_); }

private:
    int port_;
    pid_t pid_ = -1;
    fs::path log_;
};

// The good fixture built into <dir>/site, with what a server's folder also holds beside it: the cache, the
// previous edition and a staging folder, each with a secret that must not be served.
struct ServedSite {
    InputCopy in;
    fs::path site = in.dir.path() / "site";
    ServedSite() {
        std::string output;
        REQUIRE(run_gongshi(build_command(in.content, site, "--no-search", in.templates, in.assets), output) == 0);
        write_text(in.dir.path() / "site.previous/secret.html", secret);
        write_text(in.dir.path() / "site.staging-1/secret.html", secret);
        write_text(in.dir.path() / "site.cache", secret);
    }
};

}  // namespace

TEST_CASE("nginx with the generated configuration serves the site as published", "[publish][nginx]") {
    REQUIRE(fs::exists(nginx_binary));  // installed by scripts/setup with the test dependencies
    ServedSite s;
    const int port = free_port();
    Nginx nginx(s.in.dir.path() / "nginx", s.site, port);
    REQUIRE(nginx.started());
    INFO(nginx.log());

    SECTION("an alias redirects to its record with 301") {
        for (const char* old : {"/projects/taiyuan-qingxu-old-2023/", "/projects/taiyuan-qingxu-old-2023/index.html"}) {
            const Response r = request(port, old);
            CHECK(r.status == 301);
            CHECK_THAT(r.header("location"), EndsWith("/projects/taiyuan-qingxu-jinshatan-2023/"));
        }
    }
    SECTION("a page that does not exist is the site's 404 page with status 404") {
        const Response r = request(port, "/projects/no-such-project/");
        CHECK(r.status == 404);
        CHECK(r.body == read_text(s.site / "404.html"));
        CHECK(r.header("content-type") == "text/html; charset=utf-8");
    }
    SECTION("pages, data and feeds are sent with charset utf-8") {
        const std::map<std::string, std::string> types = {
            {"/", "text/html; charset=utf-8"},
            {"/projects/taiyuan-qingxu-jinshatan-2023/", "text/html; charset=utf-8"},
            {"/data/projects.csv", "text/csv; charset=utf-8"},
            {"/data/projects.json", "application/json; charset=utf-8"},
            {"/SHA256SUMS", "text/plain; charset=utf-8"},
            {"/robots.txt", "text/plain; charset=utf-8"},
        };
        for (const auto& [path, type] : types) {
            INFO(path);
            const Response r = request(port, path);
            CHECK(r.status == 200);
            CHECK(r.header("content-type") == type);
            CHECK(r.header("x-content-type-options") == "nosniff");
        }
        CHECK_THAT(request(port, "/feed.xml").header("content-type"), EndsWith("; charset=utf-8"));
    }
    SECTION("a page is cached for minutes, a fingerprinted asset for a year") {
        CHECK(request(port, "/").header("cache-control") == "public, max-age=300");
        CHECK(request(port, "/data/projects.csv").header("cache-control") == "public, max-age=300");
        const std::string home = read_text(s.site / "index.html");
        const auto at = home.find("href=\"/assets/style.");
        REQUIRE(at != std::string::npos);
        const std::string css = home.substr(at + 6, home.find('"', at + 6) - at - 6);
        const Response r = request(port, css);
        CHECK(r.status == 200);
        CHECK(r.header("cache-control") == "public, max-age=31536000, immutable");
        CHECK(r.header("content-type") == "text/css; charset=utf-8");
    }
    SECTION("nothing beside site/ and none of the server's own files can be fetched") {
        for (const char* path :
             {"/site.cache", "/site.previous/secret.html", "/site.staging-1/secret.html", "/../site.cache",
              "/../site.previous/secret.html", "/assets/../../site.cache", "/%2e%2e/site.cache", "/..%2fsite.cache",
              "/_server/nginx-http.conf", "/_server/nginx-server.conf", "/_redirects", "/_headers"}) {
            INFO(path);
            const Response r = request(port, path);
            CHECK(r.status >= 400);
            CHECK_THAT(r.body, !Contains(secret) && !Contains("gongshi_redirect") && !Contains("Cache-Control"));
        }
    }
}
