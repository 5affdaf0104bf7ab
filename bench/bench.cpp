// eventloom_bench: throughput, memory and the share of time per stage of
// `build`, on JSON Lines (or any) corpora.
//
//   eventloom_bench [--jobs N] [--repeat N] [--stage-repeat N] [--no-stages] FILE...
//
// For each FILE, two measurements:
//  1. End to end, as `eventloom build FILE --json OUT` does it: build_corpus()
//     on N threads, then write_json() into a sink that only counts bytes.
//     Repeated --repeat times; the median wall time gives MB/s and
//     articles/s. Peak RSS is the process's high-water mark after the first
//     run, so run one FILE per process when memory matters (scripts/bench.sh
//     does).
//  2. Stage by stage, on one thread (with the heap in use after ingest,
//     extraction and consolidation): ingest, then for every document the
//     calls that extract_document() makes (analyze, date inference and
//     tag_times, analyse_article in its two halves: the part-of-speech
//     tagger and the name tagger, find_actors, find_statements,
//     find_events, the mapping of spans back to the original text), each
//     timed on its own, then consolidate and write_json. The stopwatch is
//     the process's CPU time, so that other work on a shared machine counts
//     less (consolidate and write_json use all cores inside: theirs is the
//     sum over threads); the shares are of the summed CPU time. The
//     analysis stage is also shown in tokens (of sentences) per second.
//     The dependency parser is timed as the later stages will call it
//     (parse_article: the sentences needs_parse() picks), and, outside the
//     sum, on every sentence, in words (the tagger's pieces) per second;
//     and the share of sentences that the later stages had parsed (lazily,
//     through Analysis::parse, as in the build: the statements' and events'
//     times include the parses they ask for).
//     With --stage-repeat N the pass runs N times and each stage's median
//     is shown.
//
// The output is Markdown, ready to paste into docs/benchmarks.md.
#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analyse/article.hpp"
#include "eventloom/actors.hpp"
#include "eventloom/analyse.hpp"
#include "eventloom/events.hpp"
#include "eventloom/export.hpp"
#include "eventloom/pipeline.hpp"
#include "eventloom/statements.hpp"
#include "eventloom/time.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using eventloom::Corpus;
using eventloom::DocExtraction;
using eventloom::Document;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// CPU time of the whole process (every thread), in seconds: what the stage
// pass measures, so that other work on a shared machine does not count.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double cpu_seconds_since(double t0) { return cpu_seconds() - t0; }

// Bytes the allocator has handed out and not had back (glibc).
double heap_in_use_mb() { return static_cast<double>(mallinfo2().uordblks) / 1e6; }

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

// An ostream that throws its bytes away and counts them.
class CountingBuf : public std::streambuf {
 public:
  uint64_t count = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<uint64_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++count;
    return traits_type::not_eof(c);
  }
};

uint64_t write_json_counted(const Corpus& c) {
  CountingBuf buf;
  std::ostream os(&buf);
  eventloom::write_json(c, os);
  return buf.count;
}

struct Options {
  unsigned jobs = 0;
  int repeat = 3;
  int stage_repeat = 1;
  bool stages = true;
  std::vector<std::string> files;
};

struct EndToEnd {
  double median_s = 0, min_s = 0, cpu_median_s = 0;
  uint64_t bytes = 0, json_bytes = 0;
  size_t articles = 0, actors = 0, statements = 0, events = 0;
  double rss_mb = 0;
};

EndToEnd run_end_to_end(const std::string& file, const Options& o) {
  EndToEnd r;
  std::vector<double> times, cpu;
  for (int i = 0; i < std::max(1, o.repeat); ++i) {
    auto t0 = Clock::now();
    const double c0 = cpu_seconds();
    eventloom::BuildOptions bo;
    bo.jobs = o.jobs;
    eventloom::BuildResult b = eventloom::build_corpus({file}, bo);
    r.json_bytes = write_json_counted(b.corpus);
    times.push_back(seconds_since(t0));
    cpu.push_back(cpu_seconds_since(c0));
    if (i == 0) r.rss_mb = peak_rss_mb();
    r.bytes = b.bytes_read;
    r.articles = b.corpus.docs.size();
    r.actors = b.corpus.actors.size();
    r.statements = b.corpus.statements.size();
    r.events = b.corpus.events.size();
  }
  std::sort(times.begin(), times.end());
  r.median_s = times[times.size() / 2];
  r.min_s = times.front();
  std::sort(cpu.begin(), cpu.end());
  r.cpu_median_s = cpu[cpu.size() / 2];
  return r;
}

