#include "statements/lexicon.hpp"

#include <algorithm>

#include "util/lines.hpp"

namespace eventloom::statements {
namespace {

using Map = std::unordered_map<std::string_view, uint8_t, util::WordHash>;

// Each line "word [class]": the class, when the file has one, must be one of
// `classes` (value 1, 2, ...); a word alone has value 1 or, where classes
// are given, `bare`.
void load(std::string_view file, Map& out, std::initializer_list<std::string_view> classes = {}, uint8_t bare = 1) {
  out.max_load_factor(0.25f);  // few collisions: most lookups miss
  const size_t max_fields = classes.size() ? 2 : 1;
  util::read_data_file(file, {1, max_fields, false}, [&](const util::DataFields& f) -> const char* {
    uint8_t v = bare;
    if (f.size() > 1) {
      v = 0;
      uint8_t n = 1;
      for (std::string_view c : classes) {
        if (f[1] == c) v = n;
        ++n;
      }
      if (!v) return "unknown class";
    }
    out.emplace(f[0], v);
    return nullptr;
  });
}

}  // namespace

const Lexicon& Lexicon::get() {
  static const Lexicon lex;
  return lex;
}

Lexicon::Lexicon() {
  verbs_.max_load_factor(0.25f);
  for (const SayingForm& f : SayingVerbs::get().forms())
    if (f.cls != VerbClass::None) verbs_.emplace(f.form, static_cast<uint8_t>(f.cls));
  // The values are the enums' (PronounClass, Framing, NounCue, Gender), or,
  // for person nouns, Gender + 1 so that 0 stays "absent".
  load("statements/data/pronouns.txt", pronouns_, {"person", "group"});
  load("statements/data/determiners.txt", determiners_);
  load("statements/data/np_links.txt", links_, {"", "before"});
  load("statements/data/pre_verb_words.txt", pre_verb_);
  load("statements/data/stopwords.txt", stop_);
  load("statements/data/auxiliaries.txt", aux_);
  load("statements/data/light_verbs.txt", light_);
  load("statements/data/framing_verbs.txt", framing_, {"as", "against", "object"});
  load("statements/data/noun_cues.txt", nouns_, {"that", "to"});
  load("statements/data/person_nouns.txt", person_nouns_, {"", "f", "m"});
  load("statements/data/given_names_gender.txt", gender_, {"f", "m"});
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
