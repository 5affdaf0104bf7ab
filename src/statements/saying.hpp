// The verbs of saying (src/statements/data/saying_verbs.txt), the one table
// that the statements stage (reporting cues), the actors stage (a name before
// a verb of saying acts) and the events stage (a statement's CAMEO type) read.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace eventloom::statements {

// What a verb form cues in the statements stage (see saying_verbs.txt).
enum class VerbClass : uint8_t { None, Say, Tell, Weak, Think };

struct SayingForm {
  std::string_view form;   // lower case, a view into the embedded table
  std::string_view lemma;
  VerbClass cls = VerbClass::None;
  bool names_speaker = false;  // "Peskov said": the name before it acts
};

struct SayingVerb {
  std::string_view lemma;
  uint8_t cameo = 1;  // the CAMEO root of a statement made with it
};

class SayingVerbs {
 public:
  static const SayingVerbs& get();  // the embedded table
  // A table read from `text` (as `file` for the messages); throws
  // util::DataError at a malformed line.
  SayingVerbs(std::string_view file, std::string_view text);
  const std::vector<SayingForm>& forms() const { return forms_; }
  const std::vector<SayingVerb>& verbs() const { return verbs_; }

 private:
  std::vector<SayingForm> forms_;
  std::vector<SayingVerb> verbs_;
};

}  // namespace eventloom::statements
