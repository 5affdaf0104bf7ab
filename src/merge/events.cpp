// consolidate(), job 4: events across articles (the comment below says how
// reports are found to be one event).
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "eventloom/timex_value.hpp"
#include "eventloom/corpus.hpp"
#include "merge/consolidate_internal.hpp"
#include "pipeline/parallel.hpp"
#include "util/hash.hpp"

namespace eventloom::merge_detail {
namespace {

using util::fnv1a;
using util::mix64;

// --- events across articles -------------------------------------------------
//
// The same event reported in several articles (or twice in one) becomes one
// Event with all its evidence. Only events with a source actor merge; two
// reports are compatible when they have the same CAMEO type and modality,
// share a source actor, their targets do not contradict (one has none, or
// they share one), nor do the places they name, and their dates agree:
//   1. Anchors are reports with an explicit day ("February 12, 2025"). Anchors
//      with the same day and compatible participants are united (union-find
//      over a symmetric relation: its connected components do not depend on
//      the order of the reports; chains stay on one day, so no cluster joins
//      two different dates).
//   2. Satellites join at most one anchor cluster, chosen from the clusters
//      alone, so again order plays no part: a report dated only by its
//      publication day P joins the cluster of the latest day D with
//      P - kPublicationLagDays <= D <= P; a report with a coarser explicit date
//      ("in February 2025", "in 2022") joins the clusters whose day it contains
//      when they all share one day. Ties go to the larger participant overlap,
//      then to the cluster that starts first in the corpus.
//   3. Coarse explicit dates that joined no anchor are united among
//      themselves by equal value; publication-dated reports never join each
//      other, and reports with no usable date (underspecified "XXXX-WXX-4")
//      stay alone. A day without its year ("XXXX-02-12", from an undated
//      article) is a coarse date that contains that day of every year.
// A statement's event merges exactly when its statement merged (the same
// speaker and words): two different remarks on one day are two events.
// The merged event's date is its most specific explicit date. Every index
// used for tie-breaking (document, local event, actor) is itself a function of
// the set of documents, so the result is too: merge() is associative.

constexpr int64_t kPublicationLagDays = 3;

enum class DateGrain : uint8_t { None, Year, Month, Day, DayOfYear };  // DayOfYear: "XXXX-02-12"

struct EventDate {
  DateGrain grain = DateGrain::None;
  int64_t value = 0;  // year; year * 12 + month - 1; a day number; month * 32 + day
};

// "2025-02-12", "2025-02-12T10:30" -> Day; "2025-02", "2025-02-XX" -> Month;
// "2025" -> Year; "XXXX-02-12" -> DayOfYear; anything else (weeks, quarters,
// seasons, weekdays without a week, PRESENT_REF, a day that does not exist)
// -> None. Days are numbered as parse_timex() numbers them.
EventDate parse_event_date(std::string_view v) {
  TimexValue t = parse_timex(v);
  if (t.form == TimexForm::Partial && t.grain == TimexGrain::Day && t.month && t.day)
    return {DateGrain::DayOfYear, t.month * 32 + t.day};
  if (!t.calendar()) return {};
  switch (t.grain) {
    case TimexGrain::Day: return {DateGrain::Day, t.first_day};
    case TimexGrain::Month: return {DateGrain::Month, int64_t{t.year} * 12 + t.month - 1};
    case TimexGrain::Year: return {DateGrain::Year, t.year};
    default: return {};
  }
}

// Year and month of a day number.
std::pair<int64_t, int64_t> year_month(int64_t day) {
  YearMonthDay d = year_month_day(static_cast<long>(day));
  return {d.year, d.month};
}

int64_t day_of_month(int64_t day) { return year_month_day(static_cast<long>(day)).day; }

// A run of numbers in a document's pool (see EventReports).
struct Ids {
  const uint32_t* p = nullptr;
  uint32_t n = 0;
  const uint32_t* begin() const { return p; }
  const uint32_t* end() const { return p + n; }
  size_t size() const { return n; }
  bool empty() const { return n == 0; }
  uint32_t operator[](size_t i) const { return p[i]; }
};

// A participant as one number: the global actor, then its role, so that the
// numbers sort as (actor, role) pairs do.
// (Global actor numbers stay far below 2^30.)
uint32_t part_code(uint32_t actor, ParticipantRole role) { return actor << 2 | static_cast<uint32_t>(role); }
uint32_t part_actor(uint32_t code) { return code >> 2; }
ParticipantRole part_role(uint32_t code) { return static_cast<ParticipantRole>(code & 3); }

struct EventReport {
  uint32_t doc = 0, local = 0;
  const LocalEvent* e = nullptr;
  uint32_t type = 0, modality = 0;  // e->type and e->modality, interned: equal strings, equal numbers
  Ids parts;                        // part_code()s, sorted, each once
  Ids sources, targets, actors;     // global actors, sorted, each once
  Ids places;                       // the places it names (other participants that are places)
  EventDate date;
  bool explicit_date = false;
  int64_t statement = -1;  // the global statement this event reports, if any
};

bool share(const Ids& a, const Ids& b) { return common_count(a, b, 1) != 0; }

bool compatible_participants(const EventReport& a, const EventReport& b) {
  if (a.type != b.type || a.modality != b.modality) return false;
  if (!share(a.sources, b.sources)) return false;
  // A target of one must take part in the other ("Trump's call with Putin" and
  // "a call between Trump and Russian President Putin", where "Russian" was
  // read as the target).
  if (!(a.targets.empty() || b.targets.empty() || share(a.targets, b.actors) || share(b.targets, a.actors)))
    return false;
  // Strikes on two cities on one day are two events, whoever struck.
  return a.places.empty() || b.places.empty() || share(a.places, b.places);
}

// The local event that a statement became in find_events: its trigger is the
// statement's cue, or (without a cue) runs from the sentence start to the
// end of the statement's content or of the sentence, whichever comes first.
// Of several statements, the first. The statements are looked up by cue
// and by content end, not read again for every event: an article that
// reports the same remark many times has as many statements as events.
std::vector<int64_t> statement_of_events(const DocExtraction& x, const std::vector<int64_t>& global_statement) {
  std::vector<std::pair<Span, uint32_t>> by_cue;       // (cue, statement), sorted
  std::vector<std::pair<uint32_t, uint32_t>> by_end;  // (content end, statement) without a cue, sorted
  for (uint32_t s = 0; s < x.statements.size(); ++s) {
    const LocalStatement& st = x.statements[s];
    if (st.cue) by_cue.emplace_back(*st.cue, s);
    else by_end.emplace_back(st.content.end, s);
  }
  std::sort(by_cue.begin(), by_cue.end());
  std::sort(by_end.begin(), by_end.end());
  std::vector<uint32_t> first_from(by_end.size() + 1, UINT32_MAX);  // the first statement of by_end[k..]
  for (size_t k = by_end.size(); k-- > 0;) first_from[k] = std::min(first_from[k + 1], by_end[k].second);
  std::vector<int64_t> out(x.events.size(), -1);
  for (uint32_t k = 0; k < x.events.size(); ++k) {
    const LocalEvent& e = x.events[k];
    uint32_t best = UINT32_MAX;
    auto cue = std::lower_bound(by_cue.begin(), by_cue.end(), std::make_pair(e.trigger, 0u));
    if (cue != by_cue.end() && cue->first == e.trigger) best = cue->second;
    const uint32_t end = e.trigger.end;
    if (e.trigger.start == e.sentence.start && e.sentence.end >= end) {
      size_t at = static_cast<size_t>(std::lower_bound(by_end.begin(), by_end.end(), std::make_pair(end, 0u)) - by_end.begin());
      if (e.sentence.end == end) best = std::min(best, first_from[at]);  // a content ending there or later
      else if (at < by_end.size() && by_end[at].first == end) best = std::min(best, by_end[at].second);
    }
    if (best != UINT32_MAX) out[k] = global_statement[best];
  }
  return out;
}

// Every event of every article with its global participants. The numbers
// of one article's reports live in one pool (four runs per report), not in
// five vectors each: the reports of a corpus are many.
struct EventReports {
  std::vector<EventReport> list;
  std::vector<std::vector<uint32_t>> pools;  // per document
};

EventReports event_reports(const Corpus& c) {
  std::vector<std::vector<int64_t>> global_statement(c.docs.size());
  for (uint32_t d = 0; d < c.docs.size(); ++d) global_statement[d].assign(c.docs[d].statements.size(), -1);
  for (uint32_t g = 0; g < c.statements.size(); ++g)
    for (const EvidenceRef& r : c.statements[g].evidence) global_statement[r.doc][r.local] = g;
  // Per document on all cores, each into its own slots.
  std::vector<size_t> first(c.docs.size() + 1, 0);
  for (uint32_t d = 0; d < c.docs.size(); ++d) first[d + 1] = first[d] + c.docs[d].events.size();
  EventReports out;
  out.list.resize(first.back());
  out.pools.resize(c.docs.size());
  parallel_for(c.docs.size(), 0, [&](size_t doc) {
    const uint32_t d = static_cast<uint32_t>(doc);
    const DocExtraction& x = c.docs[d];
    std::vector<int64_t> stmt = statement_of_events(x, global_statement[d]);
    std::vector<uint32_t>& pool = out.pools[d];
    struct Run {
      uint32_t at = 0, n = 0;
    };
    std::vector<std::array<Run, 5>> runs(x.events.size());  // parts, actors, sources, targets, places
    std::vector<uint32_t> codes;
    auto run = [&](Run& r, auto&& fill) {
      r.at = static_cast<uint32_t>(pool.size());
      fill();
      r.n = static_cast<uint32_t>(pool.size()) - r.at;
    };
    for (uint32_t k = 0; k < x.events.size(); ++k) {
      const LocalEvent& e = x.events[k];
      EventReport& r = out.list[first[d] + k];
      r.doc = d;
      r.local = k;
      r.e = &e;
      r.statement = stmt[k];
      codes.clear();
      for (const Participant& p : e.participants)
        if (p.actor < c.actor_of[d].size()) codes.push_back(part_code(c.actor_of[d][p.actor], p.role));
      std::sort(codes.begin(), codes.end());
      codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
      run(runs[k][0], [&] { pool.insert(pool.end(), codes.begin(), codes.end()); });
      const size_t base = pool.size();
      run(runs[k][1], [&] {
        for (uint32_t code : codes)
          if (pool.size() == base || pool.back() != part_actor(code)) pool.push_back(part_actor(code));
      });
      for (int role = 0; role < 2; ++role)  // Source, Target
        run(runs[k][2 + role], [&] {
          for (uint32_t code : codes)
            if (part_role(code) == static_cast<ParticipantRole>(role)) pool.push_back(part_actor(code));
        });
      run(runs[k][4], [&] {
        for (uint32_t code : codes)
          if (part_role(code) == ParticipantRole::Other && c.actors[part_actor(code)].type == ActorType::Loc)
            pool.push_back(part_actor(code));
      });
      r.explicit_date = !e.date_from_publication && !e.date.empty();
      r.date = parse_event_date(e.date);
    }
    for (uint32_t k = 0; k < x.events.size(); ++k) {  // the pool is complete: it no longer moves
      EventReport& r = out.list[first[d] + k];
      Ids* ids[5] = {&r.parts, &r.actors, &r.sources, &r.targets, &r.places};
      for (int i = 0; i < 5; ++i) *ids[i] = Ids{pool.data() + runs[k][i].at, runs[k][i].n};
    }
  });
  std::unordered_map<std::string_view, uint32_t> types, modalities;
  for (EventReport& r : out.list) {
    r.type = types.emplace(r.e->type, static_cast<uint32_t>(types.size())).first->second;
    r.modality = modalities.emplace(r.e->modality, static_cast<uint32_t>(modalities.size())).first->second;
  }
  return out;
}

// Bucket key: type, modality, one source actor, a date at one grain. The
// buckets are only looked up, and united bucket by bucket, which gives the
// same union-find roots in any order: a hash map serves.
struct EventBucketKey {
  uint32_t type = 0, modality = 0, source = 0;
  DateGrain grain = DateGrain::None;
  int64_t value = 0;
  friend bool operator==(const EventBucketKey& a, const EventBucketKey& b) {
    return a.type == b.type && a.modality == b.modality && a.source == b.source && a.grain == b.grain &&
           a.value == b.value;
  }
};
struct EventBucketHash {
  size_t operator()(const EventBucketKey& k) const {
    uint64_t h = mix64(static_cast<uint64_t>(k.type) << 32 ^ k.modality) ^ k.source;
    h = mix64(h ^ static_cast<uint64_t>(k.grain) << 56) ^ static_cast<uint64_t>(k.value);
    return static_cast<size_t>(mix64(h));
  }
};
using EventBuckets = std::unordered_map<EventBucketKey, std::vector<uint32_t>, EventBucketHash>;

class EventClusters {
 public:
  explicit EventClusters(const std::vector<EventReport>& r) : r_(r), uf_(r.size()) {}

