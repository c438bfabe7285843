// `gongshi import notice FILE [--id ID] [--content DIR] [--write [--accept-uncertain]]`: proposes the notice, its
// ratings and new projects from the department's text, Word or PDF file; prints them, or writes them.
#include <iostream>

#include "cli/commands.h"
#include "import/import_notice.h"

namespace gongshi::cli {

void add_import_command(CLI::App& app, Commands& c) {
    c.import = app.add_subcommand("import", "propose records from a notice's text, Word (.docx) or PDF file");
    c.import->require_subcommand(1);
    c.import->fallthrough();
    auto* notice = c.import->add_subcommand(
        "notice", "the notice, its ratings and new projects; prints them unless --write (never overwrites a record)");
    auto& o = c.import_options;
    notice->add_option("file", o.file, "the notice: .txt or .md (UTF-8), .docx (needs pandoc), .pdf (needs poppler-utils)")
        ->required();
    notice->add_option("--id", o.id, "the notice's id (default: from its 文号, 晋民函〔2023〕169号 → jinminhan-2023-169)");
    notice->add_option("--content", o.content, "content folder (default: content)");
    auto* write = notice->add_flag("--write", o.write, "write the records into the content folder");
    notice->add_flag("--accept-uncertain", o.accept_uncertain,
                     "write even with uncertain spots, each marked 待核对/待填写 for you to finish")
        ->needs(write);
}

int run_import(const ImportOptions& o) {
    diag::Diagnostics diags;
    auto plan = importer::plan_import({o.file, o.content, o.id}, diags);
    if (!plan) {
        std::cerr << diag::format_all(diags, io::DiskFiles());
        return 1;
    }
    const bool write = o.write && (plan->uncertain == 0 || o.accept_uncertain);
    if (!o.write)
        for (const auto& f : plan->files)
            std::cout << (f.exists ? "=== exists, kept (the proposal, to compare): " : "=== would write: ")
                      << f.path.generic_string() << "\n"
                      << f.text << (f.text.ends_with('\n') ? "" : "\n");
    const bool written = write && importer::write_plan(*plan, diags);
    std::cerr << diag::format_all(diags, plan->source_lines);
    std::cout << "entries in the lists: " << plan->entries << " (" << plan->matched << " naming a project the site has, "
              << plan->new_projects << " new project records); uncertain: " << plan->uncertain << "\n";
    if (written) {
        int created = 0;
        for (const auto& f : plan->files)
            if (!f.exists) {
                std::cout << "created " << f.path.generic_string() << "\n";
                ++created;
            }
        if (created == 0) {
            std::cout << "nothing new to write: every record is there already\n";
            return 0;
        }
        std::cout << "next:\n  - fill in every 待填写 and settle every 待核对 in the files above\n"
                  << "  - then run: gongshi check\n";
        return 0;
    }
    if (o.write && !write)
        std::cout << "nothing written: settle the uncertain spots above and import again, or write them marked "
                     "with --write --accept-uncertain\n";
    else if (!o.write)
        std::cout << "nothing written (a dry run): add --write to write these records\n";
    return plan->uncertain > 0 || (o.write && !written) ? 1 : 0;
}

}  // namespace gongshi::cli
