// eventloom merge A B... --json OUT.json | --db OUT.sqlite (A, B: JSON or SQLite stores)
//
// One pass over any number of stores (a k-way merge): each store is loaded in
// turn and only its articles' extractions are kept; templates are found once
// over all of them and the global layer is consolidated once, so the result
// is one build's whatever the number and the order of the parts.
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "eventloom/export.hpp"
#include "eventloom/pipeline.hpp"
#include "eventloom/store.hpp"

namespace eventloom::cli {

Command add_merge(CLI::App& app) {
  struct Args {
    std::vector<std::string> stores;
    std::string json, db;
  };
  auto a = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("merge", "Combine stores as if their inputs had been built in one run");
  sub->add_option("stores", a->stores, "Stores written by 'eventloom build', JSON or SQLite")->required()->expected(1, -1);
  CLI::Option* json = sub->add_option("--json", a->json, "Write the merged store here as JSON");
  CLI::Option* db = sub->add_option("--db", a->db, "Write the merged store here as SQLite");
  sub->callback([json, db] {
    if (json->count() == 0 && db->count() == 0) throw CLI::RequiredError("--json or --db");
  });
  return Command{[a](std::ostream&, std::ostream& err) {
    std::vector<DocExtraction> docs;
    Diagnostics diag;
    for (const std::string& path : a->stores) {
      std::optional<Corpus> c = load_store(path, err);
      if (!c) return static_cast<int>(kSkipped);
      if (docs.empty()) docs.reserve(c->docs.size() * a->stores.size());
      for (DocExtraction& d : c->docs) docs.push_back(std::move(d));
      diag.append(c->diagnostics);
    }  // each part's actors, statements and events are gone here
    std::optional<Corpus> acc = merge_extractions(std::move(docs), std::move(diag));
    for (const std::string& e :
         {a->json.empty() ? std::string() : write_file_atomic(a->json, [&](std::ostream& os) { write_json(*acc, os); }),
          a->db.empty() ? std::string() : write_sqlite(*acc, a->db)})
      if (!e.empty()) {
        err << "eventloom: " << e << "\n";
        return static_cast<int>(kSkipped);
      }
    // The same summary as build's.
    err << "eventloom: " << a->stores.size() << " stores merged: " << acc->docs.size() << " articles, "
        << to_string(count_corpus(*acc)) << " -> "
        << (a->json.empty() ? a->db : a->db.empty() ? a->json : a->json + " and " + a->db) << "\n";
    return static_cast<int>(kOk);
  }};
}

}  // namespace eventloom::cli
