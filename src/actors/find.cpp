// Recognition of actors in one article and coreference within it.
//
// Pass 1 reads each sentence once. Gazetteer phrases (countries, capitals,
// organisations, places, things that are not actors) are matched longest
// first at capitalised tokens. Capitalised runs (with name particles and
// "of" after an organisation word) are then cut into modifiers (demonyms,
// titles and role words: "Russian Deputy Foreign Minister"), gazetteer
// mentions and name pieces. Each name piece becomes a Candidate with its type
// guess and cues: a role before it (scanned leftwards across role words and
// gazetteer names: "Kremlin spokesman"), an apposition after it ("Geoffrey
// Roberts, a historian ..."; an age "Olena Chiupika, 38," is skipped), a verb
// of saying next to it, a known given name. A capital is its country's
// government only as a subject or possessive ("Moscow said", "Kyiv's
// forces"); elsewhere it is a place. Headline sentences (title case or all
// capitals) only confirm names seen in the body.
//
// Before pass 1, the article teaches names no gazetteer knows
// (infer_local_names): "Fooian" next to "Fooia" makes a local demonym and a
// local country; a lone word after "in" is a place (GPE when it then acts).
// A capitalised piece right before a role and a name ("Fooish Prime Minister
// Jane Doe") is part of the role; an acronym in brackets right after a name
// it abbreviates is an alias of that name.
//
// Pass 2 resolves candidates to actors: every multi-word person name first,
// so that a surname alone ("Peskov"), before or after the full name, joins
// it; then every candidate in text order. Definite descriptions ("the
// Kremlin spokesman", "the Russian president") join the last person before
// them holding that role. Invariant: mentions never overlap and are sorted.
#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "actors/lexicon.hpp"
#include "eventloom/actors.hpp"
#include "eventloom/text.hpp"

namespace eventloom {
namespace {

using actors::GazEntry;
using actors::GazKind;
using actors::Lexicon;

enum class Guess : uint8_t { Person, Org, Gpe, Loc, Unknown };

struct Candidate {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  Span span;
  Guess guess = Guess::Unknown;
  const GazEntry* gaz = nullptr;
  bool gov = false;          // a capital used for its government
  bool person_cue = false;
  bool headline = false;
  bool caps_headline = false;  // a headline the tagger reads (in capitals, or not in title case)
  bool acting = false;         // a verb of saying or acting follows ("Brask said")
  std::string name;          // surface name (the span, or name + "administration")
  std::string acronym_of;    // "(CNS)" right after "Council of Northern States": that name
  std::string country;       // the country of a demonym in its role ("Fooian President X")
  std::string role;
  Span role_span;            // modifiers and apposition: where affiliations are
  Span apposition;
};

// --- what the lexicons say of a word ---------------------------------------
//
// Every word list the scanner consults, and every gazetteer phrase with each
// of its word-aligned prefixes, in one open-addressing table built once per
// process from the (immutable) lexicon: one lookup of a folded token answers
// all the membership questions at once, without building a std::string.

enum WordBit : uint32_t {
  kGivenName = 1u << 0,
  kDemonymNoun = 1u << 1,
  kTitle = 1u << 2,
  kRoleWord = 1u << 3,
  kNonname = 1u << 4,
  kOrgWord = 1u << 5,
  kPlaceWord = 1u << 6,
  kRoleHead = 1u << 7,
  kSayVerb = 1u << 8,
  kThingNoun = 1u << 9,
  kEventWord = 1u << 10,
  kLocative = 1u << 12,    // "in", "near", "from"
  kGovVerb = 1u << 13,     // "Moscow said", "Kyiv wants": a capital acting
  kOrgNoun = 1u << 14,     // "the Fooville newspaper"
  kLegalSuffix = 1u << 15, // "Inc", "Corp": a company's name ends there
};

constexpr std::string_view kLocatives[] = {"in", "at", "near", "from", "to", "across", "outside", "around",
                                           "into", "toward", "towards", "via", "through", "inside",
                                           "throughout", "within", "between", "of", "over", "on", "for"};
constexpr std::string_view kGovVerbs[] = {
    "could", "would", "will", "can", "cannot", "may", "might", "must", "should", "has", "have", "had", "is",
    "was", "did", "does", "wants", "plans", "hopes", "fears", "sees", "views", "considers", "believes",
    "insists", "rejects", "demands", "accuses", "refuses", "agrees", "threatens", "reiterates", "denies",
    "regime", "government", "authorities", "sent", "sends", "launched", "launches", "continues", "seeks"};
constexpr std::string_view kOrgNouns[] = {
    "newspaper", "agency", "daily", "channel", "app", "company", "outlet", "website", "broadcaster", "party",
    "firm", "group", "network", "magazine", "weekly", "bank", "airline", "platform", "plant", "factory",
    "militia", "movement", "ministry", "tabloid", "portal", "radio", "television", "tv", "club", "union"};

struct WordInfo {
  uint32_t bits = 0;   // WordBit
  int32_t phrase = -1; // a gazetteer phrase: its entry in Lexicon::entries
  bool longer = false; // a word-aligned prefix of a longer phrase ("united" of "united nations")
};

// A hash of a short string: eight bytes at a time, the last (partial) eight
// read as two overlapping four-byte words.
uint64_t word_hash(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  for (; n > 8; p += 8, n -= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdull;
    h ^= h >> 29;
  }
  uint64_t v = 0;
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    v = static_cast<uint64_t>(a) << 32 | b;
  } else if (n > 0) {
    v = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
        static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 | static_cast<unsigned char>(p[n - 1]);
  }
  h = (h ^ v) * 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}

class WordTable {
 public:
  explicit WordTable(const Lexicon& lx) {
    slots_.resize(1024);
    mask_ = slots_.size() - 1;
    for (const auto& [key, entry] : lx.phrases) {
      insert(key).phrase = static_cast<int32_t>(entry);
      for (size_t i = 0; i < key.size(); ++i)
        if (key[i] == ' ') insert(std::string_view(key).substr(0, i)).longer = true;
    }
    auto mark = [&](const std::unordered_set<std::string>& set, uint32_t bit) {
      for (const std::string& w : set) insert(w).bits |= bit;
    };
    mark(lx.demonym_nouns, kDemonymNoun);
    mark(lx.titles, kTitle);
    mark(lx.role_words, kRoleWord);
    mark(lx.nonname, kNonname);
    mark(lx.org_words, kOrgWord);
    mark(lx.legal_suffixes, kLegalSuffix);
    mark(lx.place_words, kPlaceWord);
    mark(lx.role_heads, kRoleHead);
    mark(lx.say_verbs, kSayVerb);
    mark(lx.event_words, kEventWord);
    mark(lx.thing_nouns, kThingNoun);
    for (const auto& [w, canonical] : lx.given) insert(w).bits |= kGivenName;
    for (std::string_view w : kLocatives) insert(w).bits |= kLocative;
    for (std::string_view w : kGovVerbs) insert(w).bits |= kGovVerb;
    for (std::string_view w : kOrgNouns) insert(w).bits |= kOrgNoun;
  }

