// Actors: recognition, roles, coreference, alias keys and cross-article merging.
#include <catch2/catch.hpp>

#include <algorithm>

#include "eventloom/actors.hpp"

using namespace eventloom;

namespace {

struct Found {
  AnnotatedText at;
  ActorExtraction ex;
  explicit Found(std::string_view text) : at(analyze_text(text)), ex(find_actors(at)) {}

  const LocalActor* by_alias(std::string_view alias) const {
    for (const auto& a : ex.actors)
      if (a.name == alias || std::find(a.aliases.begin(), a.aliases.end(), alias) != a.aliases.end()) return &a;
    return nullptr;
  }
  int index(const LocalActor* a) const { return a ? static_cast<int>(a - ex.actors.data()) : -1; }
  size_t mentions_of(const LocalActor* a) const {
    return static_cast<size_t>(std::count_if(ex.mentions.begin(), ex.mentions.end(),
                                             [&](const Mention& m) { return static_cast<int>(m.actor) == index(a); }));
  }
  bool mentioned(std::string_view surface) const {
    return std::any_of(ex.mentions.begin(), ex.mentions.end(),
                       [&](const Mention& m) { return at.norm.view(m.span) == surface; });
  }
};

LocalActor person(std::string name, std::vector<std::string> roles = {}) {
  LocalActor a;
  a.name = name;
  a.type = ActorType::Person;
  a.aliases = {name};
  a.roles = std::move(roles);
  a.key = actor_key(a.name, a.type);
  return a;
}

}  // namespace

TEST_CASE("actor types from gazetteers and cues") {
  struct Case {
    const char* text;
    const char* name;
    ActorType type;
  };
  const Case cases[] = {
      {"Kremlin spokesman Dmitry Peskov said no decision had been taken.", "Dmitry Peskov", ActorType::Person},
      {"Kremlin spokesman Dmitry Peskov said no decision had been taken.", "Kremlin", ActorType::Org},
      {"The deal was signed by Poland and NATO on Friday.", "NATO", ActorType::Org},
      {"The deal was signed by Poland and NATO on Friday.", "Poland", ActorType::Gpe},
      {"Officials in the Russian Federation denied it.", "Russia", ActorType::Gpe},
      {"Ties with Türkiye improved, the minister said.", "Turkey", ActorType::Gpe},
      {"He studied at the Kyiv School of Economics for years.", "Kyiv School of Economics", ActorType::Org},
      {"Maksym Zhorin, deputy commander of the Third Assault Brigade, said so.", "Third Assault Brigade", ActorType::Org},
      {"The aid was approved by the Trump administration last week.", "Trump administration", ActorType::Org},
      {"Russian Deputy Foreign Minister Sergei Ryabkov told the Izvestia newspaper that talks were over.", "Izvestia", ActorType::Org},
  };
  for (const auto& c : cases) {
    INFO(c.text << " / " << c.name);
    Found f(c.text);
    const LocalActor* a = f.by_alias(c.name);
    REQUIRE(a);
    CHECK(a->type == c.type);
  }
}

TEST_CASE("not actors") {
  struct Case {
    const char* text;
    const char* surface;
  };
  const Case cases[] = {
      {"On Thursday the talks resumed in March.", "Thursday"},
      {"On Thursday the talks resumed in March.", "March"},
      {"However, the talks resumed.", "However"},
      {"Russia fired an Oreshnik missile at Dnipro.", "Oreshnik"},
      {"Ukraine asked for more F-16 jets and Starlink terminals.", "F-16"},
      {"Ukraine asked for more F-16 jets and Starlink terminals.", "Starlink"},
      {"A vendor waits for customers in Kramatorsk. (AFP)", "AFP"},
      {"Smoke rises over the city. (Reuters)", "Reuters"},
      {"Ukrainians worried while Western leaders met.", "Ukrainians"},
      {"Ukrainians worried while Western leaders met.", "Western"},
  };
  for (const auto& c : cases) {
    INFO(c.text << " / " << c.surface);
    Found f(c.text);
    CHECK_FALSE(f.mentioned(c.surface));
  }
}

TEST_CASE("told Reuters is an organisation") {
  Found f("The minister told Reuters that the plan had failed.");
  const LocalActor* a = f.by_alias("Reuters");
  REQUIRE(a);
  CHECK(a->type == ActorType::Org);
}