  std::vector<uint32_t> run() {
    unite_anchors();
    std::vector<int64_t> joined(r_.size(), -1);
    for (uint32_t i = 0; i < r_.size(); ++i)
      if (is_satellite(r_[i])) joined[i] = best_anchor(i);
    for (uint32_t i = 0; i < r_.size(); ++i)
      if (joined[i] >= 0) uf_.unite(static_cast<uint32_t>(joined[i]), i);
    unite_coarse(joined);
    std::vector<uint32_t> root(r_.size());
    for (uint32_t i = 0; i < r_.size(); ++i) root[i] = uf_.find(i);
    return root;
  }

 private:
  const std::vector<EventReport>& r_;
  UnionFind uf_;
  EventBuckets anchors_;  // by day, month and year of the anchor

  static bool mergeable(const EventReport& r) { return r.statement < 0 && !r.sources.empty(); }
  static bool is_anchor(const EventReport& r) {
    return mergeable(r) && r.explicit_date && r.date.grain == DateGrain::Day;
  }
  static bool is_satellite(const EventReport& r) {
    if (!mergeable(r) || r.date.grain == DateGrain::None) return false;
    return r.explicit_date ? r.date.grain != DateGrain::Day : r.date.grain == DateGrain::Day;
  }

  void unite_anchors() {
    for (uint32_t i = 0; i < r_.size(); ++i) {
      const EventReport& r = r_[i];
      if (!is_anchor(r)) continue;
      auto [y, m] = year_month(r.date.value);
      for (uint32_t s : r.sources) {
        anchors_[{r.type, r.modality, s, DateGrain::Day, r.date.value}].push_back(i);
        anchors_[{r.type, r.modality, s, DateGrain::Month, y * 12 + m - 1}].push_back(i);
        anchors_[{r.type, r.modality, s, DateGrain::Year, y}].push_back(i);
        anchors_[{r.type, r.modality, s, DateGrain::DayOfYear, m * 32 + day_of_month(r.date.value)}].push_back(i);
      }
    }
    // The anchors of one day.
    for (auto& [key, ids] : anchors_)
      if (key.grain == DateGrain::Day) unite_compatible(ids);
    for (auto& [key, ids] : anchors_) keep_distinct(ids);
  }