  // nullptr when the table knows nothing of w.
  const WordInfo* find(std::string_view w) const {
    const uint64_t h = word_hash(w);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.hash == h && s.key == w) return &s.info;
    }
  }
  uint32_t bits(std::string_view w) const {
    const WordInfo* i = find(w);
    return i ? i->bits : 0;
  }

 private:
  struct Slot {
    std::string_view key;  // into the lexicon or the lists above: both outlive the table
    uint64_t hash = 0;
    WordInfo info;
    bool used = false;
  };

  WordInfo& insert(std::string_view w) {
    if (2 * (used_ + 1) > slots_.size()) grow();  // at most half full: probes stay short
    const uint64_t h = word_hash(w);
    Slot& s = slot_for(w, h);
    if (!s.used) {
      s.used = true;
      s.key = w;
      s.hash = h;
      ++used_;
    }
    return s.info;
  }

  // The slot that holds w, or the free one where it would go.
  Slot& slot_for(std::string_view w, uint64_t h) {
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (!s.used || (s.hash == h && s.key == w)) return s;
    }
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (Slot& s : old)
      if (s.used) slot_for(s.key, s.hash) = s;
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0, used_ = 0;
};

const WordTable& word_table() {
  static const WordTable table(actors::lexicon());
  return table;
}

// fold() with a fast path for ASCII (most words), where folding is lower-casing.
void fold_into(std::string& out, std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) {
      out += text::fold(s);
      return;
    }
  size_t at = out.size();
  out.append(s);
  for (size_t i = at; i < out.size(); ++i)
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
}

// actor_key() of a name, remembered by each thread: the same names come back
// article after article ("Reuters", "U.S."), and the key depends on the name
// and type alone. The memory is bounded: a full table starts over.
const std::string& remembered_actor_key(const std::string& name, ActorType type) {
  thread_local std::unordered_map<std::string, std::string> known[4];
  auto& table = known[static_cast<size_t>(type)];
  auto it = table.find(name);
  if (it != table.end()) return it->second;
  if (table.size() >= 1u << 15) table.clear();
  return table.emplace(name, actor_key(name, type)).first->second;
}

std::string folded_copy(std::string_view s) {
  std::string out;
  fold_into(out, s);
  return out;
}

bool is_admin_noun(std::string_view w) {
  return w == "administration" || w == "government" || w == "campaign" || w == "cabinet";
}

class ArticleScanner {
 public:
  ArticleScanner(const AnnotatedText& at, const Analysis& an)
      : at_(at), an_(an), lx_(actors::lexicon()), words_(word_table()) {
    fold_tokens();
    infer_local_names();
  }

  std::vector<Candidate> scan() {
    for (const Sentence& s : at_.sentences) scan_sentence(s);
    return std::move(cands_);
  }

  std::string_view folded(uint32_t k) const {
    return std::string_view(arena_).substr(fold_spans_[k].start, fold_spans_[k].size());
  }
  // WordBits of token k's folded form.
  uint32_t bits(uint32_t k) const { return info_[k] ? info_[k]->bits : 0; }
  bool is(uint32_t k, uint32_t bit) const { return (bits(k) & bit) != 0; }

