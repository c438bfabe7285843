#include "serve/dev_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <thread>

#include "io/input_files.h"
#include "serve/live_reload.h"
#include "serve/site_files.h"

namespace gongshi::serve {

namespace fs = std::filesystem;

namespace {

constexpr auto keep_alive_interval = std::chrono::seconds(15);
constexpr size_t worker_threads = 32;  // an open page holds one for its event stream

void serve_text(httplib::Response& res, int status, const std::string& text) {
    res.status = status;
    res.set_content(text + "\n", "text/plain; charset=utf-8");
}

void serve_events(const BuildStatus& status, httplib::Response& res) {
    auto sent = std::make_shared<std::string>();
    res.set_chunked_content_provider("text/event-stream", [&status, sent](size_t, httplib::DataSink& sink) {
        // The first event says which build is current (a page loaded before a rebuild reloads at once);
        // then one event per finished build, and a comment now and then to notice a closed page.
        const std::string now =
            sent->empty() ? status.version() : status.wait_for_change(*sent, keep_alive_interval);
        if (status.stopped()) return false;
        const std::string event = now == *sent ? std::string(keep_alive_event()) : version_event(now);
        *sent = now;
        return sink.write(event.data(), event.size());
    });
}

// A page, a file, or (for a page while the latest build failed) the error page.
void serve_site(const fs::path& site, const BuildStatus& status, const httplib::Request& req,
                httplib::Response& res) {
    const SiteFile found = find_site_file(site, req.path);
    if (found.kind == SiteFile::Kind::forbidden)
        return serve_text(res, 400, "400 bad request: the path leaves the site (\"..\", \".\" or \"\\\")");
    const BuildOutcome outcome = status.latest();
    if (found.is_page && !outcome.ok) {
        // 500, not 200 with a banner: what is shown is not the page asked for, and a tool fetching it must
        // not take it for one.
        res.status = 500;
        res.set_content(inject_live_reload(outcome.error_page, outcome.version),
                        "text/html; charset=utf-8");
        return;
    }
    if (found.kind == SiteFile::Kind::add_slash) {
        const std::string raw_path = req.target.substr(0, req.target.find('?'));
        const size_t query = req.target.find('?');
        res.status = 301;
        res.set_header("Location",
                       raw_path + "/" + (query == std::string::npos ? "" : req.target.substr(query)));
        return;
    }
    if (found.kind == SiteFile::Kind::file) {
        std::string body = io::read_file(found.path).value_or("");
        if (found.is_page) body = inject_live_reload(std::move(body), outcome.version);
        res.status = 200;
        res.set_content(std::move(body), content_type_for(found.path.filename().string()));
        return;
    }
    if (const SiteFile not_found = find_site_file(site, "/404.html");
        found.is_page && not_found.kind == SiteFile::Kind::file) {
        res.status = 404;
        res.set_content(inject_live_reload(io::read_file(not_found.path).value_or(""), outcome.version),
                        "text/html; charset=utf-8");
        return;
    }
    serve_text(res, 404, "404 not found");
}

}  // namespace

DevServer::DevServer(fs::path site, const BuildStatus& status)
    : site_(std::move(site)), status_(status), http_(std::make_unique<httplib::Server>()) {
    http_->new_task_queue = [] { return new httplib::ThreadPool(worker_threads); };
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second preview on the same port
    // would start without error and take half of the requests.
    http_->set_socket_options([](int sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    http_->set_keep_alive_timeout(1);  // idle connections must not hold up stop() for long
    http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            serve_text(res, 405, "405 method not allowed: the preview only serves GET and HEAD");
        } else if (req.path == events_path) {
            serve_events(status_, res);
        } else if (req.path == script_path) {
            res.set_content(std::string(live_reload_script()), "text/javascript; charset=utf-8");
        } else {
            serve_site(site_, status_, req, res);
        }
        return httplib::Server::HandlerResponse::Handled;
    });
}

DevServer::~DevServer() = default;

int DevServer::bind(int port) {
    if (port == 0) return std::max(http_->bind_to_any_port("127.0.0.1"), 0);
    return http_->bind_to_port("127.0.0.1", port) ? port : 0;
}

bool DevServer::run() {
    const bool ok = http_->listen_after_bind();
    finished_ = true;
    return ok;
}

void DevServer::stop() {
    // httplib's stop() does nothing if it comes before listen_after_bind() has marked the server running, so
    // repeat it until run() has returned.
    while (!finished_) {
        http_->stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

}  // namespace gongshi::serve
