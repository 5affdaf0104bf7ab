// eventloom merge A.json B.json... --json OUT.json
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "eventloom/export.hpp"
#include "eventloom/pipeline.hpp"

namespace eventloom::cli {

Command add_merge(CLI::App& app) {
  struct Args {
    std::vector<std::string> stores;
    std::string json;
  };
  auto a = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("merge", "Combine JSON stores as if their inputs had been built in one run");
  sub->add_option("stores", a->stores, "JSON stores written by 'eventloom build --json'")->required()->expected(2, -1);
  sub->add_option("--json", a->json, "Write the merged store here")->required();
  return Command{[a](std::ostream&, std::ostream& err) {
    std::optional<Corpus> acc;
    for (const std::string& path : a->stores) {
      std::optional<Corpus> c = load_store(path, err);
      if (!c) return static_cast<int>(kSkipped);
      acc = acc ? merge_builds(std::move(*acc), std::move(*c)) : std::move(*c);
    }
    std::string e = write_file_atomic(a->json, [&](std::ostream& os) { write_json(*acc, os); });
    if (!e.empty()) {
      err << "eventloom: " << e << "\n";
      return static_cast<int>(kSkipped);
    }
    // The same summary as build's.
    err << "eventloom: " << a->stores.size() << " stores merged: " << acc->docs.size() << " articles, "
        << to_string(count_corpus(*acc)) << " -> " << a->json << "\n";
    return static_cast<int>(kOk);
  }};
}

}  // namespace eventloom::cli
