// Statements: direct and indirect quotes, speakers, dates, edge cases.
#include <catch2/catch.hpp>

#include <string>

#include "eventloom/statements.hpp"

using namespace eventloom;

namespace {

// A Document whose paragraphs are separated by blank lines.
Document make_doc(const std::string& text) {
  Document d;
  d.id = "t#1";
  d.text = text;
  size_t i = 0;
  while (i < text.size()) {
    size_t e = text.find("\n\n", i);
    if (e == std::string::npos) e = text.size();
    if (e > i) d.paragraphs.push_back({Span{static_cast<uint32_t>(i), static_cast<uint32_t>(e)}, ParagraphKind::Body});
    i = e + 2;
  }
  return d;
}

struct Run {
  Document doc;
  AnnotatedText at;
  ActorExtraction actors;
  std::vector<Timex> timexes;
  std::vector<LocalStatement> out;

  explicit Run(const std::string& text) : doc(make_doc(text)), at(analyze(doc)) {}

  // Every occurrence of `surface` becomes a mention of a new actor.
  uint32_t actor(const std::string& surface, ActorType type) {
    uint32_t id = static_cast<uint32_t>(actors.actors.size());
    LocalActor a;
    a.name = surface;
    a.type = type;
    actors.actors.push_back(a);
    mention(surface, id);
    return id;
  }
  void mention(const std::string& surface, uint32_t id) {
    const std::string& t = at.norm.str();
    for (size_t p = t.find(surface); p != std::string::npos; p = t.find(surface, p + 1))
      actors.mentions.push_back({id, Span{static_cast<uint32_t>(p), static_cast<uint32_t>(p + surface.size())}});
    std::sort(actors.mentions.begin(), actors.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.span < b.span; });
  }
  void timex(const std::string& surface, const std::string& value) {
    const std::string& t = at.norm.str();
    size_t p = t.find(surface);
    REQUIRE(p != std::string::npos);
    Timex x;
    x.span = {static_cast<uint32_t>(p), static_cast<uint32_t>(p + surface.size())};
    x.value = value;
    x.first_token = at.token_at(x.span.start);
    x.last_token = at.token_at(x.span.end);
    timexes.push_back(x);
  }
  const std::vector<LocalStatement>& find(std::optional<boost::gregorian::date> dct = std::nullopt) {
    StatementInput in{at, actors, timexes, dct};
    out = find_statements(in);
    return out;
  }
  std::string text(Span s) const { return std::string(at.norm.view(s)); }
  std::string speaker_words(const LocalStatement& s) const { return s.speaker_span ? text(*s.speaker_span) : ""; }
  size_t count(StatementKind k) const {
    return static_cast<size_t>(std::count_if(out.begin(), out.end(), [k](const LocalStatement& s) { return s.kind == k; }));
  }
  const LocalStatement* direct() const {
    for (const auto& s : out)
      if (s.kind == StatementKind::Direct) return &s;
    return nullptr;
  }
};

}  // namespace