enum Stage {
  kIngest, kTemplates, kText, kTime, kTagger, kNames, kParse, kActors, kStatements, kEvents, kMapBack, kConsolidate,
  kJson, kStages
};
constexpr std::array<const char*, kStages> kStageNames = {
    "ingest", "site templates", "text analysis", "time (tagging, dating)", "part-of-speech tagger",
    "name tagger", "dependency parser (picked sentences)", "actors", "statements", "events", "spans to original", "consolidate", "JSON write"};

// What the stage pass counts besides its times.
struct Counts {
  uint64_t tokens = 0;  // tokens in sentences: what the analysis reads
  uint64_t pieces = 0;  // the words the tagger tags (tokens cut at clitics and hyphens)
  uint64_t sentences = 0, picked = 0, picked_pieces = 0;  // sentences, and those needs_parse() picks
  uint64_t parsed = 0;  // sentences the later stages had parsed (Analysis::parse)
  double parse_all_s = 0;  // parse_sentence() on every sentence (CPU time)
};

// extract_document(), with a CPU stopwatch around each call.
DocExtraction extract_timed(Document doc, std::array<double, kStages>& t, Counts& count) {
  double t0 = cpu_seconds();
  eventloom::AnnotatedText at = eventloom::analyze(doc);
  t[kText] += cpu_seconds_since(t0);

  t0 = cpu_seconds();
  if (!doc.published) {
    eventloom::PublicationDateGuess guess = eventloom::infer_publication_date(at);
    if (guess.date) {
      doc.published = guess.date;
      doc.published_from = eventloom::DateSource::Text;
      doc.published_evidence = guess.evidence;
    }
  }
  DocExtraction x;
  x.timexes = eventloom::tag_times(at, eventloom::TimeOptions{doc.published});
  t[kTime] += cpu_seconds_since(t0);

  // analyse_article(), a half at a time.
  t0 = cpu_seconds();
  eventloom::analyse::TaggedArticle tagged = eventloom::analyse::tag_article(at);
  t[kTagger] += cpu_seconds_since(t0);
  t0 = cpu_seconds();
  eventloom::analyse::name_article(at, tagged);
  t[kNames] += cpu_seconds_since(t0);
  for (const eventloom::Sentence& s : at.sentences) count.tokens += s.last_token - s.first_token;
  count.pieces += tagged.analysis.words.size();

  t0 = cpu_seconds();
  std::vector<eventloom::SentenceParse> trees = eventloom::parse_article(at, tagged.analysis);
  t[kParse] += cpu_seconds_since(t0);
  count.sentences += at.sentences.size();
  count.picked += trees.size();
  for (const auto& tr : trees) count.picked_pieces += tr.size();
  t0 = cpu_seconds();
  for (uint32_t si = 0; si < at.sentences.size(); ++si) eventloom::parse_sentence(at, tagged.analysis, si);
  count.parse_all_s += cpu_seconds_since(t0);

  t0 = cpu_seconds();
  eventloom::ActorExtraction actors = eventloom::find_actors(at, tagged.analysis);
  t[kActors] += cpu_seconds_since(t0);

  t0 = cpu_seconds();
  x.statements = eventloom::find_statements(eventloom::StatementInput{at, actors, x.timexes, doc.published, &tagged.analysis});
  t[kStatements] += cpu_seconds_since(t0);

  t0 = cpu_seconds();
  x.events = eventloom::find_events(eventloom::EventInput{at, actors, x.timexes, x.statements, doc.published, &tagged.analysis});
  t[kEvents] += cpu_seconds_since(t0);
  count.parsed += tagged.analysis.parsed();

  t0 = cpu_seconds();
  x.actors = std::move(actors.actors);
  x.mentions = std::move(actors.mentions);
  const eventloom::NormText& n = at.norm;
  for (eventloom::Timex& tx : x.timexes) tx.span = n.to_original(tx.span);
  for (eventloom::Mention& m : x.mentions) m.span = n.to_original(m.span);
  for (eventloom::LocalStatement& s : x.statements) {
    s.content = n.to_original(s.content);
    if (s.speaker_span) s.speaker_span = n.to_original(*s.speaker_span);
    if (s.cue) s.cue = n.to_original(*s.cue);
  }
  for (eventloom::LocalEvent& e : x.events) {
    e.trigger = n.to_original(e.trigger);
    e.sentence = n.to_original(e.sentence);
  }
  x.doc = std::move(doc);
  t[kMapBack] += cpu_seconds_since(t0);
  return x;
}

