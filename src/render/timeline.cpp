// The timeline: statements and events on a real time axis, in lanes.
//
// Positions are computed here; Graphviz only draws them ("nop" engine, every
// node pinned), so the cost is linear in the number of items.
//
// 1. Extents. Each item covers [first, last] in days: one day for a full
//    date (or an undated item placed on its article's publication day), a
//    week, month, quarter or year when the TIMEX3 value names only that;
//    those are drawn as spans.
// 2. Axis. The extents are grouped into clusters: a stretch without items
//    longer than max(30 days, an eighth of the whole range) separates two
//    clusters and is drawn as a fixed narrow grey band saying how long it
//    is. Within a cluster the scale is linear and the same for all clusters
//    (pixels per day chosen so the clusters fill about kTargetWidth), so
//    x(day) is monotonic over the whole axis: items in date order are in x
//    order. Ticks are at the first unit (day, month, quarter, year, 5 or 10
//    years) whose spacing is at least kMinTickGap pixels. A band is widened
//    beyond kGapWidth when its label ("≈ 3 months") would otherwise touch the
//    tick labels that reach into it from either side ("11 Feb 2025" centred
//    on the next cluster's first day).
// 3. Lanes. One per actor (the given ones, else the most central actors
//    with items, then "Other actors") or per CAMEO type. An item goes to
//    one lane: its speaker, source, target, other participant or named
//    actor, the first of them that has a lane.
// 4. Rows. Each lane's items are placed best first: more articles, then
//    those dated to a day before spans, events before statements, the most
//    central actor, the earlier.
//    An item takes the first of the lane's kMaxLabelRows rows where its mark
//    and its label's estimated width collide with nothing. One that finds no
//    room is not drawn: it is counted in the lane's last row, in a grey
//    marker per stretch of kBinWidth pixels ("+37 more"), whose tooltip
//    names the best of them. So every mark on the picture is labelled or is
//    such a count, whatever the number of items, and the file stays small.
// 5. Statements are drawn with the events, left out (--statements hide) or
//    drawn alone (--statements only).
//
// Actor lanes are the most central actors (betweenness); on a graph of more
// than kBetweennessActors actors in interactions, whose betweenness would
// take seconds, by their interaction partners and weight instead.
#include <algorithm>
#include <cmath>
#include <climits>
#include <map>
#include <set>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "eventloom/render.hpp"
#include "eventloom/timex_value.hpp"
#include "render/common.hpp"

namespace eventloom {
namespace {

using namespace render_detail;
namespace greg = boost::gregorian;

constexpr double kLaneColumn = 190;   // lane names on the left
constexpr double kTargetWidth = 1300; // the clusters together
constexpr double kMaxPxPerDay = 70;
constexpr double kGapWidth = 64;
constexpr double kMinTickGap = 64;
constexpr double kRowHeight = 17;
constexpr double kLanePad = 5;
constexpr double kMark = 8;
constexpr double kCharWidth = 5.5;    // estimated width of a character at kFontSize
constexpr double kFontSize = 10;
constexpr double kGapFontSize = 8;    // the "≈ 3 months" label of a compressed stretch
constexpr double kGapLabelPad = 6;    // free space on each side of that label
constexpr size_t kLabelChars = 34;
constexpr size_t kMaxLabelRows = 8;
constexpr double kBinWidth = 84;      // the stretch one "+N more" marker counts
constexpr size_t kMoreListed = 12;    // hidden items named in a marker's tooltip
constexpr size_t kBetweennessActors = 1500;
constexpr size_t kLaneNameChars = 28;

struct Item {
  Vertex v = 0;
  long first = 0, last = 0;  // day numbers, inclusive
  bool span = false;
  std::string day;
  Tone tone = Tone::Other;
  std::string label, tooltip, url;
  size_t lane = 0, row = 0;
  bool drawn = true;
  double x0 = 0, x1 = 0;
  // Rank in its lane (best first): reports, events first, actor centrality.
  size_t articles = 0;
  bool statement = false;
  size_t actor_rank = SIZE_MAX;  // of its most central actor
  int side = 0;                  // -1, +1: outside the axis, before or after (core_range)
};

// The "+N more" count of a lane's items that found no room in one stretch.
// Items far before or after the rest (side -1, +1) are counted in a marker
// at the lane's left or right end.
struct More {
  size_t lane = 0, bin = 0;
  int side = 0;
  std::vector<size_t> items;  // Layout::items, best first
};

// [first, last] of an item dated by a TIMEX3 value and placed on `day` (its
// graph day): the days a calendar value covers, else the one day it was
// placed on (a publication day); nullopt without a day Boost can draw.
std::optional<std::pair<greg::date, greg::date>> extent(std::string_view value, const std::string& day) {
  TimexValue t = parse_timex(value);
  if (t.concrete()) {  // then `day` is its first day (timex_day)
    auto first = t.first(), last = t.last();
    if (!first || !last) return std::nullopt;
    return std::make_pair(*first, *last);
  }
  auto d = parse_iso_day(day);
  if (!d) return std::nullopt;
  return std::make_pair(*d, *d);
}

// ---- the axis ---------------------------------------------------------------

struct Cluster {
  long first = 0, last = 0;  // days covered, padded
  double x = 0;              // where `first` starts
  double px_per_day = 1;
  bool coarse = false;       // holds only long spans: drawn at a fixed width
  double width() const { return static_cast<double>(last - first + 1) * px_per_day; }
};

// The stretch between clusters i and i + 1.
struct Gap {
  double width = kGapWidth;
  double over_left = 0, over_right = 0;  // how far tick labels reach into it from each side
};

struct Axis {
  std::vector<Cluster> clusters;
  std::vector<Gap> gaps;  // one fewer than clusters
  double left = kLaneColumn;
  double right = kLaneColumn;