TEST_CASE("direct quotes with the speaker around them", "[statements]") {
  struct Case {
    const char* text;
    const char* speaker;
    const char* content_start;
  };
  const Case cases[] = {
      {"\xE2\x80\x9CThe talks have failed and nobody is surprised,\xE2\x80\x9D Anna Berg said.", "Anna Berg", "The talks"},
      {"\"The talks have failed and nobody is surprised,\" said the harbour master.", "the harbour master", "The talks"},
      {"The mayor said: \"We will rebuild every bridge in the valley.\"", "The mayor", "We will"},
      {"Karl Ode, a fisherman from the north, said: \xC2\xAB" "We will not leave this coast at all.\xC2\xBB", "Karl Ode",
       "We will"},
      {"The minister wrote on Telegram: \"Our ships will sail again next spring.\"", "The minister", "Our ships"},
      {"\"Our ships will sail again next spring, whatever happens\" - Port Authority chief Lena Holm.",
       "Port Authority chief Lena Holm", "Our ships"},
      {"\"Nobody asked the farmers what they wanted here?\" Berg asked.", "Berg", "Nobody asked"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Run r(c.text);
    r.find();
    const LocalStatement* s = r.direct();
    REQUIRE(s != nullptr);
    CHECK(r.speaker_words(*s) == c.speaker);
    CHECK(r.text(s->content).rfind(c.content_start, 0) == 0);
  }
}

TEST_CASE("a pronoun speaker resolves to the last person who spoke", "[statements]") {
  Run r(
      "Anna Berg said the harbour would reopen.\n\n"
      "\"We have waited long enough for this decision,\" she said.");
  uint32_t anna = r.actor("Anna Berg", ActorType::Person);
  r.find();
  const LocalStatement* s = r.direct();
  REQUIRE(s != nullptr);
  CHECK(r.speaker_words(*s) == "she");
  REQUIRE(s->speaker);
  CHECK(*s->speaker == anna);
}

TEST_CASE("a pronoun with nobody to refer to stays unresolved", "[statements]") {
  Run r("\"We have waited long enough for this decision,\" she said.");
  r.find();
  const LocalStatement* s = r.direct();
  REQUIRE(s != nullptr);
  CHECK(!s->speaker);
  CHECK(r.speaker_words(*s) == "she");
}

TEST_CASE("speaker words resolve to the person among the actors named", "[statements]") {
  Run r("Harbour Board spokesman Ivo Lind said the port would stay closed.");
  r.actor("Harbour Board", ActorType::Org);
  uint32_t ivo = r.actor("Ivo Lind", ActorType::Person);
  r.find();
  REQUIRE(r.out.size() == 1);
  CHECK(r.out[0].kind == StatementKind::Indirect);
  REQUIRE(r.out[0].speaker);
  CHECK(*r.out[0].speaker == ivo);
  CHECK(r.text(r.out[0].content) == "the port would stay closed");
}

TEST_CASE("a quote interrupted by its attribution is one statement", "[statements]") {
  Run r("\"The water is rising fast,\" he said. \"We need more boats before the night comes.\"");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  std::string t = r.text(r.direct()->content);
  CHECK(t.find("water") != std::string::npos);
  CHECK(t.find("boats") != std::string::npos);
}

TEST_CASE("a quote across paragraphs is one statement", "[statements]") {
  Run r(
      "Anna Berg said: \"The first thing we did was count the boats in the harbour.\n\n"
      "\"Then we counted the people who were still missing.\"");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  std::string t = r.text(r.direct()->content);
  CHECK(t.find("count the boats") != std::string::npos);
  CHECK(t.find("still missing") != std::string::npos);
  CHECK(r.speaker_words(*r.direct()) == "Anna Berg");
}

TEST_CASE("a quote paragraph with no attribution continues the previous speaker", "[statements]") {
  Run r(
      "\"The water is rising fast and the dikes will not hold,\" Anna Berg said.\n\n"
      "\"We need more boats before the night comes, and we need them now.\"");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 2);
  for (const auto& s : r.out) CHECK(r.speaker_words(s) == "Anna Berg");
}

TEST_CASE("scare quotes and short titles are not statements", "[statements]") {
  Run r("The plan was called a \"bluff\" in the column. Readers loved \"Sea and Sky\" last year.");
  r.find();
  CHECK(r.out.empty());
}

TEST_CASE("an attributed partial quote is a mixed, direct statement", "[statements]") {
  Run r("The mayor said the plan was \"a complete bluff\" from the start.");
  r.find();
  REQUIRE(r.out.size() == 1);
  CHECK(r.out[0].kind == StatementKind::Direct);
  CHECK(r.text(r.out[0].content) == "the plan was \"a complete bluff\" from the start");
}

