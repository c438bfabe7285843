// `gongshi new notice|reply|project|ratings|progress <id> …`: writes a scaffold for staff to fill in.
#include <iostream>

#include "cli/commands.h"

namespace gongshi::cli {

void add_new_command(CLI::App& app, Commands& c) {
    c.new_record = app.add_subcommand("new", "write a new record to fill in (never overwrites an existing one)");
    c.new_record->require_subcommand(1);
    c.new_record->fallthrough();  // `gongshi new notice ID --content DIR` as well as `gongshi new --content DIR notice ID`
    c.new_record->add_option("--content", c.options.content, "content folder (default: content)");
    auto& r = c.record;
    using Kind = scaffold::NewRecord::Kind;

    auto* notice = c.new_record->add_subcommand("notice", "a notice: content/notices/<id>.md");
    notice->add_option("id", r.id, "the notice's id, e.g. jinminhan-2024-12")->required();
    notice->add_option("--doc-number", r.doc_number, "文号 as printed, e.g. 晋民函〔2024〕12号");
    notice->add_option("--date", r.date, "成文日期, YYYY-MM-DD");
    notice->add_option("--title", r.title, "the full title as printed");
    notice->callback([&r] { r.kind = Kind::notice; });

    auto* reply = c.new_record->add_subcommand("reply", "a reply letter: content/replies/<id>.md");
    reply->add_option("id", r.id, "the letter's id, e.g. changminhan-2025-49")->required();
    reply->add_option("--doc-number", r.doc_number, "文号 as printed, e.g. 长民函〔2025〕49号");
    reply->add_option("--date", r.date, "成文日期, YYYY-MM-DD");
    reply->add_option("--title", r.title, "the title as printed");
    reply->add_option("--city", r.city, "city id, e.g. changzhi");
    reply->callback([&r] { r.kind = Kind::reply; });

    auto* project = c.new_record->add_subcommand("project", "a project: content/projects/<city>/<id>.yaml");
    project->add_option("id", r.id, "the project's id, e.g. taiyuan-yingze-longchengxinyuan-2022")->required();
    project->add_option("--city", r.city, "city id, e.g. taiyuan")->required();
    project->add_option("--county", r.county, "county or zone as printed, e.g. 迎泽区 (omit if the name states none)");
    project->add_option("--year", r.year, "program year, e.g. 2024")->required();
    project->add_option("--name", r.title, "the official name as printed");
    project->callback([&r] { r.kind = Kind::project; });

    auto* ratings = c.new_record->add_subcommand("ratings", "the ratings a notice issues: content/ratings/<notice-id>.yaml");
    ratings->add_option("id", r.id, "the notice's id")->required();
    ratings->add_option("--year", r.year, "program year of the first group");
    ratings->callback([&r] { r.kind = Kind::ratings; });

    auto* progress = c.new_record->add_subcommand("progress", "what a progress notice reports: content/progress/<notice-id>.yaml");
    progress->add_option("id", r.id, "the notice's id")->required();
    progress->add_option("--year", r.year, "program year it reports on");
    progress->callback([&r] { r.kind = Kind::progress; });
}

int run_new(const BuildOptions& options, const scaffold::NewRecord& record) {
    diag::Diagnostics diags;
    const auto written = scaffold::create(options.content, record, diags);
    std::cerr << diag::format_all(diags, io::DiskFiles());
    if (!written) return 1;
    std::cout << "created " << written->file.generic_string() << "\nnext:\n";
    for (const auto& step : written->next_steps) std::cout << "  - " << step << "\n";
    return 0;
}

}  // namespace gongshi::cli