  // Lays the clusters out left to right with their gaps' widths.
  void place() {
    double at = left + 12;
    for (size_t i = 0; i < clusters.size(); ++i) {
      clusters[i].x = at;
      at += clusters[i].width();
      right = at;
      if (i < gaps.size()) at += gaps[i].width;
    }
  }

  const Cluster* cluster_of(long day) const {
    for (size_t i = clusters.size(); i-- > 0;)
      if (day >= clusters[i].first || i == 0) return &clusters[i];
    return nullptr;
  }
  double px_per_day(long day) const { return clusters.empty() ? 1 : cluster_of(day)->px_per_day; }
  double x(long day) const {  // the left edge of `day`
    if (clusters.empty()) return left;
    const Cluster& c = *cluster_of(day);
    return c.x + static_cast<double>(std::clamp(day, c.first, c.last + 1) - c.first) * c.px_per_day;
  }
};

// Points and spans of up to kShortSpan days shape the axis; a longer span
// (a quarter, a year) is clipped to the clusters it overlaps, and only one
// that overlaps none gets a cluster of its own, drawn at kCoarseWidth.
constexpr long kShortSpan = 62;
constexpr double kCoarseWidth = 130;

std::vector<Cluster> group(std::vector<std::pair<long, long>> ranges, bool coarse) {
  std::vector<Cluster> out;
  if (ranges.empty()) return out;
  std::sort(ranges.begin(), ranges.end());
  long lo = ranges.front().first, hi = lo;
  for (auto& r : ranges) hi = std::max(hi, r.second);
  long gap = std::max(30L, (hi - lo + 1) / 8);
  for (auto& r : ranges) {
    if (!out.empty() && r.first <= out.back().last + gap)
      out.back().last = std::max(out.back().last, r.second);
    else
      out.push_back({r.first, r.second, 0, 1, coarse});
  }
  return out;
}

Axis make_axis(const std::vector<std::pair<long, long>>& ranges) {
  std::vector<std::pair<long, long>> fine, wide;
  for (auto& r : ranges) (r.second - r.first < kShortSpan ? fine : wide).push_back(r);
  std::vector<Cluster> clusters = group(fine, false);
  for (Cluster& c : clusters) {
    long pad = std::max(1L, (c.last - c.first + 1) / 30);
    c.first -= pad;
    c.last += pad;
  }
  std::vector<std::pair<long, long>> lonely;
  for (auto& r : wide)
    if (std::none_of(clusters.begin(), clusters.end(), [&](const Cluster& c) { return r.first <= c.last && c.first <= r.second; }))
      lonely.push_back(r);
  for (Cluster& c : group(lonely, true)) clusters.push_back(c);
  std::sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) { return a.first < b.first; });
  // Merge coarse clusters that overlap fine ones after sorting.
  std::vector<Cluster> merged;
  for (Cluster& c : clusters) {
    if (!merged.empty() && c.first <= merged.back().last) {
      merged.back().last = std::max(merged.back().last, c.last);
      merged.back().coarse = merged.back().coarse && c.coarse;
    } else {
      merged.push_back(c);
    }
  }
  Axis a;
  a.clusters = std::move(merged);
  long active = 0;
  for (const Cluster& c : a.clusters)
    if (!c.coarse) active += c.last - c.first + 1;
  double ppd = std::min(kMaxPxPerDay, kTargetWidth / static_cast<double>(std::max(1L, active)));
  for (Cluster& c : a.clusters)
    c.px_per_day = c.coarse ? std::min(ppd, kCoarseWidth / static_cast<double>(c.last - c.first + 1)) : ppd;
  a.gaps.assign(a.clusters.empty() ? 0 : a.clusters.size() - 1, Gap{});
  a.place();
  return a;
}

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Tick {
  long day;
  std::string label;
};