 private:
  // The folded form of every token, in one arena: an ASCII token folds to
  // its bytes lower-cased, so a lower-cased copy of the whole text serves
  // them all at their own spans; the folds of other tokens follow it.
  void fold_tokens() {
    const size_t n = at_.tokens.size();
    const std::string_view text = at_.text();
    arena_.resize(text.size());
    const size_t len = text.size();
    const char* src = text.data();
    char* dst = arena_.data();
    unsigned char high = 0;  // any byte >= 0x80
    for (size_t i = 0; i < len; ++i) {
      char c = src[i];
      high |= static_cast<unsigned char>(c);
      dst[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    const bool ascii = high < 0x80;
    fold_spans_.resize(n);
    for (size_t k = 0; k < n; ++k) {
      const Span sp = at_.tokens[k].span;
      fold_spans_[k] = sp;
      if (ascii) continue;
      std::string_view w = text.substr(sp.start, sp.size());
      if (std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) continue;
      uint32_t b = static_cast<uint32_t>(arena_.size());
      arena_ += text::fold(w);
      fold_spans_[k] = {b, static_cast<uint32_t>(arena_.size())};
    }
    info_.resize(n);
    for (uint32_t k = 0; k < n; ++k) info_[k] = words_.find(folded(k));
    ptb_.assign(at_.tokens.size(), false);
    for (uint32_t k = 1; k + 1 < at_.tokens.size(); ++k)
      ptb_[k] = is_ptb_bracket(folded(k)) && at_.word(k - 1) == "-" && at_.word(k + 1) == "-";
  }

  // Names no gazetteer knows, learnt from the article itself (read once,
  // before the sentences): a capitalised word ending like a demonym whose
  // stem is another capitalised word of the article ("Fooian" and "Fooia")
  // makes the stem a country and the word its demonym; such a word without
  // its country is still a demonym when it modifies a noun of nationality
  // ("Fooian officials").
  void infer_local_names() {
    std::unordered_map<std::string_view, uint32_t> caps;  // folded capitalised word -> a token (when needed)
    bool caps_known = false;
    for (uint32_t k = 0; k < at_.tokens.size(); ++k) {
      if (!cap(k) || (!local_.empty() && local_.count(folded(k)))) continue;
      std::string_view w = folded(k);
      if ((info_[k] && info_[k]->phrase >= 0) || is(k, kGivenName) || !demonym_ending(w)) continue;
      if (!caps_known) {
        caps_known = true;
        for (uint32_t j = 0; j < at_.tokens.size(); ++j) {
          if (!cap(j) || folded(j).size() < 4) continue;
          auto it = caps.find(folded(j));
          if (it == caps.end()) caps.emplace(folded(j), j);
          else if (at_.tokens[it->second].has(kAllUpper) && !at_.tokens[j].has(kAllUpper)) it->second = j;
        }
      }
      uint32_t country = country_of_demonym(w, caps);
      if (country != UINT32_MAX) {
        const GazEntry* c = add_local(folded(country), GazKind::Country, std::string(at_.word(country)), "");
        add_local(w, GazKind::Demonym, c->canonical, c->canonical);
      } else if (w.size() >= 6 && adjective_ending(w) && modifies_noun(w)) {
        add_local(w, GazKind::Demonym, "", "");
      }
    }
  }

  const GazEntry* add_local(std::string_view folded_word, GazKind kind, std::string canonical, std::string country) {
    auto it = local_.find(folded_word);
    if (it != local_.end()) return it->second;
    local_entries_.push_back({std::move(canonical), kind, std::move(country)});
    local_.emplace(folded_word, &local_entries_.back());
    return &local_entries_.back();
  }

  static bool ends_with(std::string_view w, std::string_view suf) {
    return w.size() > suf.size() + 2 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  }
  static bool adjective_ending(std::string_view w) {
    return ends_with(w, "ian") || ends_with(w, "ean") || ends_with(w, "ese");
  }
  static bool demonym_ending(std::string_view w) {
    return ends_with(w, "an") || ends_with(w, "ese") || ends_with(w, "ish") || ends_with(w, "i");
  }
  // The token of the country a demonym names, UINT32_MAX when the article has
  // none. The stems below are tried in turn ("fooian" -> "fooia", "fooy", "foo").
  uint32_t country_of_demonym(std::string_view w, const std::unordered_map<std::string_view, uint32_t>& caps) const {
    std::string base(w);
    std::vector<std::string> stems;
    auto cut = [&](size_t n, std::string_view add) { stems.push_back(base.substr(0, base.size() - n) + std::string(add)); };
    if (ends_with(w, "n")) cut(1, "");            // Fooian -> Fooia, Fooean -> Fooea
    if (ends_with(w, "ian")) cut(3, "y"), cut(3, "");  // Italian -> Italy, Brazilian -> Brazil
    if (ends_with(w, "an")) cut(2, "o");           // Mexican -> Mexico
    if (ends_with(w, "ese")) cut(3, "a"), cut(3, "");  // Chinese -> China, Japanese -> Japan
    if (ends_with(w, "ish")) cut(3, "");
    if (ends_with(w, "i")) cut(1, ""), cut(0, "a");    // Israeli -> Israel, Somali -> Somalia
    for (const auto& st : stems) {
      if (st.size() < 4 || st == base) continue;
      auto it = caps.find(st);
      if (it != caps.end() && !demonym_ending(st)) return it->second;
    }
    return UINT32_MAX;
  }

  // "Fooian officials", "the Fooian side", "Fooian Foreign Minister".
  bool modifies_noun(std::string_view w) const {
    for (uint32_t k = 0; k + 1 < at_.tokens.size(); ++k) {
      if (folded(k) != w || at_.tokens[k + 1].sentence != at_.tokens[k].sentence) continue;
      if (is(k + 1, kDemonymNoun | kTitle) || role_word(k + 1)) return true;
    }
    return false;
  }

  // Tokenised corpora (Penn Treebank style) write brackets as "-LRB-", "-RRB-".
  static bool is_ptb_bracket(std::string_view w) {
    return w == "lrb" || w == "rrb" || w == "lsb" || w == "rsb" || w == "lcb" || w == "rcb";
  }
  bool opens_bracket_before(uint32_t a) const {
    if (a >= 1 && at_.word(a - 1) == "(") return true;
    return a >= 2 && ptb_[a - 2] && folded(a - 2)[0] == 'l';
  }
  bool closes_bracket_after(uint32_t b) const {
    if (b < at_.tokens.size() && at_.word(b) == ")") return true;
    return b + 1 < at_.tokens.size() && ptb_[b + 1] && folded(b + 1)[0] == 'r';
  }

  bool cap(uint32_t k) const {
    const Token& t = at_.tokens[k];
    return t.has(kUpperInit) && t.has(kAlpha) && !t.has(kPunct) && !ptb_[k];
  }
  bool role_word(uint32_t k) const {
    if (is(k, kRoleWord | kTitle)) return true;
    // "Foreign Ministers X and Y": a plural role.
    std::string_view w = folded(k);
    if (w.size() < 5 || w.back() != 's') return false;
    w.remove_suffix(1);
    return (words_.bits(w) & (kRoleWord | kTitle)) != 0;
  }
  bool is_headline(const Sentence& s) const {
    if (s.paragraph < at_.paragraphs.size() && at_.paragraphs[s.paragraph].kind == ParagraphKind::Title) return true;
    int alpha = 0, capital = 0, upper = 0;
    // "1. Michelle Freeman ( Jamaica ) 12.71", "Lazio 2 Roma 1": a row of
    // results has figures and no capitalised word that a title would have
    // ("Aired February 1", "Mubarak Steps Down 11 February").
    bool figures = false, title_word = false;
    for (uint32_t k = s.first_token; k < s.last_token; ++k) {
      const Token& t = at_.tokens[k];
      if (t.has(kDigit) && !t.has(kAlpha) && t.span.size() != 4) figures = true;
      if (t.has(kUpperInit) && is(k, kNonname)) title_word = true;
      if (!t.has(kAlpha) || ptb_[k]) continue;
      ++alpha;
      if (t.has(kUpperInit)) ++capital;
      if (t.has(kAllUpper)) ++upper;
    }
    return alpha >= 4 && ((capital * 10 >= alpha * 6 && (!figures || title_word)) || upper * 2 >= alpha);
  }

  bool all_caps(const Sentence& s) const {
    int alpha = 0, upper = 0;
    for (uint32_t k = s.first_token; k < s.last_token; ++k) {
      if (!at_.tokens[k].has(kAlpha) || ptb_[k]) continue;
      ++alpha;
      upper += at_.tokens[k].has(kAllUpper);
    }
    return upper * 10 >= alpha * 8;
  }

  // Title case: capitals on words that are no names ("Mubarak Steps Down
  // After Protests": a function word or common words, as the tagger reads
  // them), or lower case on function words only ("NATO and Ukraine to Hold
  // Emergency Talks after ..."), unlike a row of names and results
  // ("Jansher Khan ( Pakistan ) beat Mark Cairns").
  bool title_case(const Sentence& s) const {
    int capitals = 0, common = 0, function = 0, lower = 0, lower_content = 0;
    for (uint32_t k = s.first_token + 1; k < s.last_token; ++k) {
      std::string_view u = upos(an_.words[an_.token_word[k]].tag);
      bool closed = u == "ADP" || u == "DET" || u == "CCONJ" || u == "SCONJ" || u == "AUX" || u == "PART" ||
                    u == "PRON";
      if (at_.tokens[k].has(kLower)) {
        ++lower;
        lower_content += !closed;
      }
      if (!cap(k) || role_word(k)) continue;  // "Deputy Prime Minister Jane Doe" is no title case
      ++capitals;
      common += u != "PROPN" && u != "NUM" && u != "X" && u != "SYM";
      function += closed;
    }
    if (capitals >= 3 && lower > 0 && lower_content == 0) return true;
    return function >= 1 || (common >= 2 && common * 10 >= capitals * 3);
  }

  // Longest gazetteer phrase starting at k, within the sentence.
  std::pair<const GazEntry*, uint32_t> gaz_match(uint32_t k, uint32_t end) {
    if (!cap(k) && !at_.tokens[k].has(kDigit)) return {nullptr, 0};
    const GazEntry* best = nullptr;
    uint32_t best_len = 0;
    // The first word is looked up already; a longer key is tried only while
    // the key so far begins some longer phrase.
    const WordInfo* info = info_[k];
    key_.clear();
    for (uint32_t j = k; info && j < end && j - k < lx_.max_phrase_tokens; ++j) {
      if (j > k) {
        key_.push_back(' ');
        key_ += folded(j);
        info = words_.find(key_);
        if (!info) break;
      } else {
        key_ += folded(j);
      }
      if (info->phrase >= 0) {
        best = &lx_.entries[static_cast<size_t>(info->phrase)];
        best_len = j - k + 1;
      }
      if (!info->longer) break;
    }
    if (!best && !local_.empty()) {
      auto d = local_.find(folded(k));
      if (d != local_.end()) return {d->second, 1};
    }
    return {best, best_len};
  }

  void scan_sentence(const Sentence& s) {
    const uint32_t b = s.first_token, e = s.last_token;
    gaz_.assign(e - b, {nullptr, 0});
    for (uint32_t k = b; k < e;) {
      auto m = gaz_match(k, e);
      if (m.first) {
        gaz_[k - b] = m;
        for (uint32_t j = k + 1; j < k + m.second; ++j) gaz_[j - b] = {m.first, 0};  // covered
        k += m.second;
      } else {
        ++k;
      }
    }
    headline_ = is_headline(s);
    // The tagger learnt headlines in capitals; a title-case headline only
    // confirms names the body gives.
    caps_headline_ = headline_ && (all_caps(s) || !title_case(s));
    sent_ = &s;
    scan_names(b, e);
  }

  // The names the tagger found in tokens [b, e): each an actor candidate of
  // its type, with the gazetteer's canonical name where a phrase of it is
  // the whole name. Then the gazetteer's countries, organisations and
  // capitals acting for their government that the tagger left out.
  void scan_names(uint32_t b, uint32_t e) {
    while (next_name_ < an_.names.size() && an_.names[next_name_].first < b) ++next_name_;
    for (; next_name_ < an_.names.size() && an_.names[next_name_].last <= e; ++next_name_) {
      NameMention m = an_.names[next_name_];
      if (m.type == NameType::Misc) {
        // "the Trump administration" (the tagger reads "Trump" as an
        // adjective here), "the Gulf Coast": a name before an administration
        // noun is that administration, a name ending in a place word a place.
        bool admin = m.last < e && at_.tokens[m.last].has(kLower) && is_admin_noun(folded(m.last));
        if (admin) m.type = NameType::Person;
        else if (is(m.last - 1, kPlaceWord) && cap(m.last - 1)) m.type = NameType::Loc;
        else continue;
      }
      // "Kyiv School" "of" "Economics", "Institute" "for" "Maritime Law": an
      // organisation or place word before "of" or "for" joins the name after
      // it. "Organisation for Security and Cooperation" "in" "Europe": the
      // tagger cut an organisation's name at a lower-case word, and typed
      // what follows it an organisation too.
      auto joins = [&](const NameMention& n) {
        if (n.first != m.last + 1 || n.last > e) return false;
        std::string_view c = folded(m.last);
        const bool of = c == "of" || c == "for";
        if (is(m.last - 1, kLegalSuffix)) return false;  // "Kia Motor Corp" "of" "South Korea"
        if (of && is(m.last - 1, kOrgWord | kPlaceWord)) return true;
        return m.type == NameType::Org && n.type == NameType::Org && (of || c == "in" || c == "on");
      };
      while (m.type != NameType::Person && next_name_ + 1 < an_.names.size() && joins(an_.names[next_name_ + 1]))
        m.last = an_.names[++next_name_].last;
      while (m.first < m.last && ptb_[m.first]) ++m.first;  // "-LRB-" is a bracket
      while (m.last > m.first && ptb_[m.last - 1]) --m.last;
      if (m.first == m.last) continue;
      // "US Vice President JD Vance", "the UCT Secretary-General Birte
      // Oslund": role words inside a name end what comes before them (its
      // own name, when it is one) and start a person.
      uint32_t r = m.first;
      while (r + 1 < m.last && !(role_word(r) && !is(r, kGivenName) && !in_gaz(r))) ++r;
      uint32_t k = r;
      bool head = false;  // a title or a role by itself ("President"), not a modifier ("Regional")
      for (; k + 1 < m.last && role_word(k) && !is(k, kGivenName); ++k) head = head || is(k, kRoleHead | kTitle);
      if (k > r && cap(k) && (head || m.type == NameType::Person) && !has_org_word(k, m.last)) {
        if (r > m.first) emit_name({m.first, r, leading_type(m.first, r)});
        m = {k, m.last, NameType::Person};
      }
      emit_name(m);
    }
    if (headline_) return;
    for (uint32_t k = b; k < e;) {
      uint32_t len = gaz_[k - b].second;
      if (!len || !cap(k)) {
        k += len ? len : 1;
        continue;
      }
      bool named = false;
      for (uint32_t j = k; j < k + len; ++j) named = named || an_.token_name[j] != NameType::None;
      const GazEntry* g = gaz_[k - b].first;
      if (!named && (g->kind == GazKind::Country || g->kind == GazKind::Org ||
                     (g->kind == GazKind::Capital && capital_as_government(k, k + len))))
        emit_gaz(k, k + len, g);
      k += len;
    }
  }

  // What the words before a role are: an organisation when an acronym or
  // organisation word ("UCT", "Acme Holdings"), a place ("US") or nothing.
  NameType leading_type(uint32_t a, uint32_t b) const {
    if (gaz_start(a) && gaz_[a - sent_->first_token].second == b - a) return NameType::Loc;
    for (uint32_t k = a; k < b; ++k)
      if (is(k, kOrgWord) || (at_.tokens[k].has(kAllUpper) && !at_.tokens[k].has(kAbbrev))) return NameType::Org;
    return NameType::Misc;
  }

  void emit_name(const NameMention& m) {
    if (m.type == NameType::Misc) return;
    // "Inc", "Corp": a legal form alone, cut from its company's name.
    bool all_legal = true;
    for (uint32_t k = m.first; k < m.last && all_legal; ++k) all_legal = is(k, kLegalSuffix) || ptb_[k];
    if (all_legal) return;
    const uint32_t b = sent_->first_token;
    if (gaz_start(m.first) && gaz_[m.first - b].second == m.last - m.first) {
      // The gazetteer's name where it agrees with the tagger on the kind of
      // thing ("New York" the team is an organisation, not the city).
      const GazEntry* g = gaz_[m.first - b].first;
      if (g->kind == GazKind::Demonym || g->kind == GazKind::NotActor) return;
      // A country or a known organisation is itself whatever the tagger says.
      bool city = g->kind == GazKind::Capital || g->kind == GazKind::Place;
      if ((m.type == NameType::Loc && city) || g->kind == GazKind::Country || g->kind == GazKind::Org) {
        emit_gaz(m.first, m.last, g);
        return;
      }
    }
    // "Munich Security Conference", "Cuban Missile Crisis" name events; but
    // "Institute for Maritime Law" is an organisation.
    if (is(m.last - 1, kEventWord) && !org_of(m.first, m.last)) return;
    if (thing_after(m.last)) return;          // "the Deepwater Horizon rig"
    Guess guess = m.type == NameType::Person ? Guess::Person : m.type == NameType::Org ? Guess::Org : Guess::Loc;
    // "Teskar Pass", "Velmar Mountains": a name ending in a place word, with
    // no organisation word, is a place, whatever the tagger thought.
    if (guess == Guess::Org && is(m.last - 1, kPlaceWord) && !has_org_word(m.first, m.last)) guess = Guess::Loc;
    // "Brask said", "Fooville has": a place that acts is its government.
    bool acting = acts(m.first, m.last);
    if (guess == Guess::Loc && acting) guess = Guess::Gpe;
    emit_piece(m.first, m.last, guess, acting);
  }

  bool has_org_word(uint32_t a, uint32_t b) const {
    for (uint32_t k = a; k < b; ++k)
      if (is(k, kOrgWord)) return true;
    return false;
  }

  // An organisation word followed by "of" or "for" inside tokens [a, b).
  bool org_of(uint32_t a, uint32_t b) const {
    for (uint32_t k = a; k + 1 < b; ++k)
      if (is(k, kOrgWord) && (folded(k + 1) == "of" || folded(k + 1) == "for")) return true;
    return false;
  }

  // A lower-case verb of saying or of a government's acts right after
  // tokens [a, b), which no locative opens ("Diplomats in Fooville said").
  bool acts(uint32_t a, uint32_t b) const {
    if (b >= sent_->last_token || !at_.tokens[b].has(kLower) || !is(b, kGovVerb | kSayVerb)) return false;
    return !(a > sent_->first_token && is(a - 1, kLocative) && at_.tokens[a - 1].has(kLower));
  }

  // "the Deepwater Horizon rig", "the Costa Concordia cruise ship": a name
  // followed by a noun for a thing names the thing.
  bool thing_after(uint32_t b) const {
    for (uint32_t k = b; k < sent_->last_token && k < b + 2; ++k) {
      if (!at_.tokens[k].has(kLower)) return false;
      if (is(k, kThingNoun)) return true;
    }
    return false;
  }

  bool in_gaz(uint32_t k) const { return gaz_[k - sent_->first_token].first != nullptr; }
  bool gaz_start(uint32_t k) const { return gaz_[k - sent_->first_token].second > 0; }

  Span span_of(uint32_t a, uint32_t b) const { return {at_.tokens[a].span.start, at_.tokens[b - 1].span.end}; }
  std::string text_of(uint32_t a, uint32_t b) const { return std::string(at_.norm.view(span_of(a, b))); }

  void emit_gaz(uint32_t a, uint32_t b, const GazEntry* g) {
    // "(AFP)", "(Reuters)": a byline or photo credit, not an actor. A country
    // in brackets is one: "Michelle Freeman (Jamaica)".
    // But "the Organisation for Security and Cooperation in Europe (OSCE)"
    // spells out the known organisation: both are it.
    if (g->kind == GazKind::Org && a > sent_->first_token && opens_bracket_before(a) && closes_bracket_after(b)) {
      if (!abbreviates_previous(a, b)) return;
      Candidate& full = cands_.back();
      if (!full.gaz) {
        full.gaz = g;
        full.guess = Guess::Org;
      }
    }
    Candidate c = base(a, b);
    c.gaz = g;
    switch (g->kind) {
      case GazKind::Country: c.guess = Guess::Gpe; break;
      case GazKind::Org: c.guess = Guess::Org; break;
      case GazKind::Place: c.guess = Guess::Loc; break;
      case GazKind::Capital: {
        c.guess = Guess::Loc;
        if (capital_as_government(a, b)) {
          c.guess = Guess::Gpe;
          c.gov = true;
          if (b < sent_->last_token && (folded(b) == "regime" || folded(b) == "government")) {
            c.span.end = at_.tokens[b].span.end;
            c.name = text_of(a, b + 1);
          }
        }
        break;
      }
      default: return;
    }
    cands_.push_back(std::move(c));
  }

  bool capital_as_government(uint32_t a, uint32_t b) const {
    if (b >= sent_->last_token) return false;
    const Token& next = at_.tokens[b];
    if (next.has(kPossessive)) return true;
    if (a > sent_->first_token && is(a - 1, kLocative)) return false;
    if (!next.has(kLower)) return false;
    std::string_view w = folded(b);
    if (is(b, kGovVerb | kSayVerb)) return true;
    return w.size() > 4 && w.substr(w.size() - 2) == "ed";
  }

  Candidate base(uint32_t a, uint32_t b) const {
    Candidate c;
    c.first = a;
    c.last = b;
    c.span = span_of(a, b);
    c.name = text_of(a, b);
    c.headline = headline_;
    c.caps_headline = caps_headline_;
    return c;
  }

  void emit_piece(uint32_t a, uint32_t b, Guess guess, bool acting) {
    Candidate c = base(a, b);
    c.guess = guess;
    c.acting = acting;
    if (!c.headline) {
      find_role_before(c);
      find_apposition(c);
      find_cues(c);
    }
    mark_acronym(c);
    cands_.push_back(std::move(c));
  }

  // "Council of Northern States (CNS)": an acronym in brackets right after a
  // name whose capitalised words it abbreviates is that name.
  void mark_acronym(Candidate& c) const {
    if (!abbreviates_previous(c.first, c.last)) return;
    const Candidate& prev = cands_.back();
    c.acronym_of = prev.name;
    c.guess = prev.guess == Guess::Unknown ? Guess::Org : prev.guess;
  }
  // Tokens [a, b) are one upper-case word in brackets right after the last
  // candidate, made of the initials of its capitalised words.
  bool abbreviates_previous(uint32_t a, uint32_t b) const {
    if (b - a != 1 || !at_.tokens[a].has(kAllUpper) || cands_.empty()) return false;
    if (!opens_bracket_before(a) || !closes_bracket_after(b)) return false;
    const Candidate& prev = cands_.back();
    if (prev.last + 1 != a && prev.last + 3 != a) return false;
    std::string initials;
    for (uint32_t k = prev.first; k < prev.last; ++k)
      if (cap(k)) initials.push_back(folded(k)[0]);
    return initials.size() >= 2 && initials == folded(a);
  }

  // "Russian Deputy Foreign Minister Sergei Ryabkov", "Kremlin spokesman Dmitry Peskov".
  void find_role_before(Candidate& c) const {
    uint32_t j = c.first;
    bool any_role = false;
    while (j > sent_->first_token) {
      uint32_t t = j - 1;
      if (role_word(t) && !in_gaz(t)) {
        any_role = true;
        j = t;
      } else if (in_gaz(t)) {
        uint32_t s = t;
        while (!gaz_start(s)) --s;
        const GazEntry* g = gaz_[s - sent_->first_token].first;
        if (g->kind == GazKind::Demonym && c.country.empty()) c.country = g->country;
        j = s;
      } else if (at_.tokens[t].has(kPossessive) && t > sent_->first_token && in_gaz(t - 1)) {
        j = t;
      } else {
        break;
      }
    }
    if (!any_role) return;
    c.role = text_of(j, c.first);
    c.role_span = span_of(j, c.first);
    c.person_cue = true;
  }

  // ", a historian of Josef Stalin ...", ", 38, a manager in Kyiv".
  void find_apposition(Candidate& c) const {
    uint32_t e = sent_->last_token, m = c.last;
    if (m >= e || at_.word(m) != ",") return;
    ++m;
    if (m + 1 < e && at_.tokens[m].has(kDigit) && !at_.tokens[m].has(kAlpha) && at_.word(m + 1) == ",") {
      c.person_cue = true;  // an age
      m += 2;
    }
    if (m < e && (folded(m) == "a" || folded(m) == "an" || folded(m) == "the")) ++m;
    uint32_t end = m;
    bool role = false;
    while (end < e && end - m < 12) {
      std::string_view w = at_.word(end);
      if (w == "," || w == "." || w == ";" || w == ":" || w == ")" || w == "\"" || w == "who" || w == "which" ||
          is(end, kSayVerb))
        break;
      if (end - m < 4 && at_.tokens[end].has(kLower) && is(end, kRoleHead)) role = true;
      ++end;
    }
    if (!role || end == m) return;
    c.apposition = span_of(m, end);
    if (c.role.empty()) c.role = text_of(m, end);
    c.person_cue = true;
  }

  void find_cues(Candidate& c) {
    uint32_t e = sent_->last_token;
    bool after_locative = false;
    if (c.first > sent_->first_token) {
      std::string_view prev = folded(c.first - 1);
      if (is(c.first - 1, kSayVerb) && prev != "asked") c.person_cue = true;
      // "Diplomats in Fooville said": the place is not the speaker.
      if (is(c.first - 1, kLocative) && at_.tokens[c.first - 1].has(kLower)) after_locative = true;
      if (is(c.first - 1, kTitle) && cap(c.first - 1)) c.person_cue = true;
    }
    if (c.last < e) {
      std::string_view next = folded(c.last);
      if (is(c.last, kSayVerb) && !after_locative && !c.person_cue) c.person_cue = true;
      if (at_.tokens[c.last].has(kLower) && is_admin_noun(next) && c.last - c.first <= 3) {
        c.guess = Guess::Org;
        c.span.end = at_.tokens[c.last].span.end;
        c.name = text_of(c.first, c.last + 1);
        return;
      }
      if (at_.tokens[c.last].has(kLower) && is(c.last, kOrgNoun) && !c.person_cue) {
        c.guess = Guess::Org;
        c.role = std::string(at_.word(c.last));
      }
    }
  }

  const AnnotatedText& at_;
  const Analysis& an_;
  size_t next_name_ = 0;  // the first name of an_.names not yet read
  const Lexicon& lx_;
  const WordTable& words_;
  std::string arena_;
  std::vector<Span> fold_spans_;
  std::vector<const WordInfo*> info_;  // what the table knows of each token's folded form
  std::string key_;
  std::vector<std::pair<const GazEntry*, uint32_t>> gaz_;
  std::vector<bool> ptb_;  // the "LRB" of "-LRB-"
  std::deque<GazEntry> local_entries_;                              // names learnt from this article
  std::unordered_map<std::string_view, const GazEntry*> local_;     // folded word -> its entry
  const Sentence* sent_ = nullptr;
  bool headline_ = false;
  bool caps_headline_ = false;
  std::vector<Candidate> cands_;
};

ActorType to_type(Guess g) {
  switch (g) {
    case Guess::Person: return ActorType::Person;
    case Guess::Org: return ActorType::Org;
    case Guess::Gpe: return ActorType::Gpe;
    default: return ActorType::Loc;
  }
}

// Pass 2: candidates to actors.
class Resolver {
 public:
  Resolver(const AnnotatedText& at, const ArticleScanner& scanner, std::vector<Candidate> cands)
      : at_(at), scanner_(scanner), cands_(std::move(cands)) {}

  ActorExtraction run() {
    collect_full_names();
    for (const Candidate& c : cands_) resolve(c);
    link_descriptions();
    finish();
    return std::move(out_);
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  using ByType = std::array<uint32_t, 4>;  // local actor of each ActorType, kNone when none

  static std::string last_word(const std::string& name) {
    size_t sp = name.rfind(' ');
    return folded_copy(sp == std::string::npos ? std::string_view(name) : std::string_view(name).substr(sp + 1));
  }

  // The folded form of s, in a buffer reused from call to call.
  const std::string& fold_key(std::string_view s) {
    key_.clear();
    fold_into(key_, s);
    return key_;
  }

  uint32_t actor_for(const std::string& key_name, ActorType type, const std::string& display) {
    ByType& slots = by_name_.try_emplace(fold_key(key_name), ByType{kNone, kNone, kNone, kNone}).first->second;
    uint32_t& slot = slots[static_cast<size_t>(type)];
    if (slot != kNone) return slot;
    LocalActor a;
    a.name = display;
    a.type = type;
    out_.actors.push_back(std::move(a));
    slot = static_cast<uint32_t>(out_.actors.size() - 1);
    return slot;
  }

  uint32_t by_name(const std::string& folded, ActorType type) const {
    auto it = by_name_.find(folded);
    return it == by_name_.end() ? kNone : it->second[static_cast<size_t>(type)];
  }

  void collect_full_names() {
    for (const Candidate& c : cands_) {
      if (!c.acronym_of.empty()) acronyms_.emplace(folded_copy(c.name), std::make_pair(c.acronym_of, to_type(c.guess)));
      // "the Joe Biden administration" names Joe Biden for a later "Biden".
      if (c.guess == Guess::Org && !c.gaz && c.last - c.first >= 2 && c.span.end > at_.tokens[c.last - 1].span.end) {
        std::string person = text_of_tokens(c.first, c.last);
        pending_.emplace(last_word(person), person);
      }
      if (c.guess != Guess::Person || c.headline || c.last - c.first < 2 || c.gaz) continue;
      uint32_t a = actor_for(c.name, ActorType::Person, c.name);
      surnames_.emplace(last_word(c.name), a);  // the first full name with that surname
    }
  }

  std::string text_of_tokens(uint32_t a, uint32_t b) const {
    return std::string(at_.norm.view({at_.tokens[a].span.start, at_.tokens[b - 1].span.end}));
  }

  // `folded` is the candidate's name folded.
  std::optional<uint32_t> known(const std::string& folded) {
    auto s = surnames_.find(folded);
    if (s != surnames_.end()) return s->second;
    auto p = pending_.find(folded);
    if (p != pending_.end()) {
      uint32_t a = actor_for(p->second, ActorType::Person, p->second);
      add_unique(out_.actors[a].aliases, p->second);
      surnames_.emplace(p->first, a);
      return a;
    }
    auto it = by_name_.find(folded);
    if (it != by_name_.end())
      for (uint32_t a : it->second)
        if (a != kNone) return a;
    auto al = by_alias_.find(folded);
    if (al != by_alias_.end()) return al->second;
    return std::nullopt;
  }

  void resolve(const Candidate& c) {
    std::optional<uint32_t> a;
    const std::string folded = folded_copy(c.name);
    auto acronym = c.gaz ? acronyms_.end() : acronyms_.find(folded);
    if (acronym != acronyms_.end()) {
      const auto& [full, type] = acronym->second;
      a = actor_for(full, type, full);
    } else if (c.gaz) {
      a = resolve_gaz(c);
    } else if (c.headline && !c.caps_headline) {
      a = known(folded);
    } else {
      // One word: a surname or a short form of an actor named before, if
      // the tagger gives it the same kind.
      // A place named before that acts now is its government, whatever
      // the tagger calls it ("in Brask" ... "Brask said").
      auto k = c.last - c.first == 1 ? known(folded) : std::nullopt;
      ActorType kt = k ? out_.actors[*k].type : ActorType::Person;
      bool place = kt == ActorType::Loc || kt == ActorType::Gpe;
      if (k && kt != to_type(c.guess) && !(place && (c.guess == Guess::Gpe || c.acting)))
        k = std::nullopt;
      a = k ? *k : actor_for(c.name, to_type(c.guess), c.name);
      if (k && place && c.acting) upgrade(*a, ActorType::Gpe);
    }
    if (!a) return;
    add_mention(*a, c.span, c.name);
    if (!c.country.empty() && out_.actors[*a].type == ActorType::Person) org_country_.push_back({*a, c.country});
    if (!c.role.empty() && out_.actors[*a].type == ActorType::Person) add_unique(out_.actors[*a].roles, c.role);
    for (Span s : {c.role_span, c.apposition})
      if (!s.empty()) affil_spans_.push_back({*a, s});
  }

  // A place named again as an actor ("in Fooville" ... "Fooville said"): one
  // actor, with the type of the acting mention.
  void upgrade(uint32_t a, ActorType t) {
    LocalActor& actor = out_.actors[a];
    if (actor.type != ActorType::Loc) return;
    actor.type = t;
    uint32_t& slot = by_name_.try_emplace(fold_key(actor.name), ByType{kNone, kNone, kNone, kNone}).first->second[static_cast<size_t>(t)];
    if (slot == kNone) slot = a;
  }

  std::optional<uint32_t> resolve_gaz(const Candidate& c) {
    const GazEntry& g = *c.gaz;
    if (g.kind == GazKind::Capital && c.gov) return actor_for(g.country, ActorType::Gpe, g.country);
    ActorType t = to_type(c.guess);
    uint32_t a = actor_for(g.canonical, t, g.canonical);
    if (!g.country.empty() && g.country != g.canonical) org_country_.push_back({a, g.country});
    return a;
  }

  void add_mention(uint32_t a, Span s, const std::string& surface) {
    out_.mentions.push_back({a, s});
    std::string alias = surface;
    if (alias.rfind("the ", 0) == 0) alias.erase(0, 4);
    add_unique(out_.actors[a].aliases, alias);
    by_alias_.emplace(fold_key(alias), a);
  }

  static void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
  }

  // "the Kremlin spokesman", "the Russian president": the last person named
  // before with that role word.
  // "the", "The", "THE" (ASCII letters only, as lower_ascii() sees them).
  static bool is_the(std::string_view w) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return w.size() == 3 && lower(w[0]) == 't' && lower(w[1]) == 'h' && lower(w[2]) == 'e';
  }

  void link_descriptions() {
    std::sort(out_.mentions.begin(), out_.mentions.end(), [](const Mention& x, const Mention& y) { return x.span < y.span; });
    mentions_of_.assign(out_.actors.size(), {});
    for (uint32_t i = 0; i < out_.mentions.size(); ++i) mentions_of_[out_.mentions[i].actor].push_back(i);
    std::vector<Mention> added;
    for (uint32_t k = 0; k + 1 < at_.tokens.size(); ++k) {
      if (!is_the(at_.word(k))) continue;
      uint32_t j = k + 1, end = std::min<uint32_t>(k + 5, static_cast<uint32_t>(at_.tokens.size()));
      std::string head;
      while (j < end && at_.tokens[j].sentence == at_.tokens[k].sentence) {
        if (scanner_.is(j, kRoleHead) && at_.tokens[j].has(kLower)) {
          head = scanner_.folded(j);
          ++j;
          break;
        }
        if (!at_.tokens[j].has(kUpperInit) && !scanner_.is(j, kRoleWord)) break;
        ++j;
      }
      if (head.empty() || (j < at_.tokens.size() && at_.tokens[j].has(kUpperInit))) continue;
      // "the Kremlin spokesman": "Kremlin" stays the Kremlin's mention.
      uint32_t first = k + 1;
      while (first + 1 < j && overlaps_mention(at_.tokens[first].span)) ++first;
      Span s{at_.tokens[first].span.start, at_.tokens[j - 1].span.end};
      if (overlaps_mention(s)) continue;
      if (auto a = last_person_with_role(head, s.start)) added.push_back({*a, s});
    }
    out_.mentions.insert(out_.mentions.end(), added.begin(), added.end());
  }

  bool overlaps_mention(Span s) const {
    auto it = std::lower_bound(out_.mentions.begin(), out_.mentions.end(), s,
                               [](const Mention& m, const Span& x) { return m.span.end <= x.start; });
    return it != out_.mentions.end() && it->span.overlaps(s);
  }

  // (The actor of the last such mention, found through each fitting
  // person's own mentions: a description does not read every mention
  // before it.)
  std::optional<uint32_t> last_person_with_role(const std::string& head, uint32_t before) {
    auto [fit, fresh] = with_role_.try_emplace(head);
    if (fresh)
      for (uint32_t a = 0; a < out_.actors.size(); ++a) {
        const LocalActor& actor = out_.actors[a];
        if (actor.type != ActorType::Person) continue;
        if (std::any_of(actor.roles.begin(), actor.roles.end(),
                        [&](const std::string& r) { return text::fold(r).find(head) != std::string::npos; }))
          fit->second.push_back(a);
      }
    const auto& ms = out_.mentions;
    const uint32_t stop = static_cast<uint32_t>(
        std::lower_bound(ms.begin(), ms.end(), before, [](const Mention& m, uint32_t b) { return m.span.start < b; }) -
        ms.begin());
    int64_t last = -1;
    for (uint32_t a : fit->second) {
      const std::vector<uint32_t>& own = mentions_of_[a];
      auto it = std::lower_bound(own.begin(), own.end(), stop);
      if (it != own.begin()) last = std::max<int64_t>(last, *std::prev(it));
    }
    if (last < 0) return std::nullopt;
    return ms[static_cast<size_t>(last)].actor;
  }

  void finish() {
    auto& ms = out_.mentions;
    std::sort(ms.begin(), ms.end(), [](const Mention& x, const Mention& y) { return x.span < y.span; });
    std::vector<Mention> kept;
    for (const Mention& m : ms)
      if (kept.empty() || !kept.back().span.overlaps(m.span)) kept.push_back(m);
    ms = std::move(kept);
    // The mentions are sorted and apart: those inside a span are a run.
    for (auto [a, span] : affil_spans_) {
      auto it = std::lower_bound(ms.begin(), ms.end(), span.start,
                                 [](const Mention& m, uint32_t p) { return m.span.start < p; });
      for (; it != ms.end() && it->span.start <= span.end; ++it)
        if (span.contains(it->span) && it->actor != a) add_affiliation(a, it->actor);
    }
    for (auto& [a, country] : org_country_) {
      uint32_t gpe = by_name(fold_key(country), ActorType::Gpe);
      if (gpe != kNone && gpe != a) add_affiliation(a, gpe);
    }
    for (auto& a : out_.actors) {
      for (const auto& al : a.aliases)
        if (a.type == ActorType::Person && std::count(al.begin(), al.end(), ' ') > std::count(a.name.begin(), a.name.end(), ' '))
          a.name = al;
      a.key = remembered_actor_key(a.name, a.type);
      std::sort(a.affiliations.begin(), a.affiliations.end());
    }
    // Affiliations of an organisation pass on to its people (Peskov -> Kremlin -> Russia).
    for (auto& a : out_.actors) {
      if (a.type != ActorType::Person) continue;
      std::vector<uint32_t> extra;
      for (uint32_t o : a.affiliations)
        for (uint32_t c : out_.actors[o].affiliations) extra.push_back(c);
      a.affiliations.insert(a.affiliations.end(), extra.begin(), extra.end());
      std::sort(a.affiliations.begin(), a.affiliations.end());
      a.affiliations.erase(std::unique(a.affiliations.begin(), a.affiliations.end()), a.affiliations.end());
    }
  }

  void add_affiliation(uint32_t a, uint32_t b) {
    auto& v = out_.actors[a].affiliations;
    if (std::find(v.begin(), v.end(), b) == v.end()) v.push_back(b);
  }

  const AnnotatedText& at_;
  const ArticleScanner& scanner_;  // the folded tokens and what the lexicons say of them
  std::vector<Candidate> cands_;
  ActorExtraction out_;
  std::string key_;  // fold_key()'s buffer
  // Lookups only (never iterated), so hash maps: folded name -> actor.
  std::unordered_map<std::string, ByType> by_name_;
  std::unordered_map<std::string, uint32_t> by_alias_;
  std::unordered_map<std::string, uint32_t> surnames_;  // the first full name with the surname
  std::unordered_map<std::string, std::pair<std::string, ActorType>> acronyms_;  // folded acronym -> full name
  std::unordered_map<std::string, std::string> pending_;  // surname -> full name seen only inside an org name
  std::vector<std::pair<uint32_t, Span>> affil_spans_;
  std::vector<std::pair<uint32_t, std::string>> org_country_;
  std::vector<std::vector<uint32_t>> mentions_of_;  // actor -> its mentions (indices, in order), for descriptions
  std::unordered_map<std::string, std::vector<uint32_t>> with_role_;  // role head -> the persons whose roles hold it
};

}  // namespace

ActorExtraction find_actors(const AnnotatedText& at) { return find_actors(at, analyse_article(at)); }

ActorExtraction find_actors(const AnnotatedText& at, const Analysis& an) {
  ArticleScanner scanner(at, an);
  std::vector<Candidate> cands = scanner.scan();
  return Resolver(at, scanner, std::move(cands)).run();
}

}  // namespace eventloom