struct HeapUse {
  double ingested = 0, extracted = 0, consolidated = 0;
};

std::array<double, kStages> run_stages(const std::string& file, uint64_t& json_bytes, HeapUse& heap, Counts& n) {
  std::array<double, kStages> t{};
  double t0 = cpu_seconds();
  eventloom::IngestResult in = eventloom::ingest({file});
  t[kIngest] = cpu_seconds_since(t0);
  heap.ingested = heap_in_use_mb();
  t0 = cpu_seconds();
  eventloom::BuildOptions one_thread;
  one_thread.jobs = 1;
  eventloom::mark_templates(in.documents, one_thread, in.diagnostics);
  t[kTemplates] = cpu_seconds_since(t0);

  std::vector<DocExtraction> xs;
  xs.reserve(in.documents.size());
  for (Document& d : in.documents) xs.push_back(extract_timed(std::move(d), t, n));
  in.documents.clear();
  heap.extracted = heap_in_use_mb();

  t0 = cpu_seconds();
  Corpus c = eventloom::consolidate(std::move(xs));
  t[kConsolidate] = cpu_seconds_since(t0);
  heap.consolidated = heap_in_use_mb();

  t0 = cpu_seconds();
  json_bytes = write_json_counted(c);
  t[kJson] = cpu_seconds_since(t0);
  return t;
}