std::vector<Tick> make_ticks(const Axis& a) {
  enum Unit { Day, Week, Month, Quarter, Year, Year5, Year10 };
  const double unit_days[] = {1, 7, 30.4, 91.3, 365.25, 1826, 3652};
  std::vector<Tick> ticks;
  for (const Cluster& c : a.clusters) {
    int unit = Year10;
    for (int u = Day; u <= Year10; ++u)
      if (unit_days[u] * c.px_per_day >= kMinTickGap) {
        unit = u;
        break;
      }
    greg::date d(greg::gregorian_calendar::from_day_number(static_cast<uint32_t>(c.first)));
    greg::date end(greg::gregorian_calendar::from_day_number(static_cast<uint32_t>(c.last)));
    // Step to the first boundary of the unit at or after the cluster start.
    auto aligned = [&](greg::date x) {
      switch (unit) {
        case Day: return true;
        case Week: return x.day_of_week().as_number() == 1;
        case Month: return x.day() == 1;
        case Quarter: return x.day() == 1 && (x.month() - 1) % 3 == 0;
        case Year: return x.day() == 1 && x.month() == 1;
        case Year5: return x.day() == 1 && x.month() == 1 && x.year() % 5 == 0;
        default: return x.day() == 1 && x.month() == 1 && x.year() % 10 == 0;
      }
    };
    if (unit <= Week) {
      while (d <= end && !aligned(d)) d += greg::days(1);
    } else if (!aligned(d)) {
      greg::date m(d.year(), d.month(), 1);
      if (m < d) m += greg::months(1);
      while (!aligned(m)) m += greg::months(1);
      d = m;
    }
    bool first = true;
    int last_year = 0;
    for (; d <= end;) {
      std::string label;
      bool year_changed = d.year() != last_year;
      if (unit <= Week)
        label = std::to_string(d.day()) + " " + kMonths[d.month() - 1] + (first || year_changed ? " " + std::to_string(d.year()) : "");
      else if (unit <= Quarter)
        label = std::string(kMonths[d.month() - 1]) + (first || year_changed ? " " + std::to_string(d.year()) : "");
      else
        label = std::to_string(d.year());
      ticks.push_back({static_cast<long>(d.day_number()), label});
      first = false;
      last_year = d.year();
      switch (unit) {
        case Day: d += greg::days(1); break;
        case Week: d += greg::weeks(1); break;
        case Month: d += greg::months(1); break;
        case Quarter: d += greg::months(3); break;
        case Year: d += greg::years(1); break;
        case Year5: d += greg::years(5); break;
        default: d += greg::years(10); break;
      }
    }
  }
  return ticks;
}

std::string gap_text(long days) {
  if (days < 60) return std::to_string(days) + " days";
  if (days < 730) return std::to_string((days + 15) / 30) + " months";
  return num(static_cast<double>(days) / 365.25, 1) + " years";
}

std::string gap_label(const Axis& a, size_t i) {
  return "\xE2\x89\x88 " + gap_text(a.clusters[i + 1].first - a.clusters[i].last - 1);
}

// Estimated widths: a tick's label (the node drawn for it), a gap's label.
double tick_label_width(const std::string& label) { return kCharWidth * static_cast<double>(char_count(label)) + 8; }
double gap_label_width(const std::string& label) {
  return kCharWidth * kGapFontSize / kFontSize * static_cast<double>(char_count(label));
}

// Widens each gap so that its label fits between the tick labels that reach
// into it: the last tick of the cluster before (centred near its end) and
// the first of the cluster after (centred on its first day, often), with
// kGapLabelPad on both sides; then lays the clusters out again.
void fit_gap_labels(Axis& a, const std::vector<Tick>& ticks) {
  for (size_t i = 0; i < a.gaps.size(); ++i) {
    const Cluster &l = a.clusters[i], &r = a.clusters[i + 1];
    Gap& g = a.gaps[i];
    const Tick *last_left = nullptr, *first_right = nullptr;  // ticks are in day order
    for (const Tick& t : ticks) {
      if (t.day >= l.first && t.day <= l.last) last_left = &t;
      if (!first_right && t.day >= r.first && t.day <= r.last) first_right = &t;
    }
    g.over_left = g.over_right = 0;
    if (last_left)
      g.over_left = std::max(0.0, static_cast<double>(last_left->day - l.first) * l.px_per_day +
                                      tick_label_width(last_left->label) / 2 - l.width());
    if (first_right)
      g.over_right = std::max(0.0, tick_label_width(first_right->label) / 2 -
                                       static_cast<double>(first_right->day - r.first) * r.px_per_day);
    g.width = std::max(kGapWidth, g.over_left + 2 * kGapLabelPad + gap_label_width(gap_label(a, i)) + g.over_right);
  }
  a.place();
}

// The stretch of time the axis shows: on a picture of kCoreItems items or
// more, the shortest stretch that holds kCoreShare of the items dated to a
// day (spans, a month or a year, are clipped to it); the few outside it are
// counted at the lanes' ends. A
// Reuters month names dates years away: drawn, they would squeeze the month
// into a sliver.
constexpr size_t kCoreItems = 500;
constexpr double kCoreShare = 0.98;

