// gongshi: argv → command; exit 0 success, 1 content (or build) errors, 2 usage errors.
#include <iostream>

#include "cli/commands.h"
#include "load/yaml_leak_suppression.h"
#include "memory/allocator.h"

#ifndef GONGSHI_VERSION
#define GONGSHI_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
    CLI::App app{"gongshi — static site for the public disclosure of Shanxi's community elderly-care projects"};
    app.set_version_flag("--version", "gongshi " GONGSHI_VERSION " (memory: " +
                                          std::string(gongshi::memory::allocator_name()) + ")");
    app.require_subcommand(1);
    gongshi::cli::Commands commands;
    gongshi::cli::add_commands(app, commands);
    gongshi::cli::add_serve_command(app, commands);
    gongshi::cli::add_new_command(app, commands);
    gongshi::cli::add_import_command(app, commands);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        if (commands.build->parsed()) return gongshi::cli::run_build(commands.options);
        if (commands.serve->parsed()) return gongshi::cli::run_serve(commands);
        if (commands.new_record->parsed()) return gongshi::cli::run_new(commands.options, commands.record);
        if (commands.import->parsed()) return gongshi::cli::run_import(commands.import_options);
        return gongshi::cli::run_check(commands.options);
    } catch (const std::exception& e) {
        std::cerr << "gongshi: error: " << e.what() << "\nthe previous site was left unchanged\n";
        return 1;
    }
}
