// Loading of the actors stage's data files into one read-only Lexicon.
#include "actors/lexicon.hpp"

#include <algorithm>

#include "eventloom/text.hpp"
#include "statements/saying.hpp"
#include "util/lines.hpp"

namespace eventloom::actors {
namespace {

// Calls f(line) for each line of a data file that is neither blank nor a
// comment; util::read_data_file() refuses a file that is absent or empty, or
// a line with a control character.
template <typename F>
void for_lines(std::string_view file, F f) {
  util::read_data_file(file, {1, 1, true}, [&](const util::DataFields& line) -> const char* {
    f(line[0]);
    return nullptr;
  });
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t e = s.find(sep, i);
    if (e == std::string_view::npos) e = s.size();
    std::string_view part = text::trim(s.substr(i, e - i));
    out.push_back(part);
    if (e >= s.size()) break;
    i = e + 1;
  }
  return out;
}

uint32_t count_tokens(const std::string& key) {
  return static_cast<uint32_t>(std::count(key.begin(), key.end(), ' ') + 1);
}

class Builder {
 public:
  explicit Builder(Lexicon& lx) : lx_(lx) {}

  void add(std::string_view phrase, GazKind kind, std::string_view canonical, std::string_view country) {
    std::string key = phrase_key(phrase);
    if (key.empty() || lx_.phrases.count(key)) return;  // first definition wins
    lx_.entries.push_back({std::string(canonical), kind, std::string(country)});
    lx_.phrases.emplace(key, static_cast<uint32_t>(lx_.entries.size() - 1));
    lx_.max_phrase_tokens = std::max(lx_.max_phrase_tokens, count_tokens(key));
  }

  void countries() {
    // The hand list first: its canonical names and capitals take precedence.
    for_lines("actors/data/countries_extra.txt", [&](std::string_view line) {
      auto f = split(line, '|');
      std::string_view canon = f[0];
      add_country(canon, canon);
      if (f.size() > 1) for (auto a : split(f[1], ';')) add_country(a, canon);
      if (f.size() > 2) for (auto d : split(f[2], ';')) add(d, GazKind::Demonym, canon, canon);
      if (f.size() > 3) {
        // Variants of one capital ("Kyiv;Kiev") share the first as canonical.
        auto caps = split(f[3], ';');
        for (auto c : caps) add(c, GazKind::Capital, caps[0], canon);
      }
    });
    for_lines("actors/data/countries.txt", [&](std::string_view line) {
      auto f = split(line, '|');
      add_country(f[0], f[0]);
      if (f.size() > 1) for (auto a : split(f[1], ';')) add_country(a, f[0]);
    });
  }

  void orgs() {
    for_lines("actors/data/orgs.txt", [&](std::string_view line) {
      auto f = split(line, '|');
      if (f.size() < 3) return;
      std::string_view country = f.size() > 3 ? f[3] : std::string_view();
      add(f[1], GazKind::Org, f[1], country);
      for (auto a : split(f[2], ';')) add(a, GazKind::Org, f[1], country);
    });
    // Name[|Country]: the country must be one the lists above define.
    util::read_data_file("actors/data/places.txt", {1, 1, true}, [&](const util::DataFields& line) -> const char* {
      auto f = split(line[0], '|');
      if (f.size() > 2 || f[0].empty()) return "expected Name or Name|Country";
      std::string_view country = f.size() > 1 ? f[1] : std::string_view();
      if (!country.empty() && !lx_.country_of_name.count(text::fold(country))) return "unknown country";
      add(f[0], GazKind::Place, f[0], "");  // no affiliation: the country is where it lies
      if (!country.empty()) lx_.place_country.emplace(phrase_key(f[0]), std::string(country));
      return nullptr;
    });
    for_lines("actors/data/not_actors.txt", [&](std::string_view line) { add(line, GazKind::NotActor, line, ""); });
  }

 private:
  void add_country(std::string_view alias, std::string_view canon) {
    if (alias.empty()) return;
    add(alias, GazKind::Country, canon, canon);
    lx_.country_of_name.emplace(text::fold(alias), std::string(canon));
  }
  Lexicon& lx_;
};

void load_words(std::string_view file, std::unordered_set<std::string>& out) {
  for_lines(file, [&](std::string_view line) { out.insert(text::fold(line)); });
}

void load_roles(Lexicon& lx) {
  auto add_words = [&](std::string_view line) {
    std::string f = text::fold(line);
    for (auto w : split(f, ' '))
      if (!w.empty() && w != "of" && w != "the" && w != "and" && w != "to") lx.role_words.emplace(w);
    return f;
  };
  for_lines("actors/data/roles.txt", [&](std::string_view line) { lx.role_heads.insert(add_words(line)); });
  for_lines("actors/data/titles.txt", [&](std::string_view line) { lx.titles.insert(add_words(line)); });
}

void load_given(Lexicon& lx) {
  for_lines("actors/data/given_names.txt", [&](std::string_view line) {
    auto forms = split(line, '=');
    std::string canon = text::fold(forms[0]);
    for (auto f : forms) lx.given.emplace(text::fold(f), canon);
  });
}

Lexicon build() {
  Lexicon lx;
  Builder b(lx);
  b.countries();
  b.orgs();
  load_roles(lx);
  for (const statements::SayingForm& f : statements::SayingVerbs::get().forms())
    if (f.names_speaker) lx.say_verbs.insert(text::fold(f.form));
  load_words("actors/data/nonname_words.txt", lx.nonname);
  load_words("actors/data/org_words.txt", lx.org_words);
  load_words("actors/data/legal_suffixes.txt", lx.legal_suffixes);
  load_words("actors/data/event_words.txt", lx.event_words);
  load_words("actors/data/place_words.txt", lx.place_words);
  load_words("actors/data/thing_nouns.txt", lx.thing_nouns);
  load_words("actors/data/demonym_nouns.txt", lx.demonym_nouns);
  load_words("actors/data/holder_heads.txt", lx.holder_heads);
  load_given(lx);
  return lx;
}

}  // namespace

std::string phrase_key(std::string_view phrase) {
  std::string f = text::fold(phrase);
  std::string out;
  out.reserve(f.size() + 4);
  for (size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    bool possessive = c == '\'' && i + 1 < f.size() && f[i + 1] == 's' && (i + 2 == f.size() || f[i + 2] == ' ');
    if (possessive && !out.empty() && out.back() != ' ') out.push_back(' ');
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const Lexicon& lexicon() {
  static const Lexicon lx = build();
  return lx;
}

}  // namespace eventloom::actors