std::pair<long, long> core_range(const std::vector<std::pair<long, long>>& ranges) {
  std::pair<long, long> all{LONG_MAX, LONG_MIN};
  for (auto& r : ranges) all = {std::min(all.first, r.first), std::max(all.second, r.second)};
  if (ranges.size() < kCoreItems) return all;
  std::vector<long> mid;
  for (auto& r : ranges)
    if (r.first == r.second) mid.push_back(r.first);
  if (mid.size() < kCoreItems) return all;
  std::sort(mid.begin(), mid.end());
  size_t keep = static_cast<size_t>(std::ceil(kCoreShare * static_cast<double>(mid.size())));
  size_t best = 0;
  for (size_t i = 0; i + keep <= mid.size(); ++i)
    if (mid[i + keep - 1] - mid[i] < mid[best + keep - 1] - mid[best]) best = i;
  return {mid[best], mid[best + keep - 1]};
}

// ---- items and lanes -------------------------------------------------------

std::string actor_name(const Corpus& c, uint32_t a) { return a < c.actors.size() ? clean_text(c.actors[a].name) : std::string(); }

// Actors of an item in lane priority: speaker, sources, targets, others, named.
std::vector<uint32_t> lane_candidates(const Corpus& c, const VertexProps& p) {
  std::vector<uint32_t> out;
  if (p.kind == VertexKind::Statement) {
    const Statement& s = c.statements[p.index];
    if (s.speaker) out.push_back(*s.speaker);
    out.insert(out.end(), s.mentions.begin(), s.mentions.end());
    return out;
  }
  const Event& e = c.events[p.index];
  for (ParticipantRole r : {ParticipantRole::Source, ParticipantRole::Target, ParticipantRole::Other})
    for (auto& [a, role] : e.participants)
      if (role == r) out.push_back(a);
  return out;
}

std::string source_line(const Corpus& c, const std::vector<EvidenceRef>& ev) {
  std::vector<SourceInfo> src = sources_of(c, ev);
  if (src.empty()) return {};
  std::string s = "Source: " + shorten(src.front().title, 90) + " (" + src.front().where + ")";
  if (src.size() > 1) s += " and " + std::to_string(src.size() - 1) + " more";
  return s;
}

std::string first_url(const Corpus& c, const std::vector<EvidenceRef>& ev) {
  for (const SourceInfo& s : sources_of(c, ev))
    if (!s.url.empty()) return s.url;
  return {};
}

// The item's colour and label; with `full`, its tooltip and link too (only
// drawn items need them).
void describe(const Corpus& c, const VertexProps& p, Item& it, bool full) {
  std::string when = p.date.empty() ? it.day + " (publication)" : clean_text(p.date);
  if (p.kind == VertexKind::Statement) {
    const Statement& s = c.statements[p.index];
    std::string who = s.speaker ? actor_name(c, *s.speaker) : "Unattributed";
    std::string text = clean_text(s.text);
    it.tone = Tone::Statement;
    it.label = shorten(who + ": \xE2\x80\x9C" + text + "\xE2\x80\x9D", kLabelChars);
    if (!full) return;
    it.tooltip = when + " \xC2\xB7 " + who + " (" + to_string(s.kind) + " statement)\n\xE2\x80\x9C" + shorten(text, 600) +
                 "\xE2\x80\x9D\n" + source_line(c, s.evidence);
    it.url = first_url(c, s.evidence);
    return;
  }
  const Event& e = c.events[p.index];
  std::string from, to;
  for (auto& [a, role] : e.participants) {
    if (role == ParticipantRole::Source && from.empty()) from = actor_name(c, a);
    if (role == ParticipantRole::Target && to.empty()) to = actor_name(c, a);
  }
  it.tone = tone_of(e.type);
  std::string who = from.empty() ? to : to.empty() ? from : from + " \xE2\x86\x92 " + to;
  it.label = shorten(type_name(e.type) + (who.empty() ? "" : ": " + who), kLabelChars);
  if (!full) return;
  it.tooltip = when + " \xC2\xB7 " + clean_text(e.type) + " (" + to_string(it.tone) + ")" + (who.empty() ? "" : " \xC2\xB7 " + who) +
               "\n" + shorten(event_sentence(c, e), 600) + "\n" + source_line(c, e.evidence);
  it.url = first_url(c, e.evidence);
}

struct Lane {
  std::string name;
  size_t rows = 1;
  double top = 0, height = 0;
};

struct Layout {
  std::vector<Item> items;
  std::vector<Lane> lanes;
  std::vector<More> more;
};

