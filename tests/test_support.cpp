#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "pipeline.h"

namespace gongshi::testing {

TempDir::TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "gongshi-test-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

fs::path source_dir() { return GONGSHI_SOURCE_DIR; }
fs::path fixture(const std::string& name) { return source_dir() / "tests" / "fixtures" / name; }

fs::path copy_fixture(const std::string& name, const fs::path& dir) {
    const fs::path to = dir / "content";
    fs::copy(fixture(name), to, fs::copy_options::recursive);
    return to;
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_text(const fs::path& file, std::string_view text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

void edit(const fs::path& file, std::string_view from, std::string_view to) {
    std::string text = read_text(file);
    const size_t at = text.find(from);
    INFO("editing " << file << ": looking for «" << from << "»");
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
    write_text(file, text);
}

std::vector<std::string> check_messages(const fs::path& content, bool drafts) {
    BuildOptions options;
    options.content = content;
    options.drafts = drafts;
    const diag::Diagnostics diags = check_content(options).diags;
    std::vector<std::string> out;
    const std::string prefix = content.lexically_normal().generic_string();
    for (const auto& d : diags.sorted()) {
        std::string line = diag::format(d);
        if (line.rfind(prefix, 0) == 0) line = "content" + line.substr(prefix.size());
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> check_errors(const fs::path& content, bool drafts) {
    std::vector<std::string> out;
    for (auto& line : check_messages(content, drafts))
        if (line.find(": error: ") != std::string::npos) out.push_back(line);
    return out;
}

InputCopy::InputCopy() {
    fs::copy(source_dir() / "templates", templates, fs::copy_options::recursive);
    fs::copy(source_dir() / "assets", assets, fs::copy_options::recursive);
}

std::map<std::string, std::string> read_tree(const fs::path& root) {
    std::map<std::string, std::string> out;
    if (!fs::exists(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[e.path().lexically_relative(root).generic_string()] = read_text(e.path());
    return out;
}

int run_command(const std::string& command, std::string& output) {
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    output.clear();
    char buf[16384];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
    const int status = ::pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string gongshi_binary() {
    const char* other = std::getenv("GONGSHI_TEST_BINARY");
    return other && *other ? other : GONGSHI_BINARY;
}

int run_gongshi(const std::string& args, std::string& output, const fs::path& cwd) {
    const std::string cd = cwd.empty() ? "" : "cd '" + cwd.string() + "' && ";
    return run_command(cd + gongshi_binary() + " " + args, output);
}

std::string build_command(const fs::path& content, const fs::path& out, const std::string& extra,
                          const fs::path& templates, const fs::path& assets) {
    return "build --content " + content.string() + " --templates " + templates.string() + " --assets " +
           assets.string() + " --out " + out.string() + " " + extra;
}

std::vector<std::string> staging_leftovers(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".staging-") != std::string::npos) out.push_back(e.path().string());
    return out;
}

}  // namespace gongshi::testing