TEST_CASE("an age is not part of a name") {
  Found f("\"We are tired,\" said Olena Chiupika, 38, a manager in Kyiv.");
  const LocalActor* a = f.by_alias("Olena Chiupika");
  REQUIRE(a);
  CHECK(a->type == ActorType::Person);
  REQUIRE_FALSE(a->roles.empty());
  CHECK(a->roles[0] == "manager in Kyiv");
  CHECK_FALSE(f.mentioned("38"));
}

TEST_CASE("roles and affiliations") {
  Found f("Kremlin spokesman Dmitry Peskov said Russia would respond. "
          "\"We will see,\" said Maksym Zhorin, deputy commander of the Third Assault Brigade. "
          "\"It is a gesture,\" said Geoffrey Roberts, a historian at University College Cork.");
  const LocalActor* peskov = f.by_alias("Dmitry Peskov");
  REQUIRE(peskov);
  CHECK(peskov->roles == std::vector<std::string>{"Kremlin spokesman"});
  const LocalActor* kremlin = f.by_alias("Kremlin");
  const LocalActor* russia = f.by_alias("Russia");
  REQUIRE(kremlin);
  REQUIRE(russia);
  auto& aff = peskov->affiliations;
  CHECK(std::count(aff.begin(), aff.end(), static_cast<uint32_t>(f.index(kremlin))) == 1);
  CHECK(std::count(aff.begin(), aff.end(), static_cast<uint32_t>(f.index(russia))) == 1);

  const LocalActor* zhorin = f.by_alias("Maksym Zhorin");
  REQUIRE(zhorin);
  CHECK(zhorin->roles == std::vector<std::string>{"deputy commander of the Third Assault Brigade"});
  const LocalActor* brigade = f.by_alias("Third Assault Brigade");
  REQUIRE(brigade);
  CHECK(std::count(zhorin->affiliations.begin(), zhorin->affiliations.end(),
                   static_cast<uint32_t>(f.index(brigade))) == 1);

  const LocalActor* roberts = f.by_alias("Geoffrey Roberts");
  REQUIRE(roberts);
  CHECK(roberts->roles == std::vector<std::string>{"historian at University College Cork"});

  Found g("Russian Deputy Foreign Minister Sergei Ryabkov told reporters the talks were over.");
  const LocalActor* ryabkov = g.by_alias("Sergei Ryabkov");
  REQUIRE(ryabkov);
  CHECK(ryabkov->roles == std::vector<std::string>{"Russian Deputy Foreign Minister"});
}

TEST_CASE("coreference within an article") {
  Found f("Kremlin spokesman Dmitry Peskov said talks were possible. "
          "Peskov added that no date was set. The Kremlin spokesman declined to say more.");
  const LocalActor* peskov = f.by_alias("Dmitry Peskov");
  REQUIRE(peskov);
  CHECK(f.by_alias("Peskov") == peskov);
  CHECK(f.mentions_of(peskov) == 3);

  Found g("Putin spoke first. President Vladimir Putin then said the war would go on. "
          "The Russian president did not take questions.");
  const LocalActor* putin = g.by_alias("Vladimir Putin");
  REQUIRE(putin);
  CHECK(g.by_alias("Putin") == putin);
  CHECK(putin->name == "Vladimir Putin");
  CHECK(g.mentions_of(putin) == 3);
}

TEST_CASE("capitals: government or place") {
  Found f("Moscow could sever ties with the US, and the Kremlin said Washington had ignored warnings. "
          "Russia has embassies in Washington. A drone struck a building in Kyiv.");
  const LocalActor* russia = f.by_alias("Russia");
  REQUIRE(russia);
  CHECK(f.by_alias("Moscow") == russia);
  const LocalActor* us = f.by_alias("US");
  REQUIRE(us);
  CHECK(us->type == ActorType::Gpe);
  // "Washington had ignored" is the government; "in Washington" a place.
  int washington_as_us = 0, washington_place = 0;
  for (const auto& m : f.ex.mentions) {
    if (f.at.norm.view(m.span) != "Washington") continue;
    (static_cast<int>(m.actor) == f.index(us) ? washington_as_us : washington_place)++;
  }
  CHECK(washington_as_us == 1);
  CHECK(washington_place == 1);
  const LocalActor* kyiv = f.by_alias("Kyiv");
  REQUIRE(kyiv);
  CHECK(kyiv->type == ActorType::Loc);

  Found g("Kiev has for months been pushing the plan, and the Kiev regime got more arms.");
  const LocalActor* ukraine = g.by_alias("Kiev");
  REQUIRE(ukraine);
  CHECK(ukraine->name == "Ukraine");
  CHECK(g.by_alias("Kiev regime") == ukraine);
}