// Actors in interactions, most central first: by betweenness (centrality()),
// or on a large graph by distinct partners, then the interactions behind
// them (see the top of the file).
std::vector<uint32_t> central_actors(const EventGraph& eg) {
  const Graph& g = eg.g;
  std::set<std::pair<Vertex, Vertex>> pairs;
  std::map<Vertex, std::pair<uint32_t, uint32_t>> partners_weight;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (g[*it].kind != EdgeKind::Interaction) continue;
    Vertex a = boost::source(*it, g), b = boost::target(*it, g);
    if (a == b) continue;
    if (pairs.insert(std::minmax(a, b)).second) ++partners_weight[a].first, ++partners_weight[b].first;
    partners_weight[a].second += g[*it].count;
    partners_weight[b].second += g[*it].count;
  }
  std::vector<uint32_t> out;
  if (partners_weight.size() <= kBetweennessActors) {
    for (const Centrality& ce : centrality(eg)) out.push_back(ce.actor);
    return out;
  }
  std::vector<std::pair<Vertex, std::pair<uint32_t, uint32_t>>> v(partners_weight.begin(), partners_weight.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  for (auto& [vertex, pw] : v)
    if (g[vertex].kind == VertexKind::Actor) out.push_back(g[vertex].index);
  return out;
}

// The lanes' actors: the most central of those the items involve, then the
// most involved; none of `dropped`.
std::vector<uint32_t> actor_lanes(const Corpus& c, const std::vector<uint32_t>& central, const TimelineOptions& opt,
                                  const std::vector<std::vector<uint32_t>>& cands, const std::vector<char>& dropped) {
  if (!opt.actors.empty()) return opt.actors;
  std::vector<size_t> involved(c.actors.size(), 0);
  for (const auto& list : cands)
    for (uint32_t a : list)
      if (a < involved.size() && !dropped[a]) ++involved[a];
  std::vector<uint32_t> order;
  std::vector<char> taken(c.actors.size(), 0);
  for (uint32_t a : central)
    if (a < involved.size() && involved[a] && !taken[a]) order.push_back(a), taken[a] = 1;
  std::vector<uint32_t> rest;
  for (uint32_t a = 0; a < involved.size(); ++a)
    if (involved[a] && !taken[a]) rest.push_back(a);
  std::stable_sort(rest.begin(), rest.end(), [&](uint32_t x, uint32_t y) { return involved[x] > involved[y]; });
  order.insert(order.end(), rest.begin(), rest.end());
  if (opt.top && order.size() > opt.top) order.resize(opt.top);
  return order;
}

Layout collect(const Corpus& c, const EventGraph& eg, const TimelineOptions& opt) {
  Layout L;
  std::vector<std::vector<uint32_t>> cands;
  for (auto v : boost::make_iterator_range(boost::vertices(eg.g))) {
    const VertexProps& p = eg.g[v];
    if (p.kind != VertexKind::Statement && p.kind != VertexKind::Event) continue;
    // Making a statement is drawn once, as the statement itself.
    if (p.kind == VertexKind::Event && c.events[p.index].restates_statement()) continue;
    bool statement = p.kind == VertexKind::Statement;
    if ((statement && opt.statements == StatementMode::Hide) || (!statement && opt.statements == StatementMode::Only)) continue;
    const auto& ev = p.kind == VertexKind::Statement ? c.statements[p.index].evidence : c.events[p.index].evidence;
    if (article_count(ev) < std::max(1u, opt.min_sources)) continue;
    auto ext = extent(p.date, p.first_day);
    if (!ext) continue;
    Item it;
    it.v = v;
    it.first = static_cast<long>(ext->first.day_number());
    it.last = std::max(it.first, static_cast<long>(ext->second.day_number()));
    it.span = it.last > it.first;
    it.day = greg::to_iso_extended_string(ext->first);
    it.articles = article_count(ev);
    it.statement = statement;
    describe(c, p, it, false);
    if (it.span) it.label = shorten(it.label, kLabelChars - 10) + " [" + shorten(clean_text(p.date), 8) + "]";
    L.items.push_back(std::move(it));
    cands.push_back(lane_candidates(c, p));
  }
  std::vector<size_t> order(L.items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Item &x = L.items[a], &y = L.items[b];
    return x.first != y.first ? x.first < y.first : x.last < y.last;
  });
  std::vector<Item> sorted;
  std::vector<std::vector<uint32_t>> sorted_cands;
  for (size_t i : order) sorted.push_back(std::move(L.items[i])), sorted_cands.push_back(std::move(cands[i]));
  L.items = std::move(sorted);
  cands = std::move(sorted_cands);
  std::vector<uint32_t> central = central_actors(eg);
  std::vector<size_t> rank(c.actors.size(), SIZE_MAX);
  for (size_t i = 0; i < central.size(); ++i)
    if (central[i] < rank.size() && rank[central[i]] == SIZE_MAX) rank[central[i]] = i;
  for (size_t i = 0; i < L.items.size(); ++i)
    for (uint32_t a : cands[i])
      if (a < rank.size()) L.items[i].actor_rank = std::min(L.items[i].actor_rank, rank[a]);

  if (opt.lanes == Lanes::Type) {
    std::map<std::string, size_t> lane_of;
    for (const Item& it : L.items) lane_of[eg.g[it.v].kind == VertexKind::Statement ? " statement" : eg.g[it.v].type];
    for (auto& [key, idx] : lane_of) {
      idx = L.lanes.size();
      L.lanes.push_back({key == " statement" ? "Statements" : shorten(tone_of(key) == Tone::Other ? clean_text(key) : key.substr(0, 2) + " " + type_name(key), kLaneNameChars)});
    }
    for (Item& it : L.items) it.lane = lane_of[eg.g[it.v].kind == VertexKind::Statement ? " statement" : eg.g[it.v].type];
    return L;
  }
  // An item goes to the lane of its first actor that has one, so a central
  // actor may be left with nothing (every item naming it has a speaker with
  // a lane): such a lane gives its place to the next actor, unless the user
  // chose the lanes.
  std::vector<uint32_t> lanes;
  std::vector<char> dropped(c.actors.size(), 0);
  bool others = false;
  for (;;) {
    lanes = actor_lanes(c, central, opt, cands, dropped);
    std::vector<size_t> lane_of(c.actors.size(), SIZE_MAX), filled(lanes.size(), 0);
    for (size_t i = 0; i < lanes.size(); ++i)
      if (lanes[i] < lane_of.size() && lane_of[lanes[i]] == SIZE_MAX) lane_of[lanes[i]] = i;
    others = false;
    for (size_t i = 0; i < L.items.size(); ++i) {
      size_t lane = SIZE_MAX;
      for (uint32_t a : cands[i])
        if (a < lane_of.size() && lane_of[a] != SIZE_MAX) {
          lane = lane_of[a];
          break;
        }
      if (lane == SIZE_MAX) lane = lanes.size(), others = true;
      else ++filled[lane];
      L.items[i].lane = lane;
    }
    bool empty = false;
    for (size_t i = 0; i < lanes.size() && opt.actors.empty(); ++i)
      if (!filled[i] && lanes[i] < dropped.size()) dropped[lanes[i]] = 1, empty = true;
    if (!empty) break;
  }
  for (uint32_t a : lanes) L.lanes.push_back({shorten(actor_name(c, a), kLaneNameChars)});
  if (others) L.lanes.push_back({lanes.empty() ? "All actors" : "Other actors"});
  return L;
}

