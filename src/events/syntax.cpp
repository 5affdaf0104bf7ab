// Arguments and modality of a trigger from its dependency tree (syntax.hpp).
#include "events/syntax.hpp"

#include <algorithm>
#include <unordered_map>

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
  Set party, agent, light, neg;
  Map aux, adv, mark, gov;
};

const Tables& tables() {
  static const Tables t = [] {
    Tables t;
    util::for_each_data_line(data::get("events/data/syntax.txt"), [&](const util::DataFields& f) {
      if (f.size() < 2) return;
      std::string_view k = f[0], w = f[1];
      if (f.size() == 2) {
        Set* s = k == "party" ? &t.party : k == "agent" ? &t.agent : k == "light" ? &t.light : k == "neg" ? &t.neg : nullptr;
        if (s) s->emplace(w, 1);
        return;
      }
      Modality m = f[2] == "future" ? Modality::Future : Modality::Hypothetical;
      Map* s = k == "aux" ? &t.aux : k == "adv" ? &t.adv : k == "mark" ? &t.mark : k == "gov" ? &t.gov : nullptr;
      if (s) s->emplace(w, m);
    });
    return t;
  }();
  return t;
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
    std::string_view s = at_.norm.view(a_.words[p_.first_word + w].span);
    if (s.size() > sizeof buf) return {};
    for (size_t i = 0; i < s.size(); ++i) buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? char(s[i] - 'A' + 'a') : s[i];
    return std::string_view(buf, s.size());
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
  Reader(const Tree& t, std::vector<uint32_t> words) : t_(t), p_(t.p()), tab_(tables()), words_(std::move(words)) {}

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
    return r;
  }

 private:
  const Tree& t_;
  const SentenceParse& p_;
  const Tables& tab_;
  std::vector<uint32_t> words_;
  uint32_t head_ = 0;

  bool mine(uint32_t w) const { return std::find(words_.begin(), words_.end(), w) != words_.end(); }

  // --- arguments -------------------------------------------------------------

  void add_arg(TreeReading& r, uint32_t w, ParticipantRole role) const {
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
    if (l == "he" || l == "she" || l == "him" || l == "her" || l == "his") a.pronoun = 1;
    if (l == "it" || l == "they" || l == "them" || l == "its" || l == "their") a.pronoun = 2;
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
    return kNone;
  }

  void read_args(TreeReading& r) const {
    bool have_source = false;
    for (uint32_t w : words_) {
      const bool noun = t_.is_noun(w);
      t_.each_child(w, [&](uint32_t c) {
        if (mine(c)) return;
        std::string_view rel = p_.relation(c);
        char b[32];
        if (rel == "nsubj" && !noun) {
          add_arg(r, c, ParticipantRole::Source), have_source = true;
        } else if (rel == "nsubj:pass" && !noun) {
          add_arg(r, c, ParticipantRole::Target);
        } else if (rel == "obl:agent") {
          add_arg(r, c, ParticipantRole::Source), have_source = true;
        } else if ((rel == "obj" || rel == "iobj") && !noun) {
          add_arg(r, c, ParticipantRole::Target);
        } else if (rel == "nmod:poss" && noun) {
          add_arg(r, c, ParticipantRole::Source), have_source = true;
        } else if ((rel == "compound" || rel == "amod") && noun && c < w) {
          add_arg(r, c, ParticipantRole::Source), have_source = true;  // "Russian strike", "US sanctions"
        } else if (rel == "obl" || rel == "nmod") {
          std::string_view cs = t_.case_of(c, b);
          if (tab_.agent.count(cs) && (noun || passive(w))) {
            add_arg(r, c, ParticipantRole::Source), have_source = true;
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
      uint32_t s = subject(head_, 0);
      if (s != kNone) add_arg(r, s, ParticipantRole::Source);
      return;
    }
    // A noun that a light verb ("launched an attack") or a verb of plan or wish
  // ("is considering a downgrading") takes as its object: that verb's subject.
    uint32_t h = p_.head[head_];
    char b[32];
    if (h != kNone && p_.relation(head_) == "obj" && (tab_.light.count(t_.lower(h, b)) || tab_.gov.count(t_.lower(h, b)))) {
      uint32_t s = subject(h, 0);
      if (s != kNone) add_arg(r, s, ParticipantRole::Source);
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
      const bool takes = rel == "xcomp" || rel == "obj" || rel == "obl" || rel == "nmod";
      char b[32];
      const std::string_view hw = t_.lower(h, b);
      bool governed = false;
      if (takes) {
        auto it = tab_.gov.find(hw);
        if (it != tab_.gov.end()) m = stronger(m, it->second), governed = true;
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

TreeReading read_tree(const AnnotatedText& at, const Analysis& a, uint32_t s, uint32_t first, uint32_t last) {
  const SentenceParse& p = a.parse(at, s);
  Tree tree(at, a, p);
  std::vector<uint32_t> words;
  for (uint32_t k = first; k < last && k < a.token_word.size(); ++k) {
    uint32_t w = a.token_word[k];
    if (w < p.first_word || w - p.first_word >= p.size()) continue;
    w -= p.first_word;
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  }
  TreeReading r = Reader(tree, std::move(words)).read();
  const Sentence& sn = at.sentences[s];
  for (uint32_t k = last; k < sn.last_token; ++k)
    if (at.word(k) == "?") r.question = true;
  return r;
}

}  // namespace eventloom::events
