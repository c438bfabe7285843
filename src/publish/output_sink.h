// Where rendered files go: the staging folder in a build, a map in memory in tests.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace gongshi::publish {

class OutputSink {
public:
    virtual ~OutputSink() = default;
    // `path` is relative to the site root ("projects/x/index.html"). Safe to call from several threads.
    virtual void write(const std::string& path, std::string_view bytes) = 0;
};

class MemorySink : public OutputSink {
public:
    void write(const std::string& path, std::string_view bytes) override {
        std::lock_guard lock(mutex_);
        files_[path] = std::string(bytes);
    }
    const std::map<std::string, std::string>& files() const { return files_; }

private:
    std::mutex mutex_;
    std::map<std::string, std::string> files_;
};

// Rejects a relative output path that could leave the site folder (absolute, "..", empty parts).
bool is_safe_output_path(std::string_view path);

}  // namespace gongshi::publish
