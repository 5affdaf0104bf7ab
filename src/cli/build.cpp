// eventloom build INPUT... --json OUT.json | --db OUT.sqlite
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "eventloom/export.hpp"
#include "eventloom/pipeline.hpp"
#include "eventloom/store.hpp"

namespace eventloom::cli {
namespace {

struct BuildArgs {
  std::vector<std::string> inputs;
  std::string json;
  std::string db;                           // a SQLite store to write
  unsigned jobs = 0;
  bool strict = false;
  bool quiet = false;
  bool no_text = false;
  bool no_infer_dates = false;
  std::string update;                       // a store to add the inputs to
  std::string shard;                        // "I/N": only shard I (0-based) of N
  std::string shard_by = "record";          // "record" or "file"
  std::string graphml, gexf, dot, csv;      // extra exports
  GexfVersion gexf_version = GexfVersion::V1_2draft;
};

// Bytes in the inputs (files, and the files under directories), for the
// progress line's MB/s; what cannot be read counts nothing.
uint64_t input_bytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (const std::string& in : inputs) {
    if (fs::is_regular_file(in, ec)) {
      uintmax_t n = fs::file_size(in, ec);
      if (!ec) total += n;
    } else if (fs::is_directory(in, ec)) {
      for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec)) {
          uintmax_t n = it->file_size(ec);
          if (!ec) total += n;
        }
    }
  }
  return total;
}

// " -> out.json and graph.sqlite", or nothing.
std::string written_to(const std::string& json, const std::string& db) {
  if (json.empty() && db.empty()) return {};
  return " -> " + (json.empty() ? db : db.empty() ? json : json + " and " + db);
}

// "I/N" with 0 <= I < N: true and the two numbers; false on anything else.
bool parse_shard(const std::string& s, uint32_t& index, uint32_t& count) {
  size_t slash = s.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == s.size() || s.size() > 21) return false;
  auto digits = [](std::string_view d) { return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  std::string_view i(s.data(), slash), n(s.data() + slash + 1, s.size() - slash - 1);
  if (!digits(i) || !digits(n) || i.size() > 9 || n.size() > 9) return false;
  index = static_cast<uint32_t>(std::stoul(std::string(i)));
  count = static_cast<uint32_t>(std::stoul(std::string(n)));
  return count >= 1 && index < count;
}

