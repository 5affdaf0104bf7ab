// Pass 1 of find_actors(): gazetteer phrases, capitalised runs and their
// cues, read sentence by sentence (see the top of find.cpp).
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
#include "actors/scan.hpp"
#include "eventloom/actors.hpp"
#include "eventloom/text.hpp"

namespace eventloom::actors {

// --- what the lexicons say of a word ---------------------------------------
//
// Every word list the scanner consults, and every gazetteer phrase with each
// of its word-aligned prefixes, in one open-addressing table built once per
// process from the (immutable) lexicon: one lookup of a folded token answers
// all the membership questions at once, without building a std::string.


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

std::string folded_copy(std::string_view s) {
  std::string out;
  fold_into(out, s);
  return out;
}

namespace {

bool is_admin_noun(std::string_view w) {
  return w == "administration" || w == "government" || w == "campaign" || w == "cabinet";
}

}  // namespace

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
    // "the Polish MP", "a Labour lawmaker": role words alone name a role,
    // not an actor. Titles ("the Pope", "the Queen") and organisation words
    // ("the Army") can stand for their holder, and stay.
    bool all_role = true;
    for (uint32_t k = m.first; k < m.last && all_role; ++k) all_role = is(k, kRoleHead) && !is(k, kTitle | kOrgWord);
    if (all_role) return;
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

Scan::Scan(const AnnotatedText& at, const Analysis& an) : s_(std::make_unique<ArticleScanner>(at, an)) {}
Scan::~Scan() = default;
std::vector<Candidate> Scan::scan() { return s_->scan(); }
std::string_view Scan::folded(uint32_t k) const { return s_->folded(k); }
bool Scan::is(uint32_t k, uint32_t bit) const { return s_->is(k, bit); }

}  // namespace eventloom::actors
