// Where the render stage writes files: an interface of render's, implemented by publish's staging folder in a
// build, and by a map in memory in tests.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace gongshi::render {

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

}  // namespace gongshi::render
