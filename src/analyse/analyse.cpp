// analyse_article(): the tagger over every sentence's pieces (tag_article),
// then the name tagger over its tokens (name_article), with the article as the
// name tagger's memory.
#include "eventloom/analyse.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "analyse/article.hpp"
#include "analyse/models.hpp"
#include "analyse/pieces.hpp"
#include "eventloom/ingest.hpp"

namespace eventloom {

const char* to_string(NameType t) {
  switch (t) {
    case NameType::Person: return "PER";
    case NameType::Org: return "ORG";
    case NameType::Loc: return "LOC";
    case NameType::Misc: return "MISC";
    case NameType::None: break;
  }
  return "O";
}

std::string_view upos(uint8_t tag) {
  const auto& m = analyse::models().tagger_model;
  return tag < m.classes() ? analyse::upos_of(m.class_name(tag)) : std::string_view("X");
}

std::string_view xpos(uint8_t tag) {
  const auto& m = analyse::models().tagger_model;
  return tag < m.classes() ? analyse::xpos_of(m.class_name(tag)) : std::string_view("XX");
}

void tag_words(const std::vector<std::string_view>& words, std::vector<uint8_t>& tags) {
  analyse::models().tagger.tag(words, tags);
}

namespace {

// Lower-case words that names hold ("Bank of England", "Trinidad and
// Tobago", "Ludwig van Beethoven").
bool name_connector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {"of", "for", "and", "the", "de", "van", "von", "der", "den", "du",
                                                      "la", "le", "del", "della", "da", "di", "dos", "y", "al", "el",
                                                      "bin", "ibn", "on", "upon", "'s", "'", "&"};
  for (auto c : kConnectors)
    if (w == c) return true;
  return false;
}

// A greedy tagger that opened a name must go on with it, and sometimes runs
// over words no name holds ("US under Biden, despite"): such words (lower
// case, no connector; punctuation that ends a phrase) split the name, and
// each piece with a capital or a digit is a name of the type.
//
// "and" splits a place or a person ("the West and Ukraine") unless the
// gazetteer knows the whole ("Trinidad and Tobago"): `whole` says so.
void split_name(const AnnotatedText& at, NameMention m, bool whole, Analysis& a) {
  auto breaks = [&](uint32_t k) {
    std::string_view w = at.word(k);
    if (w == "," || w == ";" || w == ":" || w == "(" || w == ")" || w == "\"" || w == "!" || w == "?") return true;
    if (w == "<" || w == ">" || w == "[" || w == "]") return true;  // Reuters marks companies "<Cyclops Corp>"
    if (w == "and" && !whole && (m.type == NameType::Loc || m.type == NameType::Person)) return true;
    return at.tokens[k].has(kLower) && !name_connector(w);
  };
  auto emit = [&](uint32_t b, uint32_t e) {
    while (b < e && name_connector(at.word(b))) ++b;
    while (e > b && name_connector(at.word(e - 1))) --e;
    bool named = false;
    for (uint32_t k = b; k < e; ++k) named = named || at.tokens[k].has(kUpperInit) || at.tokens[k].has(kDigit);
    if (!named) return;
    a.names.push_back({b, e, m.type});
    for (uint32_t k = b; k < e; ++k) a.token_name[k] = m.type;
  };
  uint32_t start = m.first;
  for (uint32_t k = m.first; k < m.last; ++k) {
    if (!breaks(k)) continue;
    emit(start, k);
    start = k + 1;
  }
  emit(start, m.last);
}

// One article, one reading of a name: where the tagger found a name, the
// same words elsewhere in the article that it left out are that name too,
// and so is the surname of a person named in full ("Putin spoke first.
// President Vladimir Putin then said ..."), whatever type the tagger gave it
// alone.
void add_repeated_names(const AnnotatedText& at, Analysis& a) {
  std::unordered_map<std::string, std::pair<NameType, uint32_t>> known;  // words -> type, length in tokens
  std::string key;
  auto key_of = [&](uint32_t b, uint32_t e) {
    key.clear();
    for (uint32_t k = b; k < e; ++k) {
      if (k > b) key += ' ';
      key += at.word(k);
    }
    return key;
  };
  size_t longest = 0;
  for (const NameMention& m : a.names) {
    known.emplace(key_of(m.first, m.last), std::make_pair(m.type, m.last - m.first));
    longest = std::max<size_t>(longest, m.last - m.first);
    if (m.type == NameType::Person && m.last - m.first >= 2 && at.tokens[m.last - 1].has(kUpperInit))
      known.emplace(std::string(at.word(m.last - 1)), std::make_pair(NameType::Person, 1u));
  }
  if (known.empty()) return;
  // A one-word name of another type that is the surname of a person named
  // in full is that person ("Lesnitskyy", tagged ORG in a headline).
  for (NameMention& m : a.names) {
    if (m.last - m.first != 1 || m.type == NameType::Person || m.type == NameType::Misc) continue;
    auto it = known.find(std::string(at.word(m.first)));
    if (it == known.end() || it->second.first != NameType::Person) continue;
    m.type = NameType::Person;
    a.token_name[m.first] = NameType::Person;
  }
  std::vector<NameMention> added;
  for (const Sentence& s : at.sentences) {
    for (uint32_t k = s.first_token; k < s.last_token; ++k) {
      if (a.token_name[k] != NameType::None || !at.tokens[k].has(kUpperInit)) continue;
      for (size_t n = std::min<size_t>(longest, s.last_token - k); n >= 1; --n) {
        auto it = known.find(key_of(k, k + static_cast<uint32_t>(n)));
        if (it == known.end() || it->second.second != n) continue;
        bool free = true;
        for (uint32_t j = k; j < k + n; ++j) free = free && a.token_name[j] == NameType::None;
        if (!free) continue;
        added.push_back({k, k + static_cast<uint32_t>(n), it->second.first});
        for (uint32_t j = k; j < k + n; ++j) a.token_name[j] = it->second.first;
        k += static_cast<uint32_t>(n) - 1;
        break;
      }
    }
  }
  if (added.empty()) return;
  a.names.insert(a.names.end(), added.begin(), added.end());
  std::sort(a.names.begin(), a.names.end(), [](const NameMention& x, const NameMention& y) { return x.first < y.first; });
}

}  // namespace