int do_build(const BuildArgs& a, std::ostream& out, std::ostream& err) {
  (void)out;
  BuildOptions opt;
  if (!a.shard.empty()) {
    if (!parse_shard(a.shard, opt.ingest.shard_index, opt.ingest.shard_count)) {
      err << "eventloom: --shard " << a.shard << ": expected I/N with 0 <= I < N (e.g. 0/4)\n";
      return kUsage;
    }
    if (a.shard_by != "record" && a.shard_by != "file") {
      err << "eventloom: --shard-by " << a.shard_by << ": expected record or file\n";
      return kUsage;
    }
    opt.ingest.shard_by_file = a.shard_by == "file";
    if (!a.update.empty()) {
      err << "eventloom: --shard and --update do not go together: build the shards, then merge them with the store\n";
      return kUsage;
    }
  }
  opt.jobs = a.jobs;
  opt.extract.infer_dates = !a.no_infer_dates;
  bool tty = !a.quiet && isatty(STDERR_FILENO);
  auto t0 = std::chrono::steady_clock::now();
  std::mutex progress_mu;  // workers report in turn
  if (tty) {
    double input_mb = static_cast<double>(input_bytes(a.inputs)) / 1e6;
    opt.progress = [&err, &progress_mu, t0, input_mb](size_t done, size_t total) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      double eta = done ? s * static_cast<double>(total - done) / static_cast<double>(done) : 0;
      double mbps = s > 0 && total ? input_mb * static_cast<double>(done) / static_cast<double>(total) / s : 0;
      std::lock_guard<std::mutex> lock(progress_mu);
      err << fmt::format("\r{}/{} articles, {:.1f} MB/s, {:.1f} s, ETA {:.0f} s   ", done, total, mbps, s, eta)
          << std::flush;
    };
  }
  std::optional<Corpus> previous;
  if (!a.update.empty()) {
    previous = load_store(a.update, err);
    if (!previous) return kSkipped;
  }
  BuildResult r = build_corpus(a.inputs, opt);
  if (tty) err << "\r\033[K";
  if (previous) r.corpus = merge_builds(std::move(*previous), std::move(r.corpus), opt);
  bool skipped = false;
  for (const Diagnostic& d : r.diagnostics.items) {
    skipped = skipped || d.severity != Severity::Note;
    if (!a.quiet || d.severity != Severity::Note) err << "eventloom: " << to_string(d) << "\n";
  }
  if (skipped && a.strict) {
    err << "eventloom: --strict: some inputs were skipped; nothing written\n";
    return kSkipped;
  }
  // A shard whose files all went to other shards writes an empty store: the
  // merge expects every part.
  if (r.corpus.docs.empty() && r.files_read == 0 && r.files_elsewhere == 0) {
    err << "eventloom: no input could be read; nothing written\n";
    return kSkipped;
  }
  // --update writes back into its store, in its own format, unless --json
  // or --db name where the result goes.
  std::string json = a.json, db = a.db;
  if (json.empty() && db.empty() && !a.update.empty()) (is_sqlite_file(a.update) ? db : json) = a.update;
  if (!json.empty()) {
    JsonOptions jo;
    jo.include_text = !a.no_text;
    std::string e = write_file_atomic(json, [&](std::ostream& os) { write_json(r.corpus, os, jo); });
    if (!e.empty()) {
      err << "eventloom: " << e << "\n";
      return kSkipped;
    }
  }
  if (!db.empty()) {
    SqliteOptions so;
    so.include_text = !a.no_text;
    std::string e = write_sqlite(r.corpus, db, so);
    if (!e.empty()) {
      err << "eventloom: " << e << "\n";
      return kSkipped;
    }
  }
  for (const auto& [format, path] : {std::pair<const char*, const std::string&>{"graphml", a.graphml},
                                     {"gexf", a.gexf}, {"dot", a.dot}, {"csv", a.csv}}) {
    if (path.empty()) continue;
    std::string e = write_export(r.corpus, format, path, {}, a.gexf_version);
    if (!e.empty()) {
      err << "eventloom: " << e << "\n";
      return kSkipped;
    }
  }
  if (!a.quiet) {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    err << fmt::format("eventloom: {} articles from {} files ({:.1f} MB) in {:.2f} s: {}{}\n", r.corpus.docs.size(),
                       r.files_read, static_cast<double>(r.bytes_read) / 1e6, s, to_string(count_corpus(r.corpus)),
                       written_to(json, db));
  }
  return skipped ? kSkipped : kOk;
}

}  // namespace

Command add_build(CLI::App& app) {
  auto args = std::make_shared<BuildArgs>();
  CLI::App* sub = app.add_subcommand("build", "Read articles and build the event graph");
  sub->add_option("inputs", args->inputs, "Files (.txt, .html, .jsonl), directories, or - for stdin")->required();
  sub->add_option("--json", args->json, "Write the graph as JSON to this file");
  sub->add_option("--db", args->db, "Write the graph as a SQLite store to this file (docs/sqlite-store.md)");
  sub->add_option("-j,--jobs", args->jobs, "Worker threads (0: all cores)")->capture_default_str();
  sub->add_flag("--strict", args->strict, "Fail, writing nothing, if any input is skipped");
  sub->add_flag("-q,--quiet", args->quiet, "No progress line and no notes");
  sub->add_flag("--no-text", args->no_text,
                "Leave article texts out of the store, but for the quotes, evidence sentences and names it points into");
  sub->add_flag("--no-infer-dates", args->no_infer_dates, "Do not date undated articles from their text");
  sub->add_option("--update", args->update,
                  "Add the inputs to this store, JSON or SQLite (written back to it unless --json or --db name "
                  "another file)");
  sub->add_option("--shard", args->shard,
                  "Read only shard I of N (I from 0): N runs with the same inputs cover every article once; "
                  "'eventloom merge' joins their stores into one build's");
  sub->add_option("--shard-by", args->shard_by,
                  "With --shard: split by 'record' (default; every shard reads every file) or by whole 'file' "
                  "(a shard reads only its own files: for many more files than shards)")
      ->capture_default_str();
  sub->add_option("--graphml", args->graphml, "Also write the graph as GraphML");
  sub->add_option("--gexf", args->gexf, "Also write the graph as GEXF (with time intervals)");
  add_gexf_version_option(sub, args->gexf_version);
  sub->add_option("--dot", args->dot, "Also write the graph as DOT");
  sub->add_option("--csv", args->csv, "Also write CSV tables into this directory");
  return Command{[args](std::ostream& out, std::ostream& err) { return do_build(*args, out, err); }};
}

}  // namespace eventloom::cli
