#include "publish/record_cache.h"

#include <unistd.h>

#include <fstream>

#include "hash/fingerprint.h"
#include "io/input_files.h"

namespace gongshi::publish {

namespace fs = std::filesystem;

namespace {

// "gongshi-records 1 <checksum of the rest>\n<generator>\n<bytes>"
constexpr std::string_view magic = "gongshi-records 1 ";

std::string checksum(std::string_view rest) { return std::to_string(hash::Fingerprint().add(rest).value()); }

}  // namespace

fs::path record_cache_path(const fs::path& out_dir) { return fs::path(out_dir.string() + ".records"); }

std::optional<std::string> read_record_cache(const fs::path& out_dir, const std::string& generator) {
    std::optional<std::string> text = io::read_file(record_cache_path(out_dir));
    if (!text || !text->starts_with(magic)) return std::nullopt;
    const size_t eol = text->find('\n');
    if (eol == std::string::npos) return std::nullopt;
    const std::string_view rest = std::string_view(*text).substr(eol + 1);
    if (std::string_view(*text).substr(magic.size(), eol - magic.size()) != checksum(rest)) return std::nullopt;
    const size_t generator_end = rest.find('\n');
    if (generator_end == std::string_view::npos || rest.substr(0, generator_end) != generator) return std::nullopt;
    text->erase(0, eol + 1 + generator_end + 1);
    return text;
}

void write_record_cache(const fs::path& out_dir, const std::string& generator, std::string_view bytes) {
    std::string rest = generator + "\n";
    rest += bytes;
    const fs::path target = record_cache_path(out_dir);
    const fs::path tmp = fs::path(target.string() + ".tmp-" + std::to_string(::getpid()));
    std::error_code ec;
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << magic << checksum(rest) << '\n';
        f.write(rest.data(), static_cast<std::streamsize>(rest.size()));
        if (!f.flush()) {
            f.close();
            fs::remove(tmp, ec);
            fs::remove(target, ec);
            return;
        }
    }
    fs::rename(tmp, target, ec);
    if (ec) fs::remove(tmp, ec);
}

}  // namespace gongshi::publish
