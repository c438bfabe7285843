// The only code that writes the site: staging folder, lock, atomic swap.
#include "publish/staging.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace gongshi::publish {

namespace fs = std::filesystem;

bool is_safe_output_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos ||
        path.find('\0') != std::string_view::npos)
        return false;
    size_t at = 0;
    while (at <= path.size()) {
        const size_t end = path.find('/', at);
        const std::string_view part = path.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        if (part.empty() || part == "." || part == "..") return false;
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    return true;
}

static std::runtime_error io_error(const std::string& what, const fs::path& p) {
    return std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

OutputLock::OutputLock(const fs::path& out_dir) {
    const fs::path lock = fs::path(out_dir.string() + ".lock");
    if (!lock.parent_path().empty()) fs::create_directories(lock.parent_path());
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw io_error("cannot open lock file", lock);
    if (::flock(fd_, LOCK_EX) != 0) throw io_error("cannot lock", lock);
}

OutputLock::~OutputLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock; the file stays (removing it would race)
}

Staging::Staging(const fs::path& out_dir) : out_(out_dir) {
    dir_ = fs::path(out_dir.string() + ".staging-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(dir_, ec);
    fs::create_directories(dir_);
}

Staging::~Staging() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
}

void Staging::write(const std::string& path, std::string_view bytes) {
    if (!is_safe_output_path(path)) throw std::runtime_error("refusing to write outside the site: " + path);
    const fs::path file = dir_ / path;
    fs::create_directories(file.parent_path());
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) throw io_error("cannot create", file);
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const auto err = io_error("cannot write", file);  // e.g. a full disk
            ::close(fd);
            throw err;
        }
        done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) throw io_error("cannot write", file);
    ++files_;
    bytes_ += static_cast<long long>(bytes.size());
}

void Staging::commit() {
    std::error_code ec;
    if (!fs::exists(out_)) {
        fs::rename(dir_, out_);
        committed_ = true;
        return;
    }
    // One system call exchanges the two folders: readers see the old site or the new one, never a mix.
    if (::renameat2(AT_FDCWD, dir_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
        throw io_error("cannot swap in the new site at", out_);
    committed_ = true;
    fs::remove_all(dir_, ec);  // now the previous site
}

void Staging::link_unchanged(const std::vector<std::string>& paths) {
    fs::path last_dir;
    for (const std::string& rel : paths) {
        if (!is_safe_output_path(rel)) throw std::runtime_error("refusing to link a path outside the site: " + rel);
        const fs::path to = dir_ / rel;
        if (to.parent_path() != last_dir) {  // paths come sorted: one check per folder
            fs::create_directories(to.parent_path());
            last_dir = to.parent_path();
        }
        if (::link((out_ / rel).c_str(), to.c_str()) != 0)
            throw io_error("cannot link the unchanged file into the new site:", to);
    }
}

void remove_stale_staging(const fs::path& out_dir) {
    const fs::path parent = out_dir.parent_path().empty() ? fs::path(".") : out_dir.parent_path();
    const std::string prefix = out_dir.filename().string() + ".staging-";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(parent, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string pid_text = name.substr(prefix.size());
        if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
        if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
    }
}

}  // namespace gongshi::publish
