// The preview server: serves the built site on 127.0.0.1 with live reload, and an error page instead of stale
// pages while the latest build has failed. The only code that sees cpp-httplib.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>

#include "serve/build_status.h"

namespace httplib {
class Server;
}

namespace gongshi::serve {

class DevServer {
public:
    DevServer(std::filesystem::path site, const BuildStatus& status);
    ~DevServer();
    DevServer(const DevServer&) = delete;
    DevServer& operator=(const DevServer&) = delete;

    // Binds 127.0.0.1:port (0: any free port) and returns the port; 0 if it cannot (in use, not allowed).
    int bind(int port);
    // Serves until stop(); run it on its own thread. False if the server failed rather than being stopped.
    bool run();
    // Closes the listening socket and returns once run() has returned (call it only with run() started);
    // open event streams end when `status` is stopped.
    void stop();

private:
    std::filesystem::path site_;
    const BuildStatus& status_;
    std::unique_ptr<httplib::Server> http_;
    std::atomic<bool> finished_{false};
};

}  // namespace gongshi::serve