// Free room in one row: the occupied [x0, x1) stretches, by x0.
class Row {
 public:
  bool free(double x0, double x1) const {
    auto it = used_.lower_bound(x0);
    if (it != used_.end() && it->first < x1) return false;
    return it == used_.begin() || std::prev(it)->second <= x0;
  }
  void take(double x0, double x1) { used_.emplace(x0, x1); }

 private:
  std::map<double, double> used_;
};

// Mark positions, then rows best first; what finds no room is counted.
void place(Layout& L, const Axis& axis) {
  for (Item& it : L.items) {
    long from = it.first, to = it.last + 1;  // a long span is clipped to the clusters it overlaps
    const Cluster *f = nullptr, *l = nullptr;
    for (const Cluster& c : axis.clusters)
      if (c.first <= it.last && it.first <= c.last) {
        if (!f) f = &c;
        l = &c;
      }
    if (f) from = std::max(from, f->first), to = std::min(to, l->last + 1);
    it.x0 = axis.x(from);
    it.x1 = it.span ? std::max(axis.x(to), it.x0 + kMark) : it.x0 + kMark;
    if (!it.span) it.x0 += axis.px_per_day(it.first) / 2 - kMark / 2, it.x1 = it.x0 + kMark;
  }
  std::vector<size_t> order(L.items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Item &x = L.items[a], &y = L.items[b];
    if (x.articles != y.articles) return x.articles > y.articles;
    if (x.span != y.span) return !x.span;  // a day before a month or a year
    if (x.statement != y.statement) return !x.statement;
    return x.actor_rank < y.actor_rank;  // then date order, as the items are
  });
  std::vector<std::vector<Row>> rows(L.lanes.size());
  std::map<std::pair<size_t, size_t>, size_t> more_of;  // (lane, bin) -> Layout::more
  for (size_t i : order) {
    Item& it = L.items[i];
    if (it.side != 0) {
      it.drawn = false;
      size_t bin = it.side < 0 ? SIZE_MAX - 1 : SIZE_MAX;
      auto [at, added] = more_of.emplace(std::make_pair(it.lane, bin), L.more.size());
      if (added) L.more.push_back({it.lane, bin, it.side, {}});
      L.more[at->second].items.push_back(i);
      continue;
    }
    double label_end = it.x1 + 4 + kCharWidth * static_cast<double>(char_count(it.label)) + 6;
    auto& lane_rows = rows[it.lane];
    it.drawn = false;
    for (size_t r = 0; r < kMaxLabelRows && !it.drawn; ++r) {
      if (r == lane_rows.size()) lane_rows.emplace_back();
      if (!lane_rows[r].free(it.x0, label_end)) continue;
      lane_rows[r].take(it.x0, label_end);
      it.row = r;
      it.drawn = true;
    }
    if (it.drawn) continue;
    size_t bin = static_cast<size_t>(std::max(0.0, (it.x0 - axis.left) / kBinWidth));
    auto [at, added] = more_of.emplace(std::make_pair(it.lane, bin), L.more.size());
    if (added) L.more.push_back({it.lane, bin, 0, {}});
    L.more[at->second].items.push_back(i);
  }
  for (size_t l = 0; l < L.lanes.size(); ++l) L.lanes[l].rows = std::max<size_t>(1, rows[l].size());
  for (const More& m : L.more) L.lanes[m.lane].rows = std::max<size_t>(L.lanes[m.lane].rows, rows[m.lane].size() + 1);
}