  // A satellite reads every anchor of its buckets. Anchors that are alike
  // to it (one cluster, day, actors and targets) give it the same candidate,
  // so each is kept once: the same event reported many times does not make
  // every report read all the others.
  void keep_distinct(std::vector<uint32_t>& ids) {
    if (ids.size() < 2) return;
    std::vector<std::pair<uint32_t, uint32_t>> by_root;  // (cluster, anchor)
    by_root.reserve(ids.size());
    for (uint32_t a : ids) by_root.emplace_back(uf_.find(a), a);
    auto less = [&](const std::pair<uint32_t, uint32_t>& x, const std::pair<uint32_t, uint32_t>& y) {
      const EventReport &a = r_[x.second], &b = r_[y.second];
      if (x.first != y.first) return x.first < y.first;
      if (a.date.value != b.date.value) return a.date.value < b.date.value;
      if (!std::equal(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end()))
        return std::lexicographical_compare(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end());
      if (!std::equal(a.targets.begin(), a.targets.end(), b.targets.begin(), b.targets.end()))
        return std::lexicographical_compare(a.targets.begin(), a.targets.end(), b.targets.begin(), b.targets.end());
      return x.second < y.second;
    };
    auto alike = [&](const std::pair<uint32_t, uint32_t>& x, const std::pair<uint32_t, uint32_t>& y) {
      const EventReport &a = r_[x.second], &b = r_[y.second];
      return x.first == y.first && a.date.value == b.date.value &&
             std::equal(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end()) &&
             std::equal(a.targets.begin(), a.targets.end(), b.targets.begin(), b.targets.end());
    };
    std::sort(by_root.begin(), by_root.end(), less);
    by_root.erase(std::unique(by_root.begin(), by_root.end(), alike), by_root.end());
    ids.clear();
    for (const auto& [root, a] : by_root) ids.push_back(a);
    std::sort(ids.begin(), ids.end());  // in report order, as they were
  }

