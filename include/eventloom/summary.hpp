// Timeline summaries: the days that mattered, and what happened on each.
//
// summarize() chooses key days by the evidence a store holds, then a few
// sentences for each, as a journalist's timeline reads ("2010-01-12: The
// quake struck at 1653 ..."). It follows the two-step design of the timeline
// summarisation literature (Tran et al. 2013; Martschat and Markert 2018;
// Ghalandari and Ifrim 2020, DATEWISE):
//
// 1. Days. A day is scored by the articles that point at it: those that name
//    it in a time expression (a day other than their own publication day;
//    an explicit date, "March 17", counts more than "Wednesday"), those
//    published on it and, at half weight, the day after (the reports of a
//    day's events come out the next morning), and, at a quarter, the
//    articles that report an event (not a statement) dated to it by their
//    text. Candidate days run from a week before the first publication day
//    to the last, and within --from/--to. The best K are kept.
// 2. Sentences. A day's candidates are the sentences that name it (not by a
//    clock time, "4:50 pm on 18 Jan 2010", mostly a comment's timestamp), and
//    (at half weight) the undated sentences of the articles published on it.
//    Sentences are bags of words weighted by tf-idf over the whole store;
//    the summary takes, one at a time, the sentence closest to the weighted
//    centroid of the day's candidates, less its similarity to the sentences
//    already taken (maximal marginal relevance), so no two say the same.
//    A sentence that reports an event with participants is preferred, the
//    more so as its actors are central (their distinct partners in events,
//    as a share of the best connected actor's).
//
// On Timeline17's development timelines (scripts/eval_tls.sh, with the
// gold's K and N) this gives date F1 59.0 and align_m1 ROUGE-1 F1 21.1; the
// k days with the most articles give 47.8 and 10.2. Weighting a day's events
// by their actors' centrality lowered date F1 there (58.5), so the days
// count events without it.
//
// The library never prints: what it leaves out is said in `notes`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eventloom/corpus.hpp"
#include "eventloom/graph.hpp"

namespace eventloom {

struct SummaryOptions {
  size_t dates = 0;      // key days; 0: chosen from the data (see default_summary_dates)
  size_t sentences = 2;  // per day, at most
  // --from/--to bound the days; --actor and --type keep only the sentences
  // that hold a statement or event the filter keeps (and the days they name).
  GraphFilter filter;
};

struct SummarySentence {
  std::string text;      // as it stands in the article (whitespace folded)
  uint32_t doc = 0;      // Corpus::docs
  std::string document;  // that document's id
  Span span;             // byte offsets into the document's text
};

struct SummaryDay {
  std::string date;        // YYYY-MM-DD
  double score = 0;        // the evidence for the day (see above)
  size_t published = 0;    // articles published that day
  size_t referring = 0;    // articles that name it (other than their publication day)
  size_t sources = 0;      // distinct sources among those articles
  std::vector<SummarySentence> sentences;
};

struct Summary {
  std::vector<SummaryDay> days;  // in date order
  size_t candidate_days = 0;     // days with any evidence
  std::vector<std::string> notes;  // what was left out, and why
};

Summary summarize(const Corpus& c, const SummaryOptions& opt = {});

// The number of days chosen when none is asked for: about twice the square
// root of the days with evidence, between 3 and 40, and only days with at
// least a fifth of the best day's evidence.
size_t default_summary_dates(const std::vector<double>& scores_best_first);

// {"timeline": [{"date": "YYYY-MM-DD", "sentences": [{"text", "document",
// "start", "end"}, ...]}, ...]}, one day a line.
std::string summary_json(const Summary& s);
// Markdown: a heading per day, its sentences as a list, each with its article.
std::string summary_markdown(const Corpus& c, const Summary& s, const std::string& title);

}  // namespace eventloom
