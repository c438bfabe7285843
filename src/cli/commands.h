// The subcommands: each maps its options onto the pipeline and prints what happened.
#pragma once

#include <CLI/CLI.hpp>

#include "pipeline.h"
#include "scaffold/scaffold.h"

namespace gongshi::cli {

// `gongshi import notice FILE …`
struct ImportOptions {
    std::string file;
    std::string id;
    std::string content = "content";
    bool write = false;
    bool accept_uncertain = false;
};

// Registers `build` and `check`; the returned value holds the parsed options.
struct Commands {
    BuildOptions options;
    CLI::App* build = nullptr;
    CLI::App* check = nullptr;
    CLI::App* serve = nullptr;
    int port = 1313;  // serve --port
    CLI::App* new_record = nullptr;  // `new notice|reply|project|ratings`
    scaffold::NewRecord record;
    CLI::App* import = nullptr;  // `import notice FILE`
    ImportOptions import_options;
};

void add_commands(CLI::App& app, Commands& commands);
// --content, --templates, --assets, --drafts: the inputs of build, check and serve.
void add_input_options(CLI::App& cmd, BuildOptions& options);
int run_build(const BuildOptions& options);
int run_check(const BuildOptions& options);
void add_serve_command(CLI::App& app, Commands& commands);
int run_serve(const Commands& commands);
void add_new_command(CLI::App& app, Commands& commands);
int run_new(const BuildOptions& options, const scaffold::NewRecord& record);
void add_import_command(CLI::App& app, Commands& commands);
int run_import(const ImportOptions& options);

}  // namespace gongshi::cli
