// Arguments and modality of a trigger from its dependency tree (syntax.hpp).
#include "events/syntax.hpp"

#include <algorithm>
#include <unordered_map>

#include "eventloom/text.hpp"
#include "events/lexicon.hpp"
#include "util/embedded.hpp"
#include "util/hash.hpp"
#include "util/lines.hpp"

namespace eventloom::events {

std::string_view to_string(Modality m) {
  switch (m) {
    case Modality::Asserted: return "asserted";
    case Modality::Future: return "future";
    case Modality::Hypothetical: return "hypothetical";
    case Modality::Negated: return "negated";
  }
  return "asserted";
}

namespace {

using Map = std::unordered_map<std::string_view, Modality, util::WordHash>;
using Set = std::unordered_map<std::string_view, uint8_t, util::WordHash>;

struct Tables {
  Set party, agent, light, neg, negative, positive, situation, user, venue, gov_xcomp, demand, doer, asks, wh, patient, joins;
  Map aux, adv, mark, gov;
  std::unordered_map<std::string_view, uint8_t, util::WordHash> frame;  // word -> CAMEO root
  // lemma -> the relations or prepositions of which it needs one
  std::unordered_map<std::string_view, std::vector<std::string_view>, util::WordHash> needs;
};

const Tables& tables() {
  static const Tables tabs = [] {
    Tables t;
    util::read_data_file("events/data/syntax.txt", {2, 8, false}, [&](const util::DataFields& f) -> const char* {
      std::string_view k = f[0], w = f[1];
      if (k == "needs") {
        if (f.size() < 3) return "needs: expected a lemma and the relations or prepositions it needs";
        for (size_t i = 2; i < f.size(); ++i) t.needs[w].push_back(f[i]);
        return nullptr;
      }
      if (k == "frame") {
        const uint8_t root = f.size() == 3 && f[2].size() == 2 ? events::cameo_root(f[2]) : kNoCameo;
        if (root > 20) return "frame: expected a word and a two-digit CAMEO root";
        t.frame.emplace(w, root);
        return nullptr;
      }
      Set* set = k == "party"      ? &t.party
                 : k == "agent"    ? &t.agent
                 : k == "light"    ? &t.light
                 : k == "neg"      ? &t.neg
                 : k == "negative" ? &t.negative
                 : k == "positive" ? &t.positive
                 : k == "situation" ? &t.situation
                 : k == "user"     ? &t.user
                 : k == "venue"    ? &t.venue
                 : k == "demand"   ? &t.demand
                 : k == "doer"     ? &t.doer
                 : k == "patient"  ? &t.patient
                 : k == "joins"    ? &t.joins
                 : k == "asks"     ? &t.asks
                 : k == "wh"       ? &t.wh
                                   : nullptr;
      if (set) {
        if (f.size() != 2) return "expected a kind and one word";
        set->emplace(w, 1);
        return nullptr;
      }
      Map* map = k == "aux" ? &t.aux : k == "adv" ? &t.adv : k == "mark" ? &t.mark : k == "gov" ? &t.gov : nullptr;
      if (!map) return "unknown kind of entry";
      if (f.size() < 3 || f.size() > 4 || (f.size() == 4 && (k != "gov" || f[3] != "xcomp")))
        return "expected a kind, a word, future or hypothetical (and xcomp after gov)";
      if (f[2] != "future" && f[2] != "hypothetical") return "expected future or hypothetical";
      if (f.size() == 4) t.gov_xcomp.emplace(w, 1);
      map->emplace(w, f[2] == "future" ? Modality::Future : Modality::Hypothetical);
      return nullptr;
    });
    return t;
  }();
  return tabs;
}

constexpr uint32_t kNone = SentenceParse::kNone;

// Negated outranks hypothetical, which outranks future.
Modality stronger(Modality a, Modality b) {
  auto rank = [](Modality m) {
    return m == Modality::Negated ? 3 : m == Modality::Hypothetical ? 2 : m == Modality::Future ? 1 : 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

class Tree {
 public:
  Tree(const AnnotatedText& at, const Analysis& a, const SentenceParse& p) : at_(at), a_(a), p_(p) {}

  uint32_t token(uint32_t w) const { return a_.words[p_.first_word + w].token; }
  std::string_view upos_of(uint32_t w) const { return upos(a_.words[p_.first_word + w].tag); }
  std::string_view xpos_of(uint32_t w) const { return xpos(a_.words[p_.first_word + w].tag); }
  // The word in lower case (empty when too long to matter).
  std::string_view lower(uint32_t w, char (&buf)[32]) const {
    return text::lower_ascii(at_.norm.view(a_.words[p_.first_word + w].span), buf).value_or(std::string_view());
  }
  template <typename F>
  void each_child(uint32_t w, F&& f) const {
    for (uint32_t k = p_.child_begin[w]; k < p_.child_begin[w + 1]; ++k) f(p_.children[k]);
  }
  // The word of a preposition or other case marker on w, lower case.
  std::string_view case_of(uint32_t w, char (&buf)[32]) const {
    uint32_t c = p_.child(w, "case");
    return c == kNone ? std::string_view() : lower(c, buf);
  }
  bool is_noun(uint32_t w) const {
    std::string_view u = upos_of(w);
    return u == "NOUN" || u == "PROPN";
  }
  const SentenceParse& p() const { return p_; }

 private:
  const AnnotatedText& at_;
  const Analysis& a_;
  const SentenceParse& p_;
};

class Reader {
 public:
  Reader(const Tree& t, std::vector<uint32_t> words, std::string_view lemma)
      : t_(t), p_(t.p()), tab_(tables()), words_(std::move(words)), lemma_(lemma) {}

  TreeReading read() {
    TreeReading r;
    if (words_.empty()) return r;
    head_ = words_[0];
    for (uint32_t w : words_)
      if (p_.head[w] == kNone || !mine(p_.head[w])) {
        head_ = w;
        break;
      }
    r.found = true;
    r.noun = t_.is_noun(head_);
    r.head_token = t_.token(head_);
    r.modality = modality();
    read_args(r);
    const uint32_t h = p_.head[head_];
    char b[32];
    r.light = r.noun && h != kNone && (p_.is(head_, "obj") || p_.relation(head_) == "nsubj:pass") &&
              tab_.light.count(t_.lower(h, b));
    r.frame_missing = !has_needed();
    r.attributive = !r.noun && p_.is(head_, "amod") && t_.upos_of(head_) != "NOUN";
    r.question = in_indirect_question();
    return r;
  }

  // The trigger hangs, a few steps up, on a verb of asking followed by a
  // question word ("asked what X could do to Y", "wondered whether Y would
  // attack"): what is asked is no event.
  bool in_indirect_question() const {
    uint32_t x = head_;
    for (int step = 0; step < 5; ++step) {
      const uint32_t h = p_.head[x];
      if (h == kNone) return false;
      char b[32], c[32];
      if (h < head_ && h + 1 < p_.size() && tab_.asks.count(t_.lower(h, b)) && tab_.wh.count(t_.lower(h + 1, c)))
        return true;
      x = h;
    }
    return false;
  }

  // Whether the head has one of the dependents its pattern needs.
  bool has_needed() const {
    auto it = tab_.needs.find(lemma_);
    if (it == tab_.needs.end()) return true;
    // One of the alternatives; "obj+xcomp" needs both.
    const auto has = [&](std::string_view n) {
      bool ok = false;
      t_.each_child(head_, [&](uint32_t c) {
        char b[32];
        std::string_view cs = t_.case_of(c, b);
        if (cs.empty() && p_.child(c, "mark") != kNone) cs = t_.lower(p_.child(c, "mark"), b);
        if (p_.is(c, n) || cs == n) ok = true;
      });
      return ok;
    };
    for (std::string_view alt : it->second) {
      bool all = true;
      for (size_t i = 0; i <= alt.size() && all;) {
        size_t e = alt.find('+', i);
        if (e == std::string_view::npos) e = alt.size();
        all = has(alt.substr(i, e - i));
        i = e + 1;
      }
      if (all) return true;
    }
    return false;
  }

 private:
  const Tree& t_;
  const SentenceParse& p_;
  const Tables& tab_;
  std::vector<uint32_t> words_;
  std::string_view lemma_;
  uint32_t head_ = 0;

  bool mine(uint32_t w) const { return std::find(words_.begin(), words_.end(), w) != words_.end(); }

  // --- arguments -------------------------------------------------------------

  void add_arg(TreeReading& r, uint32_t w, ParticipantRole role, bool modifier = false) const {
    char b[32];
    std::string_view l = t_.lower(w, b);
    // A relative pronoun stands for the noun its clause modifies.
    if ((l == "who" || l == "which" || l == "that") && p_.head[w] != kNone) {
      uint32_t clause = p_.head[w];
      if (p_.is(clause, "acl") && p_.head[clause] != kNone) w = p_.head[clause];
      else return;
    }
    l = t_.lower(w, b);
    TreeArg a;
    a.role = role;
    a.modifier = modifier;
    if (l == "he" || l == "she" || l == "him" || l == "her" || l == "his") a.pronoun = 1;
    if (l == "it" || l == "they" || l == "them" || l == "its" || l == "their") a.pronoun = 2;
    a.demonstrative = (l == "this" || l == "that") && p_.child_begin[w] == p_.child_begin[w + 1];
    a.tokens.push_back(t_.token(w));
    // The words of its name and of its owner, nearest first, two levels down.
    uint32_t level[2] = {w, kNone};
    for (int depth = 0; depth < 2; ++depth) {
      uint32_t x = level[depth];
      if (x == kNone) break;
      for (std::string_view rel : {"flat", "compound", "appos", "nmod:poss", "amod", "nmod"}) {
        t_.each_child(x, [&](uint32_t c) {
          if (p_.relation(c) != rel) return;
          if (rel == "nmod") {
            char cb[32];
            if (t_.case_of(c, cb) != "of") return;
          }
          a.tokens.push_back(t_.token(c));
          if (depth == 0 && level[1] == kNone && (rel == "nmod" || rel == "appos")) level[1] = c;
        });
      }
    }
    r.args.push_back(std::move(a));
    // "X and Y": each conjunct has the same role.
    t_.each_child(w, [&](uint32_t c) {
      if (p_.relation(c) == "conj" && t_.is_noun(c)) {
        TreeArg b2;
        b2.role = role;
        b2.tokens.push_back(t_.token(c));
        t_.each_child(c, [&](uint32_t d) {
          std::string_view rel = p_.relation(d);
          if (rel == "flat" || rel == "compound" || rel == "nmod:poss" || rel == "amod") b2.tokens.push_back(t_.token(d));
        });
        r.args.push_back(std::move(b2));
      }
    });
  }

  bool passive(uint32_t w) const { return p_.child(w, "aux:pass") != kNone || p_.child(w, "nsubj:pass") != kNone; }

  // The subject of verb v, or the one it takes from the clause it hangs on.
  uint32_t subject(uint32_t v, int depth) const {
    uint32_t s = kNone;
    t_.each_child(v, [&](uint32_t c) {
      if (s == kNone && p_.relation(c) == "nsubj") s = c;
    });
    if (s != kNone || depth > 2 || p_.head[v] == kNone) return s;
    const uint32_t h = p_.head[v];
    std::string_view rel = p_.relation(v);
    if (rel == "xcomp") {  // "urged X to withdraw": X; "plans to attack": the planner
      uint32_t o = p_.child(h, "obj");
      if (o == kNone) o = p_.child(h, "iobj");
      return o != kNone ? o : subject(h, depth + 1);
    }
    if (rel == "conj" || rel == "advcl") return subject(h, depth + 1);
    if (rel == "acl" && t_.xpos_of(v) == "VBG") return h;  // "forces occupying X"
    if (rel == "acl" && p_.child(v, "mark") != kNone) {
      // "Russia's attempt to seize X", "Ghana's plans to arrest X".
      uint32_t o = p_.child(h, "nmod:poss");
      return o != kNone ? o : p_.child(h, "nsubj");
    }
    return kNone;
  }

  // "X's use of Y missiles": a trigger that is the "of" object of a noun of
  // using (data/syntax.txt "user") whose possessor is named; else kNone.
  uint32_t user() const {
    const uint32_t h = p_.head[head_];
    char b[32], c[32];
    if (h == kNone || !p_.is(head_, "nmod") || !tab_.user.count(t_.lower(h, c))) return kNone;
    const std::string_view cs = t_.case_of(head_, b);
    if (cs != "of" && !cs.empty()) return kNone;  // "of" may hang on a name before ("use of US and UK missiles")
    return p_.child(h, "nmod:poss");
  }

  void read_args(TreeReading& r) const {
    bool have_source = false;
    // The user of a weapon is the doer; the names on the weapon ("US
    // missiles") tell where it was made.
    const uint32_t by = t_.is_noun(head_) ? user() : kNone;
    if (by != kNone) add_arg(r, by, ParticipantRole::Source), have_source = true;
    for (uint32_t w : words_) {
      const bool noun = t_.is_noun(w);
      // "Crimea's annexation": the possessor is what was annexed, unless
      // "of X" names that ("Russia's annexation of Crimea").
      char pb[32];
      bool patient = noun && tab_.patient.count(t_.lower(w, pb));
      if (patient)
        t_.each_child(w, [&](uint32_t c) {
          char cb[32];
          if (p_.is(c, "nmod") && t_.case_of(c, cb) == "of") patient = false;
        });
      t_.each_child(w, [&](uint32_t c) {
        if (mine(c)) return;
        std::string_view rel = p_.relation(c);
        char b[32];
        if (char sb[32]; rel == "nsubj" && !noun && tab_.situation.count(t_.lower(c, sb))) {
          add_arg(r, c, ParticipantRole::Target);  // "the Gaza conflict escalated": Gaza suffers it, no doer named
          have_source = true;
        } else if (rel == "nsubj" && !noun) {
          add_arg(r, c, ParticipantRole::Source), have_source = true;
        } else if (rel == "nsubj:pass" && !noun) {
          add_arg(r, c, ParticipantRole::Target);
        } else if (rel == "obl:agent") {
          add_arg(r, c, ParticipantRole::Source), have_source = true;
        } else if ((rel == "obj" || rel == "iobj") && !noun) {
          add_arg(r, c, ParticipantRole::Target);
        } else if (rel == "nmod:poss" && patient) {
          add_arg(r, c, ParticipantRole::Target);  // "Crimea's annexation": what was annexed
        } else if (rel == "nmod:poss" && noun) {
          add_arg(r, c, ParticipantRole::Source), have_source = true;
        } else if (rel == "compound" && patient && c < w) {
          add_arg(r, c, ParticipantRole::Target);  // "the Khashoggi murder", "the Crimea annexation"
        } else if ((rel == "compound" || rel == "amod") && noun && c < w && by == kNone) {
          add_arg(r, c, ParticipantRole::Source, true), have_source = true;  // "Russian strike", "US sanctions"
        } else if (rel == "obl" || rel == "nmod") {
          std::string_view cs = t_.case_of(c, b);
          if ((tab_.agent.count(cs) && (noun || passive(w))) || (patient && tab_.joins.count(cs))) {
            add_arg(r, c, ParticipantRole::Source), have_source = true;
          } else if (char nb[32]; noun && cs == "of" && tab_.doer.count(t_.lower(w, nb))) {
            add_arg(r, c, ParticipantRole::Source), have_source = true;  // "the collapse of X": X collapsed
          } else if (tab_.party.count(cs) || (noun && cs == "of")) {
            add_arg(r, c, ParticipantRole::Target);
          } else if (noun && cs == "between") {  // "talks between X and Y"
            const size_t before = r.args.size();
            add_arg(r, c, ParticipantRole::Source);
            have_source = true;
            for (size_t i = before + 1; i < r.args.size(); ++i) r.args[i].role = ParticipantRole::Target;
          }
        }
      });
    }
    if (have_source) return;
    if (!r.noun) {
      // A passive participle's clause ("when asked about X, Peskov said")
      // borrows its head's subject as its target: who acted is not said.
      const bool borrowed_passive = t_.xpos_of(head_) == "VBN" && p_.is(head_, "advcl") &&
                                    p_.child(head_, "aux") == kNone && p_.child(head_, "nsubj") == kNone;
      uint32_t s = subject(head_, 0);
      if (s != kNone) add_arg(r, s, borrowed_passive ? ParticipantRole::Target : ParticipantRole::Source);
      return;
    }
    // A noun that a light verb ("launched an attack") or a verb of plan or wish
  // ("is considering a downgrading") takes as its object: that verb's subject.
    uint32_t h = p_.head[head_];
    char b[32];
    if (h != kNone && p_.relation(head_) == "obj" && (tab_.light.count(t_.lower(h, b)) || tab_.gov.count(t_.lower(h, b)))) {
      uint32_t s = subject(h, 0);
      if (s != kNone) add_arg(r, s, ParticipantRole::Source);
    } else if (char cb[32]; h != kNone && p_.relation(head_) == "obl" && t_.upos_of(h) == "VERB" &&
                            tab_.venue.count(t_.case_of(head_, cb))) {
      // "At a news conference with X, Y said ...": the clause's subject
      // attended it (the caller keeps it only for such acts).
      uint32_t s = subject(h, 0);
      const size_t before = r.args.size();
      if (s != kNone) add_arg(r, s, ParticipantRole::Source);
      for (size_t i = before; i < r.args.size(); ++i) r.args[i].host = true;
    }
  }

  // --- modality --------------------------------------------------------------

  // What w's own dependents say.
  Modality own(uint32_t w) const {
    Modality m = Modality::Asserted;
    t_.each_child(w, [&](uint32_t c) {
      std::string_view rel = p_.relation(c);
      char b[32];
      std::string_view l = t_.lower(c, b);
      if ((rel == "advmod" || rel == "det" || rel == "neg") && tab_.neg.count(l)) m = stronger(m, Modality::Negated);
      if (rel == "aux") {
        auto it = tab_.aux.find(l);
        if (it != tab_.aux.end()) m = stronger(m, it->second);
      }
      if (rel == "mark") {
        auto it = tab_.mark.find(l);
        if (it != tab_.mark.end()) m = stronger(m, it->second);
      }
      if (rel == "advmod" || rel == "amod") {
        auto it = tab_.adv.find(l);
        if (it != tab_.adv.end()) m = stronger(m, it->second);
      }
    });
    return m;
  }

  Modality modality() const {
    Modality m = Modality::Asserted;
    for (uint32_t w : words_) m = stronger(m, own(w));
    // Up the words the trigger hangs on, within its clause and those that
    // govern it as a wish, plan or possibility.
    uint32_t x = head_;
    for (int step = 0; step < 4; ++step) {
      const uint32_t h = p_.head[x];
      if (h == kNone) break;
      std::string_view rel = p_.relation(x);
      const bool takes = rel == "xcomp" || rel == "obj" || rel == "obl" || rel == "nmod" || rel == "acl";
      char b[32];
      const std::string_view hw = t_.lower(h, b);
      bool governed = false;
      if (takes) {
        auto it = tab_.gov.find(hw);
        if (it != tab_.gov.end() && (rel == "xcomp" || !tab_.gov_xcomp.count(hw)))
          m = stronger(m, it->second), governed = true;
      }
      // Up through a control verb, a conjunct, a light verb or a word of
      // wish or plan; a reported clause keeps its own modality ("said that
      // X attacked Y"), and "NATO condemned the attack" says nothing of the
      // attack's.
      const bool up_ok = rel == "xcomp" || rel == "conj" || governed ||
                         (rel == "obj" && tab_.light.count(hw));
      if (rel == "ccomp" || !up_ok) break;
      Modality up = own(h);
      if (rel == "conj" && up == Modality::Negated) break;  // "did not attack X but seized Y"
      m = stronger(m, up);
      x = h;
    }
    return m;
  }
};

}  // namespace

TreeReading read_tree(const AnnotatedText& at, const Analysis& a, uint32_t s, uint32_t first, uint32_t last,
                      std::string_view lemma) {
  const SentenceParse& p = a.parse(at, s);
  Tree tree(at, a, p);
  std::vector<uint32_t> words;
  for (uint32_t k = first; k < last && k < a.token_word.size(); ++k) {
    uint32_t w = a.token_word[k];
    if (w < p.first_word || w - p.first_word >= p.size()) continue;
    w -= p.first_word;
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  }
  TreeReading r = Reader(tree, std::move(words), lemma).read();
  const Sentence& sn = at.sentences[s];
  for (uint32_t k = last; k < sn.last_token; ++k)
    if (at.word(k) == "?") r.question = true;
  return r;
}

namespace {

// Whether a word of sentence s (a tree node's word, lower case, as
// Tree::lower reads it) is a "negative" or "positive" one.
bool judged_word_in(const AnnotatedText& at, const Analysis& a, uint32_t s, const Tables& tab) {
  if (s + 1 >= a.sentence_words.size()) return true;  // let parse() decide, as before
  for (uint32_t w = a.sentence_words[s]; w < a.sentence_words[s + 1]; ++w) {
    char b[32];
    auto l = text::lower_ascii(at.norm.view(a.words[w].span), b);
    if (l && (tab.negative.count(*l) || tab.positive.count(*l))) return true;
  }
  return false;
}

}  // namespace

bool is_demand_word(std::string_view lower) { return tables().demand.count(lower) != 0; }

uint8_t characterising_code(const AnnotatedText& at, const Analysis& a, uint32_t s, uint32_t tok) {
  const Tables& tab = tables();
  if (tok >= a.token_word.size()) return 0;
  char lb[32];
  auto w0 = text::lower_ascii(at.word(tok), lb);
  if (!w0) return 0;
  auto code = tab.frame.find(*w0);
  if (code == tab.frame.end()) return 0;
  // The predicate is judged by its words alone: a sentence with no
  // "negative" or "positive" word gives 0 whatever its tree, and is not
  // parsed for it (most "called", "described" of business news).
  if (!judged_word_in(at, a, s, tab)) return 0;
  const SentenceParse& p = a.parse(at, s);
  Tree tree(at, a, p);
  uint32_t v = a.token_word[tok];
  if (v < p.first_word || v - p.first_word >= p.size()) return 0;
  v -= p.first_word;
  if (p.child(v, "obj") == kNone) return 0;
  // The predicate: "an escalatory step" (xcomp or a second object), "as a land-grab".
  bool negative = false, positive = false;
  auto judge = [&](uint32_t x) {
    char b[32];
    const auto weigh = [&](std::string_view w) {
      negative = negative || tab.negative.count(w);
      positive = positive || tab.positive.count(w);
    };
    weigh(tree.lower(x, b));
    tree.each_child(x, [&](uint32_t c) {
      std::string_view rel = p.relation(c);
      if (rel == "amod" || rel == "compound") weigh(tree.lower(c, b));
    });
  };
  bool first_obj = true;
  tree.each_child(v, [&](uint32_t c) {
    char b[32];
    if (p.is(c, "xcomp") || p.is(c, "obl:unmarked")) judge(c);  // "a breakthrough" read as an oblique
    if (p.is(c, "obj")) {
      if (!first_obj) judge(c);
      first_obj = false;
    }
    if ((p.is(c, "obl") || p.is(c, "advcl")) && tree.case_of(c, b) == "as") judge(c);
  });
  // Praise ("called the deal a historic breakthrough") is 05 (051 PRAISE OR ENDORSE).
  return negative ? code->second : positive ? uint8_t{5} : uint8_t{0};
}

}  // namespace eventloom::events
