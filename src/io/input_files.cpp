#include "io/input_files.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace gongshi::io {

namespace fs = std::filesystem;

namespace {

FileKind kind_of(const fs::file_status& s) {
    switch (s.type()) {
        case fs::file_type::not_found: return FileKind::missing;
        case fs::file_type::regular: return FileKind::file;
        case fs::file_type::directory: return FileKind::folder;
        case fs::file_type::symlink: return FileKind::symlink;
        default: return s.type() == fs::file_type::none ? FileKind::missing : FileKind::other;
    }
}

// One open (refusing a symbolic link, never blocking on a FIFO), one fstat, reads into the string: the checks are
// made on the file actually read, and 100 000 project files cost four system calls each.
ReadResult read_fd(const fs::path& file, std::uintmax_t max_bytes) {
    ReadResult r;
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        r.failure = errno == ELOOP ? ReadResult::Failure::symlink
                    : errno == ENOENT ? ReadResult::Failure::missing
                                      : ReadResult::Failure::unreadable;
        return r;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        r.failure = ReadResult::Failure::not_regular;
        return r;
    }
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
        r.failure = ReadResult::Failure::too_big;
        return r;
    }
    std::string text(static_cast<size_t>(st.st_size), '\0');
    size_t got = 0;
    while (got < text.size()) {
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            r.failure = ReadResult::Failure::unreadable;
            return r;
        }
        if (n == 0) break;  // the file shrank while being read: check what there is
        got += static_cast<size_t>(n);
    }
    text.resize(got);
    r.bytes = std::move(text);
    return r;
}

// Path order as std::filesystem::path compares (component by component), on the strings: a separator sorts
// before any other byte. path::compare takes each path apart into components; it was 3 % of a 100 000-project
// rebuild's samples, on the main thread.
bool path_less(const fs::path& a, const fs::path& b) {
    const std::string& x = a.native();
    const std::string& y = b.native();
    const size_t n = std::min(x.size(), y.size());
    for (size_t i = 0; i < n; ++i) {
        if (x[i] == y[i]) continue;
        if (x[i] == '/') return true;
        if (y[i] == '/') return false;
        return static_cast<unsigned char>(x[i]) < static_cast<unsigned char>(y[i]);
    }
    return x.size() < y.size();
}

bool entry_less(const Entry& a, const Entry& b) { return path_less(a.path, b.path); }

// Whether lexically_normal() would give the path back unchanged: no empty part ("a//b"), no "." or ".." (a
// path with those is given to lexically_normal, which is right for them all). A path the program joined from a
// normal folder and listed names is normal: this spares 100 000 of them a lexically_normal each.
bool plainly_normal(std::string_view s) {
    if (s.empty()) return false;
    size_t i = s[0] == '/' ? 1 : 0;
    if (i < s.size() && s[i] == '/') return false;
    while (i < s.size()) {
        size_t end = s.find('/', i);
        if (end == std::string_view::npos) end = s.size();
        const std::string_view part = s.substr(i, end - i);
        if (part.empty() || part == "." || part == "..") return false;
        i = end + 1;
    }
    return true;
}

}  // namespace

ReadResult DiskFiles::read(const fs::path& file, std::uintmax_t max_bytes) const { return read_fd(file, max_bytes); }

FileKind DiskFiles::kind(const fs::path& path) const {
    std::error_code ec;
    return kind_of(fs::symlink_status(path, ec));
}

std::vector<Entry> DiskFiles::list(const fs::path& dir, bool recursive) const {
    std::vector<Entry> out;
    std::error_code ec;
    // The kind as the folder listing gives it (no lstat of each of 100 000 files), where the file system says.
    const auto add = [&](const fs::directory_entry& e) {
        std::error_code s;
        FileKind kind = FileKind::other;
        if (e.is_symlink(s)) kind = FileKind::symlink;
        else if (e.is_regular_file(s)) kind = FileKind::file;
        else if (e.is_directory(s)) kind = FileKind::folder;
        out.push_back({e.path(), s ? FileKind::missing : kind});
    };
    if (recursive) {
        for (const auto& e : fs::recursive_directory_iterator(dir, fs::directory_options::none, ec)) add(e);
    } else {
        for (const auto& e : fs::directory_iterator(dir, ec)) add(e);
    }
    std::sort(out.begin(), out.end(), entry_less);
    return out;
}

void MemoryFiles::add(const fs::path& file, std::string bytes) {
    files_[file.lexically_normal().generic_string()] = std::move(bytes);
}

ReadResult MemoryFiles::read(const fs::path& file, std::uintmax_t max_bytes) const {
    ReadResult r;
    auto it = files_.find(file.lexically_normal().generic_string());
    if (it == files_.end())
        r.failure = kind(file) == FileKind::folder ? ReadResult::Failure::not_regular : ReadResult::Failure::missing;
    else if (it->second.size() > max_bytes)
        r.failure = ReadResult::Failure::too_big;
    else
        r.bytes = it->second;
    return r;
}

FileKind MemoryFiles::kind(const fs::path& path) const {
    const std::string p = path.lexically_normal().generic_string();
    if (files_.count(p)) return FileKind::file;
    auto it = files_.lower_bound(p + "/");
    return it != files_.end() && it->first.rfind(p + "/", 0) == 0 ? FileKind::folder : FileKind::missing;
}

std::vector<Entry> MemoryFiles::list(const fs::path& dir, bool recursive) const {
    const std::string prefix = dir.lexically_normal().generic_string() + "/";
    std::vector<Entry> out;
    std::string last_folder;
    for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.rfind(prefix, 0) == 0; ++it) {
        const std::string rest = it->first.substr(prefix.size());
        const size_t slash = rest.find('/');
        if (slash == std::string::npos) {
            out.push_back({dir / rest, FileKind::file});
            continue;
        }
        const std::string folder = rest.substr(0, slash);
        if (folder != last_folder) out.push_back({dir / folder, FileKind::folder});
        last_folder = folder;
        if (recursive) out.push_back({dir / rest, FileKind::file});
    }
    if (recursive) {
        // Subfolders below the first level, once each.
        std::vector<Entry> deeper;
        for (const auto& e : out) {
            if (e.kind != FileKind::file) continue;
            for (fs::path p = e.path.parent_path(); p.generic_string().size() > dir.generic_string().size() &&
                                                     p.parent_path() != dir;
                 p = p.parent_path())
                deeper.push_back({p, FileKind::folder});
        }
        out.insert(out.end(), deeper.begin(), deeper.end());
    }
    std::sort(out.begin(), out.end(), entry_less);
    out.erase(std::unique(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.path == b.path; }),
              out.end());
    return out;
}

std::string shown_path(const fs::path& path) {
    static_assert(fs::path::preferred_separator == '/', "a path's native string is its generic one here");
    return plainly_normal(path.native()) ? path.native() : path.lexically_normal().generic_string();
}

std::optional<std::string> read_file(const fs::path& file) {
    return read_fd(file, static_cast<std::uintmax_t>(-1)).bytes;
}

}  // namespace gongshi::io
