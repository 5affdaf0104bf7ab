// Dispatch to subcommands with CLI11; map parse errors to exit status 2.
#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace eventloom::cli {

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{"eventloom: who said what, who did what to whom, and when, from news articles", "eventloom"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "eventloom 0.1.0");
  std::vector<std::pair<CLI::App*, Command>> commands;
  auto add = [&](auto adder) {
    size_t before = app.get_subcommands({}).size();
    Command c = adder(app);
    commands.emplace_back(app.get_subcommands({})[before], std::move(c));
  };
  for (auto adder : {add_build, add_merge, add_export, add_inspect, add_timeline, add_network, add_report, add_summary,
                      add_tag, add_parse})
    add(adder);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return kOk;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return kOk;
  } catch (const CLI::CallForVersion& e) {
    out << "eventloom 0.1.0\n";
    return kOk;
  } catch (const CLI::ParseError& e) {
    err << "eventloom: " << e.what() << "\n";
    err << "Run 'eventloom --help' for usage.\n";
    return kUsage;
  }
  for (auto& [sub, cmd] : commands)
    if (sub->parsed()) return cmd.action(out, err);
  return kUsage;
}

}  // namespace eventloom::cli