  // Every compatible pair of a bucket (a bucket is small: one type, one
  // source, one day); the window bounds the work on pathological input.
  void unite_compatible(const std::vector<uint32_t>& ids) {
    constexpr size_t kWindow = 64;
    for (size_t a = 0; a < ids.size(); ++a)
      for (size_t b = a + 1; b < ids.size() && b < a + kWindow; ++b)
        if (compatible_participants(r_[ids[a]], r_[ids[b]])) uf_.unite(ids[a], ids[b]);
  }

  struct Candidate {
    int64_t day = 0;
    size_t overlap = 0;
    uint32_t root = 0;
  };

  // The anchor cluster a satellite joins, or -1.
  int64_t best_anchor(uint32_t i) {
    const EventReport& r = r_[i];
    std::vector<Candidate> found;
    auto look = [&](DateGrain g, int64_t v) {
      for (uint32_t s : r.sources) {
        auto it = anchors_.find({r.type, r.modality, s, g, v});
        if (it == anchors_.end()) continue;
        for (uint32_t a : it->second)
          if (compatible_participants(r, r_[a]))
            found.push_back({r_[a].date.value, common_count(r.actors, r_[a].actors), uf_.find(a)});
      }
    };
    if (r.explicit_date) {
      look(r.date.grain, r.date.value);
      // A coarse date names one day only when every candidate has that day.
      for (const Candidate& f : found)
        if (f.day != found.front().day) return -1;
    } else {
      for (int64_t lag = 0; lag <= kPublicationLagDays && found.empty(); ++lag) look(DateGrain::Day, r.date.value - lag);
    }
    if (found.empty()) return -1;
    const Candidate* best = nullptr;
    for (const Candidate& f : found)
      if (!best || f.overlap > best->overlap || (f.overlap == best->overlap && f.root < best->root)) best = &f;
    return best->root;
  }

