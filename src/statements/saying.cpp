#include "statements/saying.hpp"

#include "eventloom/cameo.hpp"
#include "util/embedded.hpp"
#include "util/lines.hpp"

namespace eventloom::statements {
namespace {

bool parse_class(std::string_view s, VerbClass& out) {
  if (s == "say") out = VerbClass::Say;
  else if (s == "tell") out = VerbClass::Tell;
  else if (s == "weak") out = VerbClass::Weak;
  else if (s == "think") out = VerbClass::Think;
  else if (s == "-") out = VerbClass::None;
  else return false;
  return true;
}

bool lower_word(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
  return true;
}

}  // namespace

const SayingVerbs& SayingVerbs::get() {
  static constexpr std::string_view kFile = "statements/data/saying_verbs.txt";
  static const SayingVerbs table(kFile, data::get(kFile));
  return table;
}

SayingVerbs::SayingVerbs(std::string_view file, std::string_view text) {
  util::read_data_text(file, text, {3, 64, false}, [&](const util::DataFields& f) -> const char* {
    SayingVerb v;
    v.lemma = f[0];
    if (!lower_word(v.lemma)) return "the lemma is not a lower-case word";
    VerbClass cls;
    if (!parse_class(f[1], cls)) return "the class is none of say, tell, weak, think, -";
    std::string_view code = f[2];
    v.cameo = code.size() == 2 ? cameo_root(code) : kNoCameo;
    if (v.cameo == kNoCameo) return "bad CAMEO code";
    if (v.cameo < 1 || v.cameo > 20) return "the CAMEO root is not 01-20";
    verbs_.push_back(v);
    for (size_t i = 3; i < f.size(); ++i) {
      SayingForm sf;
      sf.lemma = v.lemma;
      sf.cls = cls;
      std::string_view w = f[i];
      if (!w.empty() && w.back() == '*') {
        sf.names_speaker = true;
        w.remove_suffix(1);
      }
      if (size_t colon = w.find(':'); colon != std::string_view::npos) {
        if (!parse_class(w.substr(colon + 1), sf.cls)) return "a form's class is none of say, tell, weak, think, -";
        w = w.substr(0, colon);
      }
      if (!lower_word(w)) return "a form is not a lower-case word";
      sf.form = w;
      forms_.push_back(sf);
    }
    return nullptr;
  });
}

}  // namespace eventloom::statements