void report(const std::string& file, const Options& o) {
  EndToEnd e = run_end_to_end(file, o);
  double mb = static_cast<double>(e.bytes) / 1e6;
  fmt::print("### {}\n\n", file.substr(file.find_last_of('/') + 1));
  fmt::print("{:.1f} MB, {} articles -> {} actors, {} statements, {} events; JSON {:.1f} MB\n\n", mb,
             e.articles, e.actors, e.statements, e.events, static_cast<double>(e.json_bytes) / 1e6);
  fmt::print("| measure | value |\n| --- | --- |\n");
  fmt::print("| jobs | {} |\n", o.jobs ? fmt::format("{}", o.jobs) : std::string("all cores"));
  fmt::print("| wall time, median of {} (min) | {:.2f} s ({:.2f} s) |\n", std::max(1, o.repeat), e.median_s,
             e.min_s);
  fmt::print("| CPU time of all threads, median | {:.2f} s |\n", e.cpu_median_s);
  fmt::print("| throughput (median) | {:.1f} MB/s |\n", mb / e.median_s);
  fmt::print("| articles/s (median) | {:.0f} |\n", static_cast<double>(e.articles) / e.median_s);
  fmt::print("| peak RSS (first run) | {:.0f} MB ({:.1f}x the input) |\n\n", e.rss_mb, e.rss_mb / mb);
  std::fflush(stdout);
  if (!o.stages) return;

  uint64_t json_bytes = 0;
  HeapUse heap;
  Counts n;
  // Each stage's median over the passes (the heap and counts of the first).
  const int passes = std::max(1, o.stage_repeat);
  std::array<std::vector<double>, kStages> runs;
  std::vector<double> parse_all;
  for (int r = 0; r < passes; ++r) {
    HeapUse h;
    Counts c;
    std::array<double, kStages> one = run_stages(file, json_bytes, h, c);
    if (r == 0) {
      heap = h;
      n = c;
    }
    for (int s = 0; s < kStages; ++s) runs[s].push_back(one[s]);
    parse_all.push_back(c.parse_all_s);
  }
  std::sort(parse_all.begin(), parse_all.end());
  n.parse_all_s = parse_all[parse_all.size() / 2];
  std::array<double, kStages> t{};
  for (int s = 0; s < kStages; ++s) {
    std::sort(runs[s].begin(), runs[s].end());
    t[s] = runs[s][runs[s].size() / 2];
  }
  double total = 0;
  for (double s : t) total += s;
  fmt::print("Stage by stage, one thread (CPU time; {:.2f} s in all, {:.1f} MB/s{}):\n\n", total, mb / total,
             passes > 1 ? fmt::format("; each stage the median of {} passes", passes) : std::string());
  fmt::print("| stage | seconds | share | tokens/s |\n| --- | ---: | ---: | ---: |\n");
  auto per_s = [&](double s) { return s > 0 ? fmt::format("{:.0f}", static_cast<double>(n.tokens) / s) : std::string("-"); };
  for (int s = 0; s < kStages; ++s)
    fmt::print("| {} | {:.3f} | {:.1f} % | {} |\n", kStageNames[s], t[s], 100.0 * t[s] / total,
               s == kTagger || s == kNames || s == kParse ? per_s(t[s]) : std::string());
  const double analysis = t[kTagger] + t[kNames];
  fmt::print("\nThe analysis stage (analyse_article): {} tokens in sentences ({} pieces for the tagger), "
             "tagger and name tagger together {:.3f} s, {} tokens/s on one thread.\n",
             n.tokens, n.pieces, analysis, per_s(analysis));
  auto rate = [](uint64_t k, double secs) { return secs > 0 ? fmt::format("{:.0f}", double(k) / secs) : std::string("-"); };
  fmt::print("\nThe dependency parser: {} of {} sentences picked ({:.1f} %), {} words parsed in {:.3f} s, {} words/s; "
             "every sentence: {} words in {:.3f} s, {} words/s ({} tokens/s), on one thread.\n",
             n.picked, n.sentences, n.sentences ? 100.0 * double(n.picked) / double(n.sentences) : 0.0, n.picked_pieces,
             t[kParse], rate(n.picked_pieces, t[kParse]), n.pieces, n.parse_all_s, rate(n.pieces, n.parse_all_s),
             rate(n.tokens, n.parse_all_s));
  fmt::print("\nThe later stages (actors, statements, events) had {} of {} sentences parsed ({:.1f} %).\n",
             n.parsed, n.sentences, n.sentences ? 100.0 * double(n.parsed) / double(n.sentences) : 0.0);
  fmt::print("\nHeap in use (malloc): {:.0f} MB after ingest, {:.0f} MB with every extraction, {:.0f} MB consolidated.\n\n",
             heap.ingested, heap.extracted, heap.consolidated);
  std::fflush(stdout);
}

int usage() {
  std::fprintf(stderr, "usage: eventloom_bench [--jobs N] [--repeat N] [--stage-repeat N] [--no-stages] FILE...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if ((a == "--jobs" || a == "-j") && i + 1 < argc) {
      o.jobs = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else if (a == "--repeat" && i + 1 < argc) {
      o.repeat = std::atoi(argv[++i]);
    } else if (a == "--stage-repeat" && i + 1 < argc) {
      o.stage_repeat = std::atoi(argv[++i]);
    } else if (a == "--no-stages") {
      o.stages = false;
    } else if (!a.empty() && a[0] == '-') {
      return usage();
    } else {
      o.files.push_back(a);
    }
  }
  if (o.files.empty()) return usage();
  for (const std::string& f : o.files) report(f, o);
  return 0;
}
