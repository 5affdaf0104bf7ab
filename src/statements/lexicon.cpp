#include "statements/lexicon.hpp"

#include <algorithm>

#include "util/embedded.hpp"
#include "util/lines.hpp"

namespace eventloom::statements {
namespace {

// Each line "word [class]"; `classify` maps the class word to a value.
template <typename Classify>
void load(std::string_view file, std::unordered_map<std::string_view, uint8_t, util::WordHash>& out, Classify classify) {
  out.max_load_factor(0.25f);  // few collisions: most lookups miss
  util::for_each_data_line(data::get(file), [&](const util::DataFields& f) {
    out.emplace(f[0], classify(f.size() > 1 ? f[1] : std::string_view()));
  });
}

uint8_t one(std::string_view) { return 1; }

}  // namespace

const Lexicon& Lexicon::get() {
  static const Lexicon lex;
  return lex;
}

Lexicon::Lexicon() {
  load("statements/data/reporting_verbs.txt", verbs_, [](std::string_view c) {
    VerbClass v = c == "tell"    ? VerbClass::Tell
                  : c == "weak"  ? VerbClass::Weak
                  : c == "think" ? VerbClass::Think
                                 : VerbClass::Say;
    return static_cast<uint8_t>(v);
  });
  load("statements/data/pronouns.txt", pronouns_, [](std::string_view c) {
    return static_cast<uint8_t>(c == "person" ? PronounClass::Person : PronounClass::Group);
  });
  load("statements/data/determiners.txt", determiners_, one);
  load("statements/data/np_links.txt", links_,
       [](std::string_view c) { return static_cast<uint8_t>(c == "before" ? 2 : 1); });
  load("statements/data/pre_verb_words.txt", pre_verb_, one);
  load("statements/data/stopwords.txt", stop_, one);
  load("statements/data/auxiliaries.txt", aux_, one);
  load("statements/data/light_verbs.txt", light_, one);
  load("statements/data/framing_verbs.txt", framing_, [](std::string_view c) {
    Framing f = c == "as" ? Framing::As : c == "against" ? Framing::Against : Framing::Object;
    return static_cast<uint8_t>(f);
  });
  load("statements/data/noun_cues.txt", nouns_, [](std::string_view c) {
    return static_cast<uint8_t>(c == "to" ? NounCue::To : NounCue::That);
  });
  load("statements/data/person_nouns.txt", person_nouns_, [](std::string_view c) {
    // 1: no gender; 2: female; 3: male (Gender + 1, so that 0 stays "absent").
    return static_cast<uint8_t>(c == "f" ? 2 : c == "m" ? 3 : 1);
  });
  load("statements/data/given_names_gender.txt", gender_, [](std::string_view c) {
    return static_cast<uint8_t>(c == "f" ? Gender::Female : Gender::Male);
  });
}

uint8_t Lexicon::find(const Map& m, std::string_view w) {
  char buf[32];
  if (w.empty() || w.size() > sizeof buf) return 0;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  auto it = m.find(std::string_view(buf, w.size()));
  return it == m.end() ? 0 : it->second;
}

bool Lexicon::has(const Map& m, std::string_view w) { return find(m, w) != 0; }

VerbClass Lexicon::verb(std::string_view w) const {
  uint8_t v = find(verbs_, w);
  return v ? static_cast<VerbClass>(v) : VerbClass::None;
}

Gender Lexicon::pronoun_gender(std::string_view w) {
  if (w == "she" || w == "She" || w == "her" || w == "Her") return Gender::Female;
  if (w == "he" || w == "He" || w == "him" || w == "Him" || w == "his" || w == "His") return Gender::Male;
  return Gender::Unknown;
}

PronounClass Lexicon::pronoun(std::string_view w) const {
  uint8_t v = find(pronouns_, w);
  return v ? static_cast<PronounClass>(v) : PronounClass::None;
}

}  // namespace eventloom::statements