  // Coarse explicit dates left alone: equal values, compatible participants.
  void unite_coarse(const std::vector<int64_t>& joined) {
    EventBuckets by_value;
    for (uint32_t i = 0; i < r_.size(); ++i) {
      const EventReport& r = r_[i];
      if (joined[i] >= 0 || !is_satellite(r) || !r.explicit_date) continue;
      for (uint32_t s : r.sources) by_value[{r.type, r.modality, s, r.date.grain, r.date.value}].push_back(i);
    }
    for (auto& [key, ids] : by_value) unite_compatible(ids);
  }
};

// The clusters' root is their first report, so roots are ordered as the
// documents are.
std::vector<std::vector<uint32_t>> event_clusters(const std::vector<EventReport>& reports) {
  std::vector<uint32_t> root = EventClusters(reports).run();
  // Statement events: one cluster per global statement (the first report of
  // each statement is its cluster's root).
  int64_t statements = 0;
  for (const EventReport& r : reports) statements = std::max(statements, r.statement + 1);
  std::vector<int64_t> first_of_statement(static_cast<size_t>(statements), -1);
  for (uint32_t i = 0; i < reports.size(); ++i)
    if (reports[i].statement >= 0) {
      int64_t& f = first_of_statement[static_cast<size_t>(reports[i].statement)];
      if (f < 0) f = i;
      else root[i] = static_cast<uint32_t>(f);
    }
  std::vector<std::vector<uint32_t>> out;
  std::vector<int64_t> slot(reports.size(), -1);
  for (uint32_t i = 0; i < reports.size(); ++i) {
    uint32_t r = root[i];
    if (slot[r] < 0) {
      slot[r] = static_cast<int64_t>(out.size());
      out.emplace_back();
    }
    out[static_cast<size_t>(slot[r])].push_back(i);
  }
  return out;
}

Event merged_event(const std::vector<EventReport>& reports, const std::vector<uint32_t>& members) {
  Event ev;
  const EventReport& first = reports[members.front()];
  ev.type = first.e->type;
  ev.modality = first.e->modality;
  ev.from_statement = first.e->from_statement;
  // The most specific explicit date: the longest value, then the smallest.
  const EventReport* dated = nullptr;
  for (uint32_t i : members) {
    const EventReport& r = reports[i];
    if (!r.explicit_date) continue;
    if (!dated || r.e->date.size() > dated->e->date.size() ||
        (r.e->date.size() == dated->e->date.size() && r.e->date < dated->e->date))
      dated = &r;
  }
  ev.date = dated ? dated->e->date : first.e->date;
  ev.date_from_publication = dated ? false : first.e->date_from_publication;
  // Each actor once, in its strongest role (source, then target, then other):
  // sorted, an actor's first code has its strongest role.
  std::vector<uint32_t> codes;
  for (uint32_t i : members) codes.insert(codes.end(), reports[i].parts.begin(), reports[i].parts.end());
  std::sort(codes.begin(), codes.end());
  for (uint32_t code : codes)
    if (ev.participants.empty() || ev.participants.back().first != part_actor(code))
      ev.participants.emplace_back(part_actor(code), part_role(code));
  ev.participants.shrink_to_fit();
  ev.evidence.reserve(members.size());
  for (uint32_t i : members) ev.evidence.push_back({reports[i].doc, reports[i].local});
  return ev;
}

}  // namespace

void build_events(Corpus& c) {
  EventReports all = event_reports(c);
  const std::vector<EventReport>& reports = all.list;
  std::vector<std::vector<uint32_t>> clusters = event_clusters(reports);
  // Each cluster's event on its own, on all cores.
  c.events.clear();
  c.events.resize(clusters.size());
  parallel_for(clusters.size(), 0, [&](size_t g) {
    Event& ev = c.events[g];
    ev = merged_event(reports, clusters[g]);
    const auto& r = ev.evidence.front();
    const DocExtraction& x = c.docs[r.doc];
    const LocalEvent& e = x.events[r.local];
    // The local index keeps ids apart when one trigger starts two events.
    ev.id = fmt::format("e-{:012x}",
                        fnv1a(fmt::format("{}:{}:{}:{}:{}", x.doc.id, e.trigger.start, e.trigger.end, e.type, r.local)) >> 16);
  });
  std::vector<std::vector<uint32_t>>().swap(clusters);
  all = {};
  order_by_first_evidence(c.events, [&](const EvidenceRef& e) { return c.docs[e.doc].events[e.local].trigger.start; });
}

}  // namespace eventloom::merge_detail
