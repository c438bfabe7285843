#include "scaffold/new_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gongshi::scaffold {

namespace fs = std::filesystem;

bool create_new_file(const fs::path& file, const std::string& text, diag::Diagnostics& diags) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            diags.error({file.generic_string(), 0, 0}, "a record already exists here; nothing was written",
                        "choose another id, or edit the existing file");
        else
            diags.error({file.generic_string(), 0, 0}, std::string("cannot create the file: ") + std::strerror(errno),
                        "check the folder exists and is writable");
        return false;
    }
    const char* p = text.data();
    size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            ::unlink(file.c_str());
            diags.error({file.generic_string(), 0, 0}, std::string("cannot write the file: ") + std::strerror(err),
                        "free some disk space and try again");
            return false;
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    if (::close(fd) != 0) {
        ::unlink(file.c_str());
        diags.error({file.generic_string(), 0, 0}, "cannot write the file", "free some disk space and try again");
        return false;
    }
    return true;
}

}  // namespace gongshi::scaffold