TEST_CASE("indirect statements and their content", "[statements]") {
  struct Case {
    const char* text;
    const char* speaker;
    const char* content;
  };
  const Case cases[] = {
      {"The Kremlin said on Thursday that no decision had been taken.", "The Kremlin", "no decision had been taken"},
      {"Foreign Minister Ola Sten told reporters that the border would stay open.", "Foreign Minister Ola Sten",
       "the border would stay open"},
      {"No decision had been taken, the Kremlin said on Thursday.", "the Kremlin", "No decision had been taken"},
      {"According to the coast guard, three boats were missing.", "the coast guard", "three boats were missing"},
      {"Three boats were missing, according to the coast guard.", "the coast guard", "Three boats were missing"},
      {"Western leaders, who deny any plan to invade, say that the drills are defensive.", "Western leaders",
       "the drills are defensive"},
      {"The union warned that the strike would spread to every port.", "The union",
       "the strike would spread to every port"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Run r(c.text);
    r.find();
    REQUIRE(!r.out.empty());
    const LocalStatement& s = r.out.back();
    CHECK(s.kind == StatementKind::Indirect);
    CHECK(r.speaker_words(s) == c.speaker);
    CHECK(r.text(s.content) == c.content);
  }
}

TEST_CASE("nouns that look like reporting verbs are not cues", "[statements]") {
  Run r("The report was published in the Washington Post. His remarks drew criticism from the United States.");
  r.find();
  CHECK(r.out.empty());
}

TEST_CASE("the date is the time expression of the verb, else the publication date", "[statements]") {
  boost::gregorian::date dct(2024, 11, 22);
  {
    Run r("The Kremlin said on Thursday that no decision had been taken.");
    r.timex("Thursday", "2024-11-21");
    r.find(dct);
    REQUIRE(r.out.size() == 1);
    CHECK(r.out[0].date == "2024-11-21");
    CHECK(!r.out[0].date_from_publication);
  }
  {
    Run r("The Kremlin said that no decision had been taken.");
    r.find(dct);
    REQUIRE(r.out.size() == 1);
    CHECK(r.out[0].date == "2024-11-22");
    CHECK(r.out[0].date_from_publication);
  }
  {
    Run r("The Kremlin said that no decision had been taken.");
    r.find();
    REQUIRE(r.out.size() == 1);
    CHECK(r.out[0].date.empty());
  }
}

TEST_CASE("mentions are the actors named in the content", "[statements]") {
  Run r("Anna Berg said that Norway and the Harbour Board had agreed.");
  uint32_t anna = r.actor("Anna Berg", ActorType::Person);
  uint32_t norway = r.actor("Norway", ActorType::Gpe);
  uint32_t board = r.actor("Harbour Board", ActorType::Org);
  r.find();
  REQUIRE(r.out.size() == 1);
  CHECK(r.out[0].speaker == anna);
  CHECK(r.out[0].mentions == std::vector<uint32_t>{norway, board});
}

TEST_CASE("unbalanced and missing quotation marks do not break extraction", "[statements][robustness]") {
  const char* texts[] = {
      "\"\"\"\" \" \" said said \" he said \"",
      "\xE2\x80\x9D stray closing mark, then words, Anna said.",
      "Anna said: \xE2\x80\x9CWe will go on and on and on without any closing mark",
      "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C nested opening marks that never close, he said",
      "",
      "said",
      "\" ,\" said .",
      "According to",
      "according to the",
  };
  for (const char* t : texts) {
    INFO(t);
    Run r(t);
    r.find();
    for (const auto& s : r.out) {
      CHECK(s.content.start <= s.content.end);
      CHECK(s.content.end <= r.at.norm.str().size());
    }
  }
}

TEST_CASE("a quote with no closing mark at the end of the file", "[statements][robustness]") {
  Run r("The talks went on.\n\nAnna Berg said: \"We will not give up the harbour, not now and not ever");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  CHECK(r.text(r.direct()->content).find("not ever") != std::string::npos);
  CHECK(r.speaker_words(*r.direct()) == "Anna Berg");
}

TEST_CASE("a 5,000-word quote is one statement", "[statements][robustness]") {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "the tide said it rises. ";
  Run r("Anna Berg said: \"" + body + "\"\n\nThe meeting ended.");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  CHECK(r.direct()->content.size() > 20000);
  CHECK(r.speaker_words(*r.direct()) == "Anna Berg");
}