// ---- DOT -------------------------------------------------------------------

std::string link_attrs(const Item& it) {
  std::string s = " tooltip=" + dot_quote(it.tooltip);
  if (!it.url.empty()) s += " URL=" + dot_quote(clean_text(it.url)) + " target=\"_blank\"";
  return s;
}

}  // namespace

DotGraph timeline_graph(const Corpus& c, const EventGraph& eg, const TimelineOptions& opt) {
  Layout L = collect(c, eg, opt);
  std::vector<std::pair<long, long>> ranges;
  for (const Item& it : L.items) ranges.emplace_back(it.first, it.last);
  auto [core_first, core_last] = core_range(ranges);
  ranges.clear();
  bool before = false, after = false;
  for (Item& it : L.items) {
    it.side = it.last < core_first ? -1 : it.first > core_last ? 1 : 0;
    before = before || it.side < 0;
    after = after || it.side > 0;
    if (it.side == 0) ranges.emplace_back(it.first, it.last);
  }
  Axis axis = make_axis(ranges);
  if (before) {  // room for the "+N earlier" markers
    axis.left += kBinWidth;
    axis.place();
  }
  std::vector<Tick> ticks = make_ticks(axis);
  fit_gap_labels(axis, ticks);
  place(L, axis);
  for (Item& it : L.items)
    if (it.drawn) describe(c, eg.g[it.v], it, true);

  const double title_h = opt.title.empty() ? 8 : 34, legend_h = 26;
  double y = title_h + legend_h;
  for (Lane& lane : L.lanes) {
    lane.top = y;
    lane.height = static_cast<double>(lane.rows) * kRowHeight + 2 * kLanePad;
    y += lane.height;
  }
  const double lanes_bottom = y, axis_y = y + 6, height = axis_y + 40;
  double width = std::max(axis.right + 24, 760.0);
  for (const Item& it : L.items)
    if (it.drawn) width = std::max(width, it.x1 + 10 + kCharWidth * static_cast<double>(char_count(it.label)) + 16);
  if (after) width = std::max(width, axis.right + 14 + kBinWidth + 16);
  if (!L.more.empty()) width = std::max(width, 1400.0);  // the legend says what "+N more" is

  DotWriter w(height);
  w.begin("timeline", width);
  for (size_t i = 0; i < L.lanes.size(); ++i) {
    const Lane& lane = L.lanes[i];
    w.box(4, lane.top, width - 4, lane.top + lane.height, i % 2 ? "#ffffff" : "#f3f5f8");
    w.text(kLaneColumn - 10, lane.top + std::min(lane.height / 2, kLanePad + kRowHeight / 2), kLaneColumn - 20, lane.name, 'r',
           " fontsize=11 fontname=\"" + std::string(kHeadingFontFamily) + "\" tooltip=" + dot_quote(lane.name));
  }
  for (const Tick& t : ticks) {
    double x = axis.x(t.day);
    w.box(x - 0.3, title_h + legend_h, x + 0.3, lanes_bottom, "#c8ccd2");
    w.box(x - 0.5, axis_y, x + 0.5, axis_y + 5, "#444444");
    w.text(x, axis_y + 14, tick_label_width(t.label), t.label, 'n', " fontsize=9");
  }
  for (const Cluster& cl : axis.clusters)
    w.box(cl.x, axis_y - 0.5, cl.x + cl.width(), axis_y + 0.5, "#444444");
  for (size_t i = 0; i < axis.gaps.size(); ++i) {
    const Cluster &a = axis.clusters[i], &b = axis.clusters[i + 1];
    const Gap& g = axis.gaps[i];
    double x0 = a.x + a.width() + 6, x1 = b.x - 6;
    std::string text = gap_text(b.first - a.last - 1);
    w.box(x0, title_h + legend_h, x1, axis_y + 4, "#e4e4e4");
    // Centred in the room the tick labels on either side leave.
    double room0 = a.x + a.width() + g.over_left, room1 = b.x - g.over_right;
    w.text((room0 + room1) / 2, axis_y + 14, room1 - room0 - 2 * kGapLabelPad, gap_label(axis, i), 'n',
           " fontsize=" + num(kGapFontSize) + " fontcolor=\"#555555\" tooltip=" +
               dot_quote("No items for " + text + ": this stretch of time is compressed"));
  }
  for (const Item& it : L.items) {
    if (!it.drawn) continue;
    const Lane& lane = L.lanes[it.lane];
    double yc = lane.top + kLanePad + (static_cast<double>(it.row) + 0.5) * kRowHeight;
    std::string colour = tone_colour(it.tone);
    std::string compact_day = it.day;  // Graphviz writes '-' in ids as "&#45;"
    compact_day.erase(std::remove(compact_day.begin(), compact_day.end(), '-'), compact_day.end());
    std::string id = " id=\"item_" + compact_day + "_" + std::to_string(it.v) + "\"";
    if (it.span)
      w.node((it.x0 + it.x1) / 2, yc,
             id + " width=" + num((it.x1 - it.x0) / 72, 4) + " height=" + num(7.0 / 72, 4) + " fillcolor=\"" + colour +
                 "66\" color=\"" + colour + "\" penwidth=1" + link_attrs(it));
    else
      w.node((it.x0 + it.x1) / 2, yc,
             id + " shape=circle width=" + num(kMark / 72, 4) + " fillcolor=\"" + colour + "\"" + link_attrs(it));
    w.text(it.x1 + 4, yc, kCharWidth * static_cast<double>(char_count(it.label)) + 6, it.label, 'l',
           " id=\"label_" + compact_day + "_" + std::to_string(it.v) + "\"" + link_attrs(it));
  }
  for (const More& m : L.more) {
    const Lane& lane = L.lanes[m.lane];
    double yc = lane.top + kLanePad + (static_cast<double>(lane.rows - 1) + 0.5) * kRowHeight;
    double x0 = m.side < 0   ? kLaneColumn + 2
                : m.side > 0 ? axis.right + 14
                             : axis.left + static_cast<double>(m.bin) * kBinWidth + 2;
    double x1 = x0 + kBinWidth - 4;
    std::string first = L.items[m.items.front()].day, last = first;
    for (size_t i : m.items) first = std::min(first, L.items[i].day), last = std::max(last, L.items[i].day);
    std::string tip = std::to_string(m.items.size()) + " more in " + lane.name + ", " + first +
                      (last == first ? "" : " to " + last) +
                      (m.side ? ", far from the rest of the axis: not drawn" : ", not drawn for want of room") +
                      "; the most reported:";
    for (size_t j = 0; j < m.items.size() && j < kMoreListed; ++j)
      tip += "\n\xE2\x80\xA2 " + L.items[m.items[j]].day + " " + L.items[m.items[j]].label;
    if (m.items.size() > kMoreListed) tip += "\n\xE2\x80\xA6";
    w.node((x0 + x1) / 2, yc,
           " id=\"more_" + std::to_string(m.lane) + "_" + std::to_string(m.bin) + "\" style=\"filled,rounded\" width=" +
               num((x1 - x0) / 72, 4) + " height=" + num(13.0 / 72, 4) + " fillcolor=\"#e3e7ec\" label=" +
               dot_quote("+" + std::to_string(m.items.size()) + (m.side < 0 ? " earlier" : m.side > 0 ? " later" : " more")) + " fontsize=8 fontcolor=\"#333333\" tooltip=" +
               dot_quote(tip));
  }
  // Legend.
  double lx = kLaneColumn, ly = title_h + legend_h / 2;
  for (Tone t : {Tone::Statement, Tone::Cooperation, Tone::Conflict}) {
    w.node(lx + 4, ly, std::string(" shape=circle width=") + num(kMark / 72, 4) + " fillcolor=\"" + tone_colour(t) + "\"");
    std::string name = t == Tone::Statement ? "statement (CAMEO 01\xE2\x80\x93" "02)"
                       : t == Tone::Cooperation ? "cooperation (03\xE2\x80\x93" "08)" : "conflict (09\xE2\x80\x93" "20)";
    w.text(lx + 12, ly, kCharWidth * static_cast<double>(char_count(name)) + 8, name, 'l');
    lx += 28 + kCharWidth * static_cast<double>(char_count(name));
  }
  w.box(lx, ly - 3.5, lx + 26, ly + 3.5, "#77777766");
  w.text(lx + 30, ly, 190, "dated only to a week, month or year", 'l');
  lx += 240;
  w.box(lx, ly - 6, lx + 18, ly + 6, "#e4e4e4");
  w.text(lx + 22, ly, 160, "empty stretch, compressed", 'l');
  if (!L.more.empty()) {
    lx += 170;
    w.node(lx + 22, ly, " style=\"filled,rounded\" width=" + num(44.0 / 72, 4) + " height=" + num(13.0 / 72, 4) +
                            " fillcolor=\"#e3e7ec\" label=\"+N more\" fontsize=8 fontcolor=\"#333333\"");
    w.text(lx + 48, ly, 250, "items without room to be drawn (hover for the list)", 'l');
  }
  if (!opt.title.empty()) w.text(12, 18, width - 24, opt.title, 'l', " fontsize=16 fontname=\"" + std::string(kHeadingFontFamily) + "\"");
  if (L.items.empty()) w.text(kLaneColumn, title_h + legend_h + 20, 400, "No dated statements or events to show.", 'l');
  return w.finish(L.items.size());
}

}  // namespace eventloom
