// Making the open-data files of a build: each table's years' files (render/open_data.h), each keyed by what
// its rows are made from so that a year whose sources did not change is left as the last build wrote it,
// unmade; the whole-dataset files assembled from the years' bytes; and /data/datapackage.json, which gives
// every file's size and SHA-256 (those of the files left alone come from the last build's package).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "model/site.h"
#include "render/data_package.h"
#include "render/output_sink.h"

namespace gongshi::render {

class OpenDataFiles {
  public:
    OpenDataFiles(const model::Site& site, OutputSink& sink, const PreviousOutput& previous,
                  const PreviousBytes& previous_bytes);
    // One job per table and format: its years' files and its whole-dataset file. Jobs may run at once.
    size_t job_count() const;
    void run(size_t job);
    // After every job: writes the data package; returns every open-data file as the output now holds it.
    RenderedFiles finish();
    long long parts_made() const {
        return parts_made_;
    }  // years' files made this build (the others were kept)

  private:
    struct Made {
        RenderedFiles files;
        std::map<std::string, DataFileFacts> facts;
    };
    const model::Site& site_;
    OutputSink& sink_;
    const PreviousOutput& previous_;
    const PreviousBytes& previous_bytes_;
    std::map<std::string, DataFileFacts> facts_before_;  // from the last build's package
    std::vector<Made> made_;                             // by job
    std::mutex count_mutex_;
    long long parts_made_ = 0;

    std::optional<RenderedFile> before(const std::string& path) const;
    std::optional<std::string> bytes_before(const std::string& path, const RenderedFile& was) const;
    RenderedFile emit(const std::string& path, const std::string& bytes, std::uint64_t depends, bool force,
                      Made& into);
};

}  // namespace gongshi::render