TEST_CASE("headline capitals only confirm names from the body") {
  Found f("RUSSIA WARNS US OVER TALKS. Moscow said the talks had failed, Ryabkov told reporters.");
  CHECK_FALSE(f.mentioned("TALKS"));
  CHECK_FALSE(f.mentioned("WARNS"));
}

TEST_CASE("alias keys survive transliteration") {
  struct Case {
    const char* a;
    const char* b;
    ActorType type;
  };
  const Case same[] = {
      {"Zelensky", "Zelenskiy", ActorType::Person},
      {"Zelenskyy", "Zelensky", ActorType::Person},
      {"Volodymyr Zelensky", "Vladimir Zelenskiy", ActorType::Person},
      {"Sergei Ryabkov", "Sergey Ryabkov", ActorType::Person},
      {"Jan Lipavský", "Jan Lipavsky", ActorType::Person},
      {"Kyiv", "Kiev", ActorType::Loc},
      {"Türkiye", "Turkey", ActorType::Gpe},
      {"Russian Federation", "Russia", ActorType::Gpe},
      {"the Kremlin", "Kremlin", ActorType::Org},
      {"Joe Biden administration", "Biden administration", ActorType::Org},
  };
  for (const auto& c : same) {
    INFO(c.a << " / " << c.b);
    CHECK(actor_key(c.a, c.type) == actor_key(c.b, c.type));
  }
  CHECK(actor_key("Joe Biden", ActorType::Person) != actor_key("Hunter Biden", ActorType::Person));
  CHECK(actor_key("", ActorType::Person).empty());
}

TEST_CASE("cross-article clusters") {
  LocalActor trump_full = person("Donald Trump", {"US President"});
  LocalActor trump = person("Trump");
  LocalActor zel1 = person("Volodymyr Zelenskiy"), zel2 = person("Vladimir Zelensky"), zel3 = person("Zelenskyy");
  LocalActor joe = person("Joe Biden"), hunter = person("Hunter Biden"), biden = person("Biden");
  std::vector<const LocalActor*> in = {&trump, &zel1, &joe, &trump_full, &zel3, &hunter, &zel2, &biden};
  auto c = cluster_actors(in);
  CHECK(c[0] == c[3]);  // Trump joins the only full-name Trump
  CHECK(c[1] == c[6]);
  CHECK(c[1] == c[4]);
  CHECK(c[2] != c[5]);  // two Bidens with different given names never merge
  CHECK(c[7] != c[2]);  // and a bare "Biden" is ambiguous between them
  CHECK(c[7] != c[5]);

  // The same set in another order gives the same partition and numbers.
  std::vector<const LocalActor*> rev(in.rbegin(), in.rend());
  auto r = cluster_actors(rev);
  for (size_t i = 0; i < in.size(); ++i) CHECK(c[i] == r[in.size() - 1 - i]);

  // A conflicting role keeps a surname apart.
  LocalActor smith_pm = person("John Smith", {"prime minister"});
  LocalActor smith_coach = person("Smith", {"coach"});
  auto s = cluster_actors({&smith_pm, &smith_coach});
  CHECK(s[0] != s[1]);
}

TEST_CASE("odd input does not break recognition") {
  for (const char* t : {"", " ", "\xff\xfe", "A", "The The The", "Mr.", "99999999999999999999999 Putin said",
                        "Kremlin spokesman", "the the president", "U.S. U.S. U.S."}) {
    Found f(t);
    for (size_t i = 1; i < f.ex.mentions.size(); ++i)
      CHECK_FALSE(f.ex.mentions[i - 1].span.overlaps(f.ex.mentions[i].span));
  }
}
