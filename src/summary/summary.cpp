// summarize(): key days by evidence, sentences by centrality without
// repetition (include/eventloom/summary.hpp says what and why).
#include "eventloom/summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "eventloom/timex_value.hpp"

namespace eventloom {
namespace {

// Evidence weights (per distinct article; header comment).
constexpr double kReferring = 1.0;   // names the day (not its own publication day)
constexpr double kExplicit = 0.5;    // ... with a written date ("17 March", "2011-03-17")
constexpr double kPublished = 1.0;   // published on the day
constexpr double kNextDay = 0.5;     // published the day after
constexpr double kEvent = 0.25;      // reports an event dated to the day by its text
constexpr long kLeadDays = 7;        // candidate days start this long before the first article
// Sentences.
constexpr double kUndatedWeight = 0.5;  // an undated sentence of an article published that day
constexpr double kRedundancy = 0.5;     // MMR: how much likeness to a chosen sentence costs
constexpr double kEventBonus = 0.1;     // a sentence that reports an event with participants
constexpr double kCentralBonus = 0.1;   // ... times how central its most central actor is (0..1)
constexpr size_t kMinWords = 6, kMaxWords = 60;

struct Sent {
  uint32_t doc = 0;
  Span span;  // original text
  std::vector<long> days;  // the days its time expressions name
  bool event = false;      // holds an event (not a statement) with participants
  double central = 0;      // the most central actor of its events
  std::vector<std::pair<uint32_t, float>> tf;  // word id, count
  uint32_t words = 0;
};

bool word_byte(unsigned char ch) { return std::isalnum(ch) || ch >= 0x80; }

// Words as the scorers count them: runs of letters and digits, lower case;
// the Penn Treebank bracket tokens (-LRB-, -RRB-, ...) are not words.
template <class F>
void each_word(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    if (!word_byte(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && word_byte(static_cast<unsigned char>(s[j]))) ++j;
    bool ptb = i > 0 && s[i - 1] == '-' && j < s.size() && s[j] == '-' && j - i == 3 && (s[i] == 'L' || s[i] == 'R') &&
               s[i + 2] == 'B';
    if (!ptb) f(s.substr(i, j - i));
    i = j;
  }
}

std::optional<long> day_of_value(std::string_view value) {
  TimexValue t = parse_timex(value);
  if (!t.calendar() || t.grain != TimexGrain::Day) return std::nullopt;
  return t.first_day;
}

std::optional<long> published_day(const Document& d) {
  if (!d.published) return std::nullopt;
  return static_cast<long>(d.published->day_number());
}

// Spans of what the filter keeps, per document (empty: keep everything).
struct Allowed {
  bool all = true;
  std::vector<std::vector<Span>> spans;  // per doc
  bool keeps(uint32_t doc, Span s) const {
    if (all) return true;
    for (const Span& a : spans[doc])
      if (a.overlaps(s)) return true;
    return false;
  }
};

Allowed allowed_spans(const Corpus& c, const GraphFilter& f) {
  Allowed a;
  if (f.event_types.empty() && f.actors.empty() && f.statements) return a;
  GraphFilter g = f;
  g.from.clear();
  g.to.clear();  // days are bounded by the summary itself
  EventGraph eg = build_graph(c, g);
  a.all = false;
  a.spans.assign(c.docs.size(), {});
  for (size_t i = 0; i < c.statements.size(); ++i) {
    if (eg.statement_vertex[i] == EventGraph::kNone) continue;
    for (const EvidenceRef& r : c.statements[i].evidence)
      if (r.doc < c.docs.size() && r.local < c.docs[r.doc].statements.size())
        a.spans[r.doc].push_back(c.docs[r.doc].statements[r.local].content);
  }
  for (size_t i = 0; i < c.events.size(); ++i) {
    if (eg.event_vertex[i] == EventGraph::kNone) continue;
    for (const EvidenceRef& r : c.events[i].evidence)
      if (r.doc < c.docs.size() && r.local < c.docs[r.doc].events.size())
        a.spans[r.doc].push_back(c.docs[r.doc].events[r.local].sentence);
  }
  return a;
}

class Vocabulary {
 public:
  uint32_t id(std::string_view w) {
    std::string key = text::lower_ascii(w);
    auto [it, added] = ids_.emplace(std::move(key), static_cast<uint32_t>(ids_.size()));
    (void)added;
    return it->second;
  }
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// The sentences of one article that a summary may quote: those of its read
// paragraphs (not captions, bylines or site templates); for a store written
// without texts, its events' sentences, which it keeps.
std::vector<Span> article_sentences(const DocExtraction& x) {
  std::vector<Span> out;
  const Document& d = x.doc;
  if (d.has_full_text()) {
    AnnotatedText at = analyze(d);
    for (const Sentence& s : at.sentences) {
      ParagraphKind k = s.paragraph < at.paragraphs.size() ? at.paragraphs[s.paragraph].kind : ParagraphKind::Body;
      if (k == ParagraphKind::Caption || k == ParagraphKind::Byline || k == ParagraphKind::Template) continue;
      out.push_back(at.norm.to_original(s.span));
    }
    return out;
  }
  for (const LocalEvent& e : x.events)
    if (!e.sentence.empty() && e.sentence.end <= d.text.size()) out.push_back(e.sentence);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string folded(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

double cosine(const std::vector<std::pair<uint32_t, float>>& a, const std::vector<std::pair<uint32_t, float>>& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else dot += static_cast<double>(a[i++].second) * b[j++].second;
  }
  return dot;  // both unit length
}

void normalise(std::vector<std::pair<uint32_t, float>>& v) {
  double n = 0;
  for (auto& [w, x] : v) n += static_cast<double>(x) * x;
  n = std::sqrt(n);
  if (n > 0)
    for (auto& [w, x] : v) x = static_cast<float>(x / n);
}

}  // namespace

size_t default_summary_dates(const std::vector<double>& scores) {
  if (scores.empty()) return 0;
  size_t k = static_cast<size_t>(std::lround(2 * std::sqrt(static_cast<double>(scores.size()))));
  k = std::clamp<size_t>(k, 3, 40);
  size_t strong = 0;
  while (strong < scores.size() && scores[strong] >= scores.front() / 5) ++strong;
  return std::max<size_t>(1, std::min({k, strong, scores.size()}));
}

Summary summarize(const Corpus& c, const SummaryOptions& opt) {
  Summary out;
  Allowed allowed = allowed_spans(c, opt.filter);
  std::optional<long> from, to;
  if (!opt.filter.from.empty()) from = day_of_value(opt.filter.from);
  if (!opt.filter.to.empty()) to = day_of_value(opt.filter.to);

  // How central each actor is: its distinct partners in events, as a share
  // of the most connected actor's.
  std::vector<double> central(c.actors.size(), 0);
  {
    std::set<std::pair<uint32_t, uint32_t>> pairs;
    for (const Event& e : c.events)
      for (auto& [a, ra] : e.participants)
        for (auto& [b, rb] : e.participants)
          if (a < b) pairs.insert({a, b});
    for (auto& [a, b] : pairs) ++central[a], ++central[b];
    double top = central.empty() ? 0 : *std::max_element(central.begin(), central.end());
    if (top > 0)
      for (double& x : central) x /= top;
  }
  auto event_weight = [&](uint32_t di, const LocalEvent& le) {
    double best = 0;
    for (const Participant& p : le.participants)
      if (di < c.actor_of.size() && p.actor < c.actor_of[di].size() && c.actor_of[di][p.actor] < central.size())
        best = std::max(best, central[c.actor_of[di][p.actor]]);
    return best;
  };

  // Sentences, their days and words.
  Vocabulary vocab;
  std::vector<Sent> sents;
  std::vector<uint32_t> df;
  std::vector<uint32_t> doc_first(c.docs.size() + 1, 0);  // [doc_first[d], doc_first[d + 1]) are doc d's
  for (uint32_t di = 0; di < c.docs.size(); ++di) {
    const DocExtraction& x = c.docs[di];
    doc_first[di] = static_cast<uint32_t>(sents.size());
    std::vector<std::pair<Span, long>> timex_days;
    for (const Timex& t : x.timexes)
      if (t.type == TimexType::Date || t.type == TimexType::Time)
        // A day with a clock time ("At 4:50 pm on 18 Jan 2010 , X wrote")
        // is a timestamp of a comment or a page more often than an event's.
        if (auto d = day_of_value(t.value); d && t.value.find(':') == std::string::npos) timex_days.emplace_back(t.span, *d);
    std::sort(timex_days.begin(), timex_days.end(),
              [](const auto& a, const auto& b) { return a.first.start < b.first.start; });
    std::vector<std::pair<Span, double>> events;
    for (const LocalEvent& e : x.events)
      if (!e.from_statement && !e.participants.empty()) events.emplace_back(e.sentence, event_weight(di, e));
    for (Span s : article_sentences(x)) {
      if (!allowed.keeps(di, s)) continue;
      Sent st;
      st.doc = di;
      st.span = s;
      auto lo = std::lower_bound(timex_days.begin(), timex_days.end(), s.start,
                                 [](const auto& t, uint32_t v) { return t.first.start < v; });
      for (auto it = lo; it != timex_days.end() && it->first.start < s.end; ++it)
        if (it->first.end <= s.end) st.days.push_back(it->second);
      std::sort(st.days.begin(), st.days.end());
      st.days.erase(std::unique(st.days.begin(), st.days.end()), st.days.end());
      for (auto& [e, w] : events)
        if (s.contains(e) || e.contains(s)) st.event = true, st.central = std::max(st.central, w);
      std::map<uint32_t, float> tf;
      each_word(std::string_view(x.doc.text).substr(s.start, s.size()), [&](std::string_view w) {
        ++tf[vocab.id(w)];
        ++st.words;
      });
      if (df.size() < vocab.size()) df.resize(vocab.size(), 0);
      for (auto& [w, n] : tf) {
        ++df[w];
        st.tf.emplace_back(w, n);
      }
      sents.push_back(std::move(st));
    }
  }
  doc_first[c.docs.size()] = static_cast<uint32_t>(sents.size());

  // ---- days -------------------------------------------------------------------
  struct DayEvidence {
    std::set<uint32_t> referring, explicit_, published, events;
    std::set<std::string> sources;
  };
  std::map<long, DayEvidence> ev;
  std::optional<long> first_pub, last_pub;
  for (uint32_t di = 0; di < c.docs.size(); ++di) {
    const DocExtraction& x = c.docs[di];
    bool kept = allowed.all || doc_first[di] < doc_first[di + 1];
    if (!kept) continue;
    std::optional<long> pub = published_day(x.doc);
    std::string source = x.doc.sources.empty() ? x.doc.id : template_source(x.doc.sources.front());
    if (pub) {
      ev[*pub].published.insert(di);
      ev[*pub].sources.insert(source);
      first_pub = std::min(first_pub.value_or(*pub), *pub);
      last_pub = std::max(last_pub.value_or(*pub), *pub);
    }
    for (const Timex& t : x.timexes) {
      if (t.type != TimexType::Date && t.type != TimexType::Time) continue;
      std::optional<long> d = day_of_value(t.value);
      if (!d || d == pub) continue;
      if (!allowed.all && !allowed.keeps(di, t.span)) continue;
      DayEvidence& e = ev[*d];
      e.referring.insert(di);
      e.sources.insert(source);
      std::string_view written = std::string_view(x.doc.text).substr(std::min<size_t>(t.span.start, x.doc.text.size()),
                                                                      t.span.size());
      if (std::any_of(written.begin(), written.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        e.explicit_.insert(di);
    }
    for (const LocalEvent& le : x.events) {
      if (le.date_from_publication || le.type.rfind("01", 0) == 0) continue;
      if (!allowed.all && !allowed.keeps(di, le.sentence)) continue;
      if (std::optional<long> d = day_of_value(le.date)) ev[*d].events.insert(di);
    }
  }
  auto count = [&](long d, std::set<uint32_t> DayEvidence::*m) {
    auto it = ev.find(d);
    return it == ev.end() ? 0.0 : static_cast<double>((it->second.*m).size());
  };
  std::vector<std::pair<double, long>> ranked;
  for (auto& [d, e] : ev) {
    if (first_pub && (d < *first_pub - kLeadDays || d > *last_pub)) continue;
    if ((from && d < *from) || (to && d > *to)) continue;
    double score = kReferring * count(d, &DayEvidence::referring) + kExplicit * count(d, &DayEvidence::explicit_) +
                   kPublished * count(d, &DayEvidence::published) + kNextDay * count(d + 1, &DayEvidence::published) +
                   kEvent * count(d, &DayEvidence::events);
    if (score > 0) ranked.emplace_back(score, d);
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  out.candidate_days = ranked.size();
  if (ranked.empty()) {
    out.notes.push_back(c.docs.empty() ? "the store holds no articles"
                        : allowed.all  ? "no article is dated and none names a day"
                                       : "nothing the filter keeps is dated");
    return out;
  }
  size_t k = opt.dates;
  if (k == 0) {
    std::vector<double> scores;
    for (auto& r : ranked) scores.push_back(r.first);
    k = default_summary_dates(scores);
  }
  if (k > ranked.size()) {
    out.notes.push_back(fmt::format("{} days asked for, but only {} have any evidence: all of them are shown", k,
                                    ranked.size()));
    k = ranked.size();
  }
  ranked.resize(k);

  // ---- sentences --------------------------------------------------------------
  const double n_sents = static_cast<double>(std::max<size_t>(1, sents.size()));
  std::vector<std::vector<std::pair<uint32_t, float>>> vec(sents.size());
  for (size_t i = 0; i < sents.size(); ++i) {
    for (auto& [w, n] : sents[i].tf) {
      float idf = static_cast<float>(std::log(n_sents / (1.0 + df[w])));
      if (idf > 0) vec[i].emplace_back(w, n * idf);
    }
    normalise(vec[i]);
  }
  std::map<long, std::vector<std::pair<uint32_t, double>>> cands;  // day -> (sentence, weight)
  std::set<long> chosen_days;
  for (auto& r : ranked) chosen_days.insert(r.second);
  for (uint32_t i = 0; i < sents.size(); ++i) {
    const Sent& s = sents[i];
    if (s.words < kMinWords || s.words > kMaxWords) continue;
    for (long d : s.days)
      if (chosen_days.count(d)) cands[d].emplace_back(i, 1.0);
    if (s.days.empty())
      if (std::optional<long> pub = published_day(c.docs[s.doc].doc); pub && chosen_days.count(*pub))
        cands[*pub].emplace_back(i, kUndatedWeight);
  }
  std::set<std::pair<uint32_t, Span>> used;  // a sentence is quoted on one day only
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  for (auto& [score, d] : ranked) {
    SummaryDay day;
    day.date = iso_day(d);
    day.score = score;
    if (auto it = ev.find(d); it != ev.end()) {
      day.published = it->second.published.size();
      day.referring = it->second.referring.size();
      day.sources = it->second.sources.size();
    }
    const auto& cs = cands[d];
    // The weighted centroid of the day's candidates, an article's sentences
    // damped by the square root of their number (a page of hundreds of
    // readers' comments would otherwise be the day's centre).
    std::unordered_map<uint32_t, double> centroid;
    std::unordered_map<uint32_t, double> per_doc;
    for (auto& [i, w] : cs) per_doc[sents[i].doc] += 1;
    for (auto& [i, w] : cs)
      for (auto& [word, x] : vec[i]) centroid[word] += w * x / std::sqrt(per_doc[sents[i].doc]);
    std::vector<std::pair<uint32_t, float>> cv(centroid.begin(), centroid.end());
    std::sort(cv.begin(), cv.end());
    normalise(cv);
    std::vector<double> relevance(cs.size());
    for (size_t j = 0; j < cs.size(); ++j)
      relevance[j] = cosine(vec[cs[j].first], cv) *
                     (1 + (sents[cs[j].first].event ? kEventBonus : 0) + kCentralBonus * sents[cs[j].first].central);
    std::vector<size_t> picked;
    while (picked.size() < opt.sentences) {
      double best = -1e9;
      size_t pick = cs.size();
      for (size_t j = 0; j < cs.size(); ++j) {
        const Sent& s = sents[cs[j].first];
        if (used.count({s.doc, s.span})) continue;
        if (std::find(picked.begin(), picked.end(), j) != picked.end()) continue;
        double red = 0;
        for (size_t p : picked) red = std::max(red, cosine(vec[cs[j].first], vec[cs[p].first]));
        double v = relevance[j] - kRedundancy * red;
        if (v > best) best = v, pick = j;
      }
      if (pick == cs.size()) break;
      picked.push_back(pick);
      const Sent& s = sents[cs[pick].first];
      used.insert({s.doc, s.span});
      const Document& doc = c.docs[s.doc].doc;
      day.sentences.push_back({folded(std::string_view(doc.text).substr(s.span.start, s.span.size())), s.doc, doc.id, s.span});
    }
    out.days.push_back(std::move(day));
  }
  return out;
}

}  // namespace eventloom