namespace analyse {

std::vector<Sentence> tagging_units(const AnnotatedText& at, std::vector<bool>* dateline) {
  std::vector<Sentence> units;
  if (dateline) dateline->clear();
  units.reserve(at.sentences.size() + 1);
  for (const Sentence& s : at.sentences) {
    // A wire dateline ("MARENHOLT, March 12 (Wirepress) -") is no part of
    // the sentence it opens: read on their own, the names after it are the
    // sentence's, not a heading's ("Valdorian President Ilse" as one name).
    std::string_view text = at.norm.view(s.span);
    uint32_t cut = s.first_token;
    if (!text.empty() && text.front() >= 'A' && text.front() <= 'Z') {
      DatelineDate dl = parse_dateline(text, 0);
      const size_t at_body = dl.found ? text.find(dl.text) : std::string_view::npos;
      if (at_body != std::string_view::npos) {
        const uint32_t end = s.span.start + static_cast<uint32_t>(at_body + dl.text.size());
        while (cut < s.last_token && at.tokens[cut].span.end <= end) ++cut;
        if (cut + 1 >= s.last_token || at.tokens[cut].span.start < end) cut = s.first_token;  // nothing after it, or a token across it
      }
    }
    if (cut == s.first_token) {
      units.push_back(s);
      if (dateline) dateline->push_back(false);
      continue;
    }
    Sentence head = s, body = s;
    head.last_token = body.first_token = cut;
    head.span.end = at.tokens[cut - 1].span.end;
    body.span.start = at.tokens[cut].span.start;
    units.push_back(head);
    units.push_back(body);
    if (dateline) dateline->insert(dateline->end(), {true, false});
  }
  return units;
}

TaggedArticle tag_article(const AnnotatedText& at) {
  const Models& m = models();
  TaggedArticle t;
  Analysis& a = t.analysis;
  a.token_word.assign(at.tokens.size(), 0);
  t.units = tagging_units(at, &t.dateline);
  t.repeat_of.assign(t.units.size(), kNoRepeat);
  std::vector<Piece> pieces;
  std::vector<WordInfo> info;
  std::vector<uint8_t> tags;
  std::vector<uint32_t> unit_words;  // first word of each unit
  // A unit the article repeats word for word (a caption printed twice, a
  // scrape's repeated teaser) is read once: its pieces, tags and word
  // descriptions are copied from the first time, and name_article() copies
  // its gazetteer marks. Exact: the tagger reads nothing beyond the unit.
  std::unordered_map<std::string_view, uint32_t> seen;  // unit text -> first unit with it
  for (uint32_t ui = 0; ui < t.units.size(); ++ui) {
    const Sentence& s = t.units[ui];
    while (a.sentence_words.size() < at.sentences.size() &&
           at.sentences[a.sentence_words.size()].first_token <= s.first_token)
      a.sentence_words.push_back(static_cast<uint32_t>(a.words.size()));
    unit_words.push_back(static_cast<uint32_t>(a.words.size()));
    auto [it, fresh] = seen.emplace(at.norm.view(s.span), ui);
    const Sentence& f = t.units[it->second];
    if (!fresh && f.last_token - f.first_token == s.last_token - s.first_token) {
      t.repeat_of[ui] = it->second;
      const int64_t shift = int64_t(s.span.start) - int64_t(f.span.start);
      const int64_t tshift = int64_t(s.first_token) - int64_t(f.first_token);
      for (uint32_t w = unit_words[it->second]; w < unit_words[it->second + 1]; ++w) {
        TaggedWord tw = a.words[w];
        tw.span = {uint32_t(tw.span.start + shift), uint32_t(tw.span.end + shift)};
        tw.token = uint32_t(tw.token + tshift);
        a.token_word[tw.token] = static_cast<uint32_t>(a.words.size());
        a.words.push_back(tw);
        t.info.push_back(t.info[w]);
      }
      continue;
    }
    if (!fresh) it->second = ui;  // same text, other tokens: read it, and let later repeats copy this one
    pieces.clear();
    split_pieces(at, s.first_token, s.last_token, pieces);
    info.resize(pieces.size());
    for (size_t i = 0; i < pieces.size(); ++i) describe_word(at.norm.view(pieces[i].span), &m.clusters, info[i]);
    m.tagger.tag(info, tags);
    for (size_t i = 0; i < pieces.size(); ++i) {
      a.token_word[pieces[i].token] = static_cast<uint32_t>(a.words.size());
      a.words.push_back({pieces[i].span, pieces[i].token, tags[i]});
    }
    t.info.insert(t.info.end(), info.begin(), info.end());
  }
  while (a.sentence_words.size() < at.sentences.size()) a.sentence_words.push_back(static_cast<uint32_t>(a.words.size()));
  a.sentence_words.push_back(static_cast<uint32_t>(a.words.size()));
  return t;
}

void name_article(const AnnotatedText& at, TaggedArticle& t) {
  const Models& m = models();
  Analysis& a = t.analysis;
  a.token_name.assign(at.tokens.size(), NameType::None);
  std::vector<std::string_view> words;
  std::vector<GazMarks> marks;
  // Per sentence, the name tagger's view of its tokens.
  std::vector<std::vector<NameWord>> sentences(t.units.size());
  NameMemory memory;
  for (size_t si = 0; si < t.units.size(); ++si) {
    if (t.repeat_of[si] != kNoRepeat) {
      sentences[si] = sentences[t.repeat_of[si]];
      memory.see_document(sentences[si]);
      continue;
    }
    const Sentence& s = t.units[si];
    words.clear();
    for (uint32_t k = s.first_token; k < s.last_token; ++k) words.push_back(at.word(k));
    m.gazetteer.mark(words, marks);
    auto& nw = sentences[si];
    nw.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      uint32_t k = s.first_token + static_cast<uint32_t>(i);
      uint32_t w = a.token_word[k];
      // A token of one piece is described already.
      if (a.words[w].span == at.tokens[k].span) nw[i].w = t.info[w];
      else describe_word(words[i], &m.clusters, nw[i].w);
      nw[i].pos = a.words[w].tag;
      nw[i].gaz = marks[i];
    }
    memory.see_document(nw);
  }
  std::vector<uint8_t> labels;
  // The name tagger reads the article's memory too: a repeated sentence
  // reuses its labels only where the memory of its capitalised words is the
  // same as when they were given.
  std::unordered_map<std::string, std::vector<uint8_t>> named;
  std::string key;
  for (size_t si = 0; si < t.units.size(); ++si) {
    const auto& sw = sentences[si];
    key.assign(at.norm.view(t.units[si].span));
    for (const auto& w : sw) {
      if (!(w.w.flags & kWCap)) continue;
      auto mt = memory.last_type.find(w.w.lower);
      key += char(1 + (mt == memory.last_type.end() ? 0 : static_cast<int>(mt->second)));
    }
    key += char(0);
    key += std::to_string(sw.size());
    auto hit = named.find(key);
    if (hit != named.end()) {
      labels = hit->second;
      memory.remember(sw, labels);
    } else {
      m.names.tag(sw, memory, labels);
      named.emplace(key, labels);
    }
    const uint32_t base = t.units[si].first_token;
    for (const auto& sp : name_spans(labels)) {
      // The agency in a dateline's brackets signs the story: "(Wirepress)".
      if (t.dateline[si] && sp.first > 0 && sp.last < sw.size() && at.word(base + sp.first - 1) == "(" &&
          at.word(base + sp.last) == ")")
        continue;
      // One gazetteer phrase over the whole span: its first word begins a
      // match in some list that its last word ends.
      GazMarks first = sentences[si][sp.first].gaz, last = sentences[si][sp.last - 1].gaz;
      bool whole = false;
      for (uint32_t l = 0; l < kGazLists; ++l)
        whole = whole || (((first >> (4 * l)) & 1) && ((last >> (4 * l)) & 4));
      split_name(at, {base + sp.first, base + sp.last, sp.type}, whole, a);
    }
  }
  add_repeated_names(at, a);
}

}  // namespace analyse

Analysis analyse_article(const AnnotatedText& at) {
  analyse::TaggedArticle t = analyse::tag_article(at);
  analyse::name_article(at, t);
  return std::move(t.analysis);
}

}  // namespace eventloom
