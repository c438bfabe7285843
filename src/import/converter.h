// Running the field's own converters (pandoc, pdftotext) as programs: argv in, standard output out.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gongshi::importer {

struct ProgramRun {
    int status = 0;   // exit status; 128 + the signal if one ended it
    std::string out;  // standard output
    std::string err;  // standard error
};

// True if `program` is an executable file in one of PATH's folders.
bool program_on_path(const std::string& program);

// Runs argv[0] (looked up in PATH) with no shell and no standard input; nothing if it could not be started
// (`why` says why).
std::optional<ProgramRun> run_program(const std::vector<std::string>& argv, std::string& why);

}  // namespace gongshi::importer
