// `gongshi serve`: build into a preview folder, serve it on 127.0.0.1, rebuild whenever an input changes.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "serve/dev_server.h"
#include "serve/preview_build.h"
#include "serve/watcher.h"

namespace gongshi::cli {

namespace {

constexpr auto poll_interval = std::chrono::milliseconds(300);

std::string boot_id() {
    using namespace std::chrono;
    return std::to_string(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

}  // namespace

void add_serve_command(CLI::App& app, Commands& c) {
    c.serve = app.add_subcommand(
        "serve",
        "preview: build into site.preview/ (never site/), serve it on http://127.0.0.1:1313/, "
        "rebuild when content/, templates/ or assets/ change and reload the browser");
    add_input_options(*c.serve, c.options);
    c.serve
        ->add_option("--port", c.port,
                     "port on 127.0.0.1 (default: 1313; 0: any free port, printed at start)")
        ->check(CLI::Range(0, 65535));
    c.serve->add_option(
        "--out", c.options.out,
        "preview folder (default: site.preview, beside site/, which the preview never touches)");
}

int run_serve(const Commands& c) {
    BuildOptions options = c.options;
    if (c.serve->count("--out") == 0) options.out = "site.preview";
    options.record_urls = false;  // a preview never edits the content it watches (content/published-urls.txt)
    // Blocked here, so in every thread started below; the main thread takes them with sigwait().
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    ::signal(SIGPIPE, SIG_IGN);  // a browser closing its connection must not end the server

    serve::Watcher watcher({options.content, options.templates, options.assets}, poll_interval);
    serve::BuildStatus status(boot_id());
    serve::DevServer server(options.out, status);
    const int port = server.bind(c.port);
    if (port == 0) {
        std::cerr
            << "gongshi: error: cannot listen on 127.0.0.1:" << c.port
            << " — another program is using it? choose one with --port N, or --port 0 for any free port\n";
        return 1;
    }
    serve::build_preview(options, status, std::cout, std::cerr);
    std::cout << "serving http://127.0.0.1:" << port << "/ — Ctrl-C to stop" << std::endl;

    std::atomic<bool> server_failed{false};
    std::thread http([&] {
        if (!server.run()) {
            server_failed = true;
            ::kill(::getpid(), SIGTERM);  // wakes the sigwait() below
        }
    });
    std::thread rebuilds([&] {
        while (watcher.wait_for_change()) serve::build_preview(options, status, std::cout, std::cerr);
    });
    int signal = 0;
    sigwait(&stop_signals, &signal);
    pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);  // a second Ctrl-C ends it at once
    std::cout << "stopping (after the build in progress, if any)" << std::endl;
    watcher.stop();
    status.stop();
    server.stop();
    http.join();
    rebuilds.join();
    if (server_failed) {
        std::cerr << "gongshi: error: the preview server stopped accepting connections\n";
        return 1;
    }
    std::cout << "stopped" << std::endl;
    return 0;
}

}  // namespace gongshi::cli
