// Statements: direct and indirect quotes, speakers, dates, edge cases.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "actors/lexicon.hpp"
#include "eventloom/analyse.hpp"
#include "eventloom/statements.hpp"
#include "events/lexicon.hpp"
#include "statements/lexicon.hpp"
#include "statements/saying.hpp"
#include "test_support.hpp"
#include "time/lexicon.hpp"
#include "util/embedded.hpp"
#include "util/lines.hpp"

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

TEST_CASE("indirect statements without a standard reporting verb", "[statements]") {
  struct Case {
    const char* text;
    const char* speaker;
    const char* content;
  };
  const Case cases[] = {
      // framing verbs: the object is the content when the particle is there
      {"Governor Ilse Mark presents the flood as part of a wider failure of the dikes, which she says were neglected.",
       "Governor Ilse Mark", "the flood as part of a wider failure of the dikes"},
      {"The farmers have cast the new canal as a land grab by the city.", "The farmers",
       "the new canal as a land grab by the city"},
      {"The council has repeatedly criticized the harbour fees as unfair and has blocked every new permit.",
       "The council", "the harbour fees as unfair"},
      {"Mayor Jon Aas has cautioned the board against further cuts to the ferry budget.", "Mayor Jon Aas",
       "the board against further cuts to the ferry budget"},
      {"The captain also expressed his full support for the rescue crews on the island.", "The captain",
       "his full support for the rescue crews on the island"},
      // weak verbs with a clause but no "that"
      {"The coast guard confirmed the boat was a fishing vessel from the north.", "The coast guard",
       "the boat was a fishing vessel from the north"},
      {"Berg has closed the port, suggested Norway could send more boats, and called a meeting.", "Berg",
       "Norway could send more boats"},
      // reporting nouns
      {"After the storm, the ministry sent signals that it saw the damage as a national emergency.", "the ministry",
       "it saw the damage as a national emergency"},
      {"Some fishermen have expressed frustration that the city had done too little to repair the pier.",
       "Some fishermen", "the city had done too little to repair the pier"},
      {"Analysts doubt Lind's repeated pledges to rebuild every bridge in the valley.", "Lind",
       "to rebuild every bridge in the valley"},
      // a relative "who said" ends at its comma; a second "that" is not the first
      {"Remarks by Ola Sten, who said the bridge was unsafe and that the ferry would stop, have worried the town.",
       "Ola Sten", "the bridge was unsafe and that the ferry would stop"},
      // a relative "that" after the clause has begun is not the complementizer
      {"Anna Berg, 38, a teacher, said the town had already found money that had once seemed out of reach.",
       "Anna Berg", "the town had already found money that had once seemed out of reach"},
      // participles of a preceding cue
      {"\"We will not close the school this winter, whatever the council decides,\" Berg stated, signaling that "
       "the teachers would stay.",
       "Berg", "the teachers would stay"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Run r(c.text);
    r.find();
    const LocalStatement* found = nullptr;
    for (const auto& s : r.out)
      if (r.text(s.content) == c.content) found = &s;
    REQUIRE(found != nullptr);
    CHECK(r.speaker_words(*found) == c.speaker);
  }
}

TEST_CASE("weak verbs with an object and no clause are not statements", "[statements]") {
  const char* texts[] = {
      "The ministry confirmed the meeting on Tuesday.",
      "The mayor denied the charges in court.",
      "Her mental state is fragile, the doctors say nothing.",
      "The claim that was rejected in court came from the harbour board.",
  };
  for (const char* t : texts) {
    INFO(t);
    Run r(t);
    r.find();
    for (const auto& s : r.out) CHECK(r.text(s.content).find("meeting") == std::string::npos);
    for (const auto& s : r.out) CHECK(r.text(s.content).find("charges") == std::string::npos);
    for (const auto& s : r.out) CHECK(r.speaker_words(s) != "Her mental");
    for (const auto& s : r.out) CHECK(r.text(s.content).rfind("was rejected", 0) != 0);
  }
}

TEST_CASE("a reported clause before a quotation after a colon is two statements", "[statements]") {
  Run r("He added that the harbour should stay open despite the storm: \"Our town lives from the sea. We cannot close.\"");
  r.find();
  REQUIRE(r.out.size() == 2);
  CHECK(r.out[0].kind == StatementKind::Indirect);
  CHECK(r.text(r.out[0].content) == "the harbour should stay open despite the storm");
  CHECK(r.out[1].kind == StatementKind::Direct);
  CHECK(r.text(r.out[1].content).rfind("Our town", 0) == 0);
  CHECK(r.speaker_words(r.out[1]) == "He");
}

TEST_CASE("a clause that opens with its quotation reports the quotation", "[statements]") {
  Run r("Mayor Jon Aas kept up the pressure on Friday, blaming \"the careless decisions of the harbour board\" for "
        "the closure of the pier.");
  r.find();
  const LocalStatement* s = r.direct();
  REQUIRE(s != nullptr);
  CHECK(r.text(s->content) == "the careless decisions of the harbour board");
  CHECK(r.speaker_words(*s) == "Mayor Jon Aas");
}

TEST_CASE("an opening mark the text layer left unpaired starts the quotation", "[statements]") {
  Run r("There was also a plan to close the offices \"in that part of town, and people were warned of the danger,\xE2\x80\x9D "
        "said council member Ivo Lind.");
  r.find();
  const LocalStatement* s = r.direct();
  REQUIRE(s != nullptr);
  CHECK(r.text(s->content).rfind("in that part of town", 0) == 0);
  CHECK(r.speaker_words(*s) == "council member Ivo Lind");
}

TEST_CASE("speakers named around the cue", "[statements]") {
  struct Case {
    const char* text;
    const char* speaker;
  };
  const Case cases[] = {
      // the source quoted, not the outlet that quotes it
      {"The local radio, quoting harbour master Ivo Lind, said the pier had collapsed overnight.",
       "harbour master Ivo Lind"},
      // a participle after a name
      {"The video shows Anna Berg saying, \"We will rebuild the pier before the summer comes.\"", "Anna Berg"},
      // "saying" after a time word: the subject of the sentence
      {"Berg posted a message early Friday saying that the pier would reopen next month.", "Berg"},
      // the innermost strong cue wins the quotation
      {"When Lind noted that the pier had no permit, Berg replied, \"That makes it a free pier, then.\"", "Berg"},
      // a weak verb inside the reported clause does not take it
      {"Ola Sten said the storms and floods demands that everyone \"listens more and talks less\" this year.",
       "Ola Sten"},
      // a modifier before the name of an inverted speaker
      {"\"The pier is the heart of the town and always will be,\" retired harbour master Ivo Lind said.",
       "harbour master Ivo Lind"},
      // "The Post" and "the ruling" are speakers, not verbs
      {"The Post reported that the pier would stay closed until the spring.", "The Post"},
      {"\"A town cannot close its pier for a whole year without a vote,\" said the ruling.", "the ruling"},
      // writing that speaks, and a remark before a colon
      {"\"We see schools in every harbour town offering children a better future,\" the letter reads.", "the letter"},
      {"During the debate, a neighbour commented: \"For you, the pier is the only reason to vote.\"", "a neighbour"},
      // a relative clause before the verb: its subject speaks, not the words after the verb
      {"Mayor Anna Berg, who met the fishermen on Tuesday, said any new fee would \"ruin the harbour\" for good.",
       "Mayor Anna Berg"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Run r(c.text);
    r.find();
    bool found = false;
    for (const auto& s : r.out) found = found || r.speaker_words(s) == c.speaker;
    CHECK(found);
  }
}

TEST_CASE("a quotation takes the speaker of the sentence before", "[statements]") {
  {  // a cue that closes the sentence before, in the same paragraph
    Run r("The board may wait until the spring, Ivo Lind said. \"The other question is who pays for the repairs.\"");
    uint32_t ivo = r.actor("Ivo Lind", ActorType::Person);
    r.find();
    const LocalStatement* s = r.direct();
    REQUIRE(s != nullptr);
    CHECK(s->speaker == ivo);
  }
  {  // a named person who is the subject of the sentence before
    Run r("On Friday, Mayor Anna Berg (Lib.) identified the storms as the main reason for the closure. \"The young "
          "people are tired of waiting for a pier that never opens.\"");
    uint32_t anna = r.actor("Anna Berg", ActorType::Person);
    r.find();
    const LocalStatement* s = r.direct();
    REQUIRE(s != nullptr);
    CHECK(s->speaker == anna);
  }
  {  // "Berg made the following comment:" after an adverbial
    Run r("On July 6, 2015, Berg made the following comment:\n\n\"The pier is older than the town and will outlive it.\"");
    uint32_t anna = r.actor("Berg", ActorType::Person);
    r.find();
    const LocalStatement* s = r.direct();
    REQUIRE(s != nullptr);
    CHECK(s->speaker == anna);
  }
}

TEST_CASE("groups and descriptions resolve to the right actor or to nobody", "[statements]") {
  {
    Run r("Three members of the Harbour Board confirmed that the Friday session was called off.");
    r.actor("Harbour Board", ActorType::Org);
    r.find();
    REQUIRE(r.out.size() == 1);
    CHECK(!r.out[0].speaker);
  }
  {
    Run r("Norway and Sweden have cast the new canal as a threat to the fishing grounds.");
    r.actor("Norway", ActorType::Gpe);
    r.actor("Sweden", ActorType::Gpe);
    r.find();
    REQUIRE(r.out.size() == 1);
    CHECK(r.speaker_words(r.out[0]) == "Norway and Sweden");
    CHECK(!r.out[0].speaker);
  }
  {
    Run r("The Northern Harbour Directorate said the pier was closed. Test dives were made in May, the directorate said.");
    uint32_t dir = r.actor("Northern Harbour Directorate", ActorType::Org);
    r.find();
    REQUIRE(r.out.size() == 2);
    CHECK(r.out[1].speaker == dir);
  }
  {
    Run r("Anna Berg said the pier was closed. The diplomat said that the talks would go on.");
    uint32_t anna = r.actor("Anna Berg", ActorType::Person);
    r.find();
    REQUIRE(r.out.size() == 2);
    CHECK(r.out[1].speaker == anna);
  }
  {  // "it" in the sentence of its named subject
    Run r("The Harbour Board on Friday condemned the blockade and pledged to act against what it called \"a clear "
          "threat to the whole coast of the north.\"");
    uint32_t board = r.actor("Harbour Board", ActorType::Org);
    r.actor("Norway", ActorType::Gpe);
    r.find();
    const LocalStatement* s = r.direct();
    REQUIRE(s != nullptr);
    CHECK(s->speaker == board);
  }
}

TEST_CASE("a pronoun skips a speaker of the other gender", "[statements]") {
  Run r(
      "Olena Berg said the harbour would reopen. Ivan Lind said the ferry would wait.\n\n"
      "\"We have waited long enough for this decision,\" she said.\n\n"
      "\"The boats are ready to sail in the morning,\" he said.");
  uint32_t olena = r.actor("Olena Berg", ActorType::Person);
  uint32_t ivan = r.actor("Ivan Lind", ActorType::Person);
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 2);
  std::vector<const LocalStatement*> direct;
  for (const auto& s : r.out)
    if (s.kind == StatementKind::Direct) direct.push_back(&s);
  CHECK(direct[0]->speaker == olena);
  CHECK(direct[1]->speaker == ivan);
}

TEST_CASE("an attribution inside its sentence reports the whole sentence", "[statements]") {
  const char* texts[] = {
      "The latest talks in Oslo, according to Anna Berg, were the first of a series of meetings.",
      "The latest talks in Oslo, Anna Berg said, were the first of a series of meetings.",
  };
  for (const char* t : texts) {
    INFO(t);
    Run r(t);
    r.find();
    REQUIRE(r.out.size() == 1);
    CHECK(r.text(r.out[0].content).find("first of a series") != std::string::npos);
    CHECK(r.speaker_words(r.out[0]) == "Anna Berg");
  }
}

TEST_CASE("an introductory phrase is not reported content", "[statements]") {
  Run r("In a statement on Friday, the coast guard said it had found the missing boat.");
  r.find();
  REQUIRE(r.out.size() == 1);
  CHECK(r.text(r.out[0].content) == "it had found the missing boat");
  CHECK(r.speaker_words(r.out[0]) == "the coast guard");
}

TEST_CASE("a title in an adverbial is not the content of a cue", "[statements]") {
  Run r("In an interview on \"Sea Talk,\" Mayor Anna Berg said the pier would reopen.");
  r.find();
  REQUIRE(r.out.size() == 1);
  CHECK(r.text(r.out[0].content) == "the pier would reopen");
}

// ---- reported speech by class of verb, split quotes, pronouns, commentary --

namespace {

// A Run whose statements see the article's tags and trees too.
struct ParsedRun : Run {
  Analysis analysis;
  explicit ParsedRun(const std::string& text) : Run(text), analysis(analyse_article(at)) {}
  const std::vector<LocalStatement>& find() {
    StatementInput in{at, actors, timexes, std::nullopt, &analysis};
    out = find_statements(in);
    return out;
  }
  const LocalStatement* with_speaker(const std::string& words) const {
    for (const auto& s : out)
      if (speaker_words(s) == words) return &s;
    return nullptr;
  }
};

}  // namespace

TEST_CASE("every class of verb of saying gives a statement with its subject as speaker", "[statements]") {
  struct Case {
    const char* cls;
    const char* text;
    const char* speaker;
    const char* content_has;
    bool direct;
  };
  const Case cases[] = {
      {"say", "Mayor Ilse Brandt said the old bridge would reopen in May.", "Mayor Ilse Brandt",
       "the old bridge would reopen in May", false},
      {"tell", "The harbour master told reporters that the ferry would run again on Monday.", "The harbour master",
       "the ferry would run again", false},
      {"weak + that", "The fisheries ministry confirmed that two trawlers had been seized near the reef.",
       "The fisheries ministry", "two trawlers had been seized", false},
      {"weak + quotation", "Rasmus Olafsson urged the farmers to \"stay calm and keep every gate shut.\"",
       "Rasmus Olafsson", "stay calm", true},
      {"think + that", "Ivo Lind believes that the new tariff will hurt the small bakeries.", "Ivo Lind",
       "the new tariff will hurt", false},
      {"describe ... as", "Councillor Petra Holm described the housing plan as a gift to the developers.",
       "Councillor Petra Holm", "a gift to the developers", false},
      {"call ... a", "Councillor Petra Holm called the housing plan \"a gift to the developers.\"",
       "Councillor Petra Holm", "a gift to the developers", true},
      {"according to", "The new dam will be finished next year, according to the water board.", "the water board",
       "The new dam will be finished", false},
      {"deny", "The shipyard denied that it had dumped oil into the bay last winter.", "The shipyard",
       "it had dumped oil", false},
      {"accuse ... of", "Olga Tamm accused the council of \"wasting every spare coin on statues.\"", "Olga Tamm",
       "wasting every spare coin", true},
      {"liken ... to", "Jorun Vik likened the new road toll to \"a slow leak in every household budget.\"", "Jorun Vik",
       "a slow leak", true},
      {"warn", "The coast guard warned that the ice on the northern lakes was too thin to cross.", "The coast guard",
       "the ice on the northern lakes", false},
  };
  for (const Case& c : cases) {
    INFO(c.cls << ": " << c.text);
    Run r(c.text);
    r.find();
    const LocalStatement* found = nullptr;
    for (const auto& s : r.out)
      if (r.speaker_words(s) == c.speaker) found = &s;
    REQUIRE(found != nullptr);
    CHECK(r.text(found->content).find(c.content_has) != std::string::npos);
    CHECK((found->kind == StatementKind::Direct) == c.direct);
  }
}

TEST_CASE("a quotation split around its attribution and an adverbial is one statement", "[statements]") {
  Run r("\"The river is rising,\" Kaja Stenberg said, pointing at the gauges, \"and the dykes will not hold for "
        "long.\"");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  std::string t = r.text(r.direct()->content);
  CHECK(t.find("river is rising") != std::string::npos);
  CHECK(t.find("dykes will not hold") != std::string::npos);
  CHECK(r.speaker_words(*r.direct()) == "Kaja Stenberg");
}

TEST_CASE("\"A,\" X said, adding that \"B\" reports twice", "[statements]") {
  Run r("\"The river is rising fast,\" Kaja Stenberg said, adding that \"the dykes will not hold for long.\"");
  r.find();
  CHECK(r.count(StatementKind::Direct) == 2);
}

TEST_CASE("a time expression after the verb is not the reported clause", "[statements]") {
  Run r("\"The tolls are a tax on the poor and a gift to the rich,\" Tove Aune told the Evening Post this week.");
  r.timex("this week", "2024-W10");
  r.find();
  REQUIRE(r.out.size() == 1);
  CHECK(r.out[0].kind == StatementKind::Direct);
  CHECK(r.speaker_words(r.out[0]) == "Tove Aune");
}

TEST_CASE("pronoun and description speakers resolve to the actor named before", "[statements]") {
  {
    Run r("Fisheries Minister Lars Eide visited the harbour on Monday.\n\n"
          "\"We will not close the fishing grounds this year,\" the minister said.");
    uint32_t lars = r.actor("Lars Eide", ActorType::Person);
    r.actors.actors[lars].roles.push_back("Fisheries Minister");
    r.find();
    const LocalStatement* s = r.direct();
    REQUIRE(s != nullptr);
    CHECK(r.speaker_words(*s) == "the minister");
    CHECK(s->speaker == lars);
  }
  {
    Run r("Dagny Moe said the ferry fares would rise in spring.\n\n"
          "She added that students would keep their discount.");
    uint32_t dagny = r.actor("Dagny Moe", ActorType::Person);
    r.find();
    REQUIRE(r.out.size() == 2);
    CHECK(r.speaker_words(r.out[1]) == "She");
    CHECK(r.out[1].speaker == dagny);
  }
}

TEST_CASE("a short quotation in the object of an actor's verb is the actor's statement", "[statements][parse]") {
  {
    ParsedRun r("Senator Mira Kallas greeted the harbour budget as \"pure theatre\" on Tuesday.");
    uint32_t mira = r.actor("Mira Kallas", ActorType::Person);
    r.find();
    const LocalStatement* s = r.direct();
    REQUIRE(s != nullptr);
    CHECK(s->speaker == mira);
    CHECK(r.text(s->content).find("pure theatre") != std::string::npos);
  }
  {  // no actor for a subject: a scare quote stays a scare quote
    ParsedRun r("The old brewery sent its \"chief taster\" to the autumn fair.");
    r.find();
    CHECK(r.count(StatementKind::Direct) == 0);
  }
}

TEST_CASE("a title in quotation marks with no cue is not a statement", "[statements]") {
  Run r("The museum opened \"Ships of the Northern Sea and Their Crews\" on Friday to large crowds.");
  r.find();
  CHECK(r.out.empty());
}

TEST_CASE("a line naming an expert makes the paragraphs after it their commentary", "[statements][parse]") {
  ParsedRun r(
      "The government proposed a levy on cargo passing through the port of Lindhaven on Tuesday.\n\n"
      "Marta Kowal, economist at the Lindhaven Institute:\n\n"
      "The levy will raise the cost of every container by a few percent, and shippers will pass it on.\n\n"
      "Smaller ports along the coast stand to gain, because some traffic will move there within a year.\n\n"
      "Piet Haan, professor of trade law at Northgate University:\n\n"
      "The proposal breaks no treaty, but the neighbours will see it as a hostile step.");
  uint32_t marta = r.actor("Marta Kowal", ActorType::Person);
  uint32_t piet = r.actor("Piet Haan", ActorType::Person);
  r.find();
  std::vector<std::pair<std::string, uint32_t>> got;
  for (const auto& s : r.out)
    if (s.speaker) got.emplace_back(r.text(s.content).substr(0, 20), *s.speaker);
  REQUIRE(got.size() == 3);
  CHECK(got[0] == std::make_pair(std::string("The levy will raise "), marta));
  CHECK(got[1] == std::make_pair(std::string("Smaller ports along "), marta));
  CHECK(got[2] == std::make_pair(std::string("The proposal breaks "), piet));
}

TEST_CASE("a bare name line is a caption, not the start of a commentary", "[statements][parse]") {
  ParsedRun r(
      "The government proposed a levy on cargo passing through the port of Lindhaven on Tuesday.\n\n"
      "Marta Kowal\n\n"
      "The levy will raise the cost of every container by a few percent, and shippers will pass it on.");
  r.actor("Marta Kowal", ActorType::Person);
  r.find();
  CHECK(r.count(StatementKind::Direct) == 0);
}

// ---- the data files --------------------------------------------------------

TEST_CASE("every data file is compiled in and reads as text", "[statements][data]") {
  namespace fs = std::filesystem;
  size_t files = 0;
  for (const auto& stage : fs::directory_iterator(fs::path(EVENTLOOM_SOURCE_DIR) / "src")) {
    const fs::path dir = stage.path() / "data";
    if (!fs::is_directory(dir)) continue;
    for (const auto& f : fs::directory_iterator(dir)) {
      if (f.path().extension() != ".txt") continue;
      const std::string name = (stage.path().filename() / "data" / f.path().filename()).generic_string();
      INFO(name);
      std::ifstream in(f.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      CHECK(data::get(name) == bytes.str());  // the file is embedded as it is on disk
      // every list is lines of text: no control characters, at least one entry
      CHECK_NOTHROW(util::read_data_file(name, {1, 1, true}, [](const util::DataFields&) -> const char* { return nullptr; }));
      ++files;
    }
  }
  CHECK(files > 30);
  // and each stage's loader, which checks the shape of its own lists, accepts them
  CHECK_NOTHROW(statements::SayingVerbs::get());
  CHECK_NOTHROW(statements::Lexicon::get());
  CHECK_NOTHROW(actors::lexicon());
  CHECK_NOTHROW(events::Lexicon::get());
  CHECK_NOTHROW(timex::Lexicon::get());
  // the lists read inside a stage (boilerplate and paragraph words of ingest,
  // the events' syntax tables and word sets), through a build that reaches
  // every stage
  size_t events = 0;
  CHECK_NOTHROW(events = test_support::examples_corpus().events.size());
  CHECK(events > 0);
}

TEST_CASE("the loader refuses a malformed line with the file and line number", "[statements][data]") {
  auto message = [](std::string_view text, util::DataShape shape) {
    try {
      util::read_data_text("x/data/list.txt", text, shape, [](const util::DataFields& f) -> const char* {
        return f[0] == "bad" ? "a bad word" : nullptr;
      });
    } catch (const util::DataError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(message("# comment\none\ntwo\n", {1, 1, false}).empty());
  CHECK(message("# comment\none\ntwo three\n", {1, 1, false}) == "x/data/list.txt:3: expected 1 fields, found 2");
  CHECK(message("one two\n\nthree four five\n", {1, 2, false}) == "x/data/list.txt:3: expected 1-2 fields, found 3");
  CHECK(message("one\nbad\n", {1, 1, false}) == "x/data/list.txt:2: a bad word");
  CHECK(message("one\ntw\x01o\n", {1, 1, true}) == "x/data/list.txt:2: control character");
  CHECK(message("# only a comment\n", {1, 1, false}) == "x/data/list.txt:0: no entries");
  CHECK(message("", {1, 1, false}).find("x/data/list.txt:0:") == 0);
}

TEST_CASE("the table of verbs of saying: one row a verb, each form once", "[statements][data]") {
  const auto& t = statements::SayingVerbs::get();
  std::set<std::string_view> forms;
  for (const auto& f : t.forms()) {
    INFO(f.form);
    CHECK(forms.insert(f.form).second);
  }
  auto form = [&](std::string_view w) -> const statements::SayingForm* {
    for (const auto& f : t.forms())
      if (f.form == w) return &f;
    return nullptr;
  };
  REQUIRE(form("said"));
  CHECK(form("said")->lemma == "say");
  CHECK(form("said")->names_speaker);
  CHECK(form("told")->cls == statements::VerbClass::Tell);
  CHECK(form("warned")->cls == statements::VerbClass::Say);
  CHECK(form("warning")->cls == statements::VerbClass::Weak);
  uint8_t warn = 0, urge = 0, reject = 0;
  for (const auto& v : t.verbs()) {
    if (v.lemma == "warn") warn = v.cameo;
    if (v.lemma == "urge") urge = v.cameo;
    if (v.lemma == "reject") reject = v.cameo;
  }
  CHECK(warn == 13);
  CHECK(urge == 2);
  CHECK(reject == 12);
  // all three stages read the same table
  CHECK(statements::Lexicon::get().verb("Accused") == statements::VerbClass::Weak);
  CHECK(actors::lexicon().say_verbs.count("told") == 1);
  char buf[48];
  CHECK(events::Lexicon::get().statement_code(events::Lexicon::get().lemma("denied", buf)) == 12);

  CHECK_THROWS_WITH(statements::SayingVerbs("t.txt", "say say 01 says\nwarn shout 13 warns\n"),
                    "t.txt:2: the class is none of say, tell, weak, think, -");
  CHECK_THROWS_WITH(statements::SayingVerbs("t.txt", "say say 1 says\n"), "t.txt:1: bad CAMEO code");
  CHECK_THROWS_WITH(statements::SayingVerbs("t.txt", "say say 01 Says\n"), "t.txt:1: a form is not a lower-case word");
}

TEST_CASE("a participle clause takes the subject of the outermost cue of its sentence", "[statements]") {
  Run r("Ada Lund told the council that she believes we must repair the dam, saying \"the water will not wait for "
        "anyone this spring.\"");
  r.find();
  const LocalStatement* s = r.direct();
  REQUIRE(s != nullptr);
  CHECK(r.speaker_words(*s) == "Ada Lund");
}

TEST_CASE("a bare noun after a weak verb is its object, not an inverted speaker", "[statements]") {
  Run r("The Harbour Council, the body that runs the port of Lindhaven, urged restraint.");
  r.find();
  CHECK(r.out.empty());
}

TEST_CASE("a quotation in the headline is not a direct quote", "[statements]") {
  // The editor's summary of what the body quotes: with a cue it is reported
  // speech, without one a label.
  const char* texts[] = {
      "Harbour chief says storm season 'the worst in living memory'\n\n"
      "Ivo Lind, who runs the port, spoke to reporters on Monday about the damage.",
      "Fishing towns ask for 'a fair share of the quota'\n\n"
      "Several towns on the coast wrote to the ministry on Monday about the quota.",
  };
  for (const char* text : texts) {
    INFO(text);
    Run r(text);
    r.doc.paragraphs[0].kind = ParagraphKind::Title;
    r.at = analyze(r.doc);
    r.find();
    CHECK(r.count(StatementKind::Direct) == 0);
  }
  Run r(
      "Harbour chief says storm season 'the worst in living memory'\n\n"
      "\"This storm season is the worst in living memory,\" Ivo Lind said on Monday.");
  r.doc.paragraphs[0].kind = ParagraphKind::Title;
  r.at = analyze(r.doc);
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  CHECK(r.speaker_words(*r.direct()) == "Ivo Lind");
}

TEST_CASE("a quotation that runs over sentences before its attribution is one statement", "[statements]") {
  Run r(
      "The harbour was closed for a week.\n\n"
      "\"Will the boats come back this winter? Maybe,\" said Ivo Lind. \"Nobody here can promise it yet.\"");
  uint32_t ivo = r.actor("Ivo Lind", ActorType::Person);
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  const LocalStatement* s = r.direct();
  CHECK(r.speaker_words(*s) == "Ivo Lind");
  REQUIRE(s->speaker);
  CHECK(*s->speaker == ivo);
  std::string t = r.text(s->content);
  CHECK(t.find("Will the boats") != std::string::npos);
  CHECK(t.find("promise") != std::string::npos);
}

TEST_CASE("a verb of saying after the attribution opens a second statement by the same speaker", "[statements]") {
  const char* texts[] = {
      "\"The river has never been this high in spring,\" Kaja Stenberg said, going on to say that the town "
      "\"must build the new dykes before the autumn rains.\"",
      "\"The river has never been this high in spring,\" Kaja Stenberg said, suggesting two questions, "
      "including, \"Who will pay for the new dykes, and who will build them?\"",
  };
  for (const char* text : texts) {
    INFO(text);
    Run r(text);
    r.find();
    REQUIRE(r.count(StatementKind::Direct) == 2);
    for (const auto& s : r.out)
      if (s.kind == StatementKind::Direct) CHECK(r.speaker_words(s) == "Kaja Stenberg");
  }
}

TEST_CASE("a pronoun's contracted 's before a verb of saying is an auxiliary", "[statements]") {
  Run r("She's claiming that the ferry is \"far too old for winter storms\" and \"nobody wants to pay for a new one.\"");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  const LocalStatement* s = r.direct();
  CHECK(r.speaker_words(*s) == "She");
  std::string t = r.text(s->content);
  CHECK(t.find("far too old") != std::string::npos);
  CHECK(t.find("nobody wants") != std::string::npos);
}

TEST_CASE("a programme's title before the reported clause is not its content", "[statements]") {
  const char* texts[] = {
      "Ivo Lind told Radio Nord's \"Morning Harbour\" that the ferries would stop sailing in December.",
      "Ivo Lind said on Radio Nord's \"Morning Harbour\" that the ferries would stop sailing in December.",
  };
  for (const char* text : texts) {
    INFO(text);
    Run r(text);
    r.find();
    CHECK(r.count(StatementKind::Direct) == 0);
    REQUIRE(r.count(StatementKind::Indirect) == 1);
    CHECK(r.text(r.out[0].content) == "the ferries would stop sailing in December");
    CHECK(r.speaker_words(r.out[0]) == "Ivo Lind");
  }
}

TEST_CASE("a verb of saying with a quotation after it is not the attribution of the quote before", "[statements]") {
  Run r(
      "Kaja Stenberg does not like the plan. \"The ferry is far too old for winter storms.\" She adds, \"Who would "
      "sail it in January?\"");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 2);
  bool asked = false;
  for (const auto& s : r.out)
    if (r.text(s.content).find("Who would sail") != std::string::npos) {
      asked = true;
      CHECK(r.speaker_words(s) == "She");
      CHECK(r.text(s.content).find("far too old") == std::string::npos);
    }
  CHECK(asked);
}

TEST_CASE("a participle after 'before' reports what its subject said next", "[statements]") {
  Run r("Kaja Stenberg thanked the crew before asking them, \"Who would sail this ferry in January?\"");
  r.find();
  REQUIRE(r.count(StatementKind::Direct) == 1);
  CHECK(r.speaker_words(*r.direct()) == "Kaja Stenberg");
}

TEST_CASE("a verb of saying after 'and' shares the subject of the verb before", "[statements]") {
  Run r(
      "Ivo Lind, the harbour chief, bemoaned the delay in the north and said he thought that storms were a "
      "\"very, very big factor\" in the decision.");
  r.find();
  const LocalStatement* s = r.direct();
  REQUIRE(s != nullptr);
  CHECK(r.speaker_words(*s) == "Ivo Lind");
}

TEST_CASE("a participle after a reporting noun reports for the sentence's subject", "[statements]") {
  Run r(
      "Following a short, late-night meeting, the harbour board issued a statement calling the closure "
      "\"a serious mistake for the whole coast\" and asking for talks.");
  r.find();
  const LocalStatement* s = r.direct();
  REQUIRE(s != nullptr);
  CHECK(r.speaker_words(*s) == "the harbour board");
}

TEST_CASE("'as X put it' attributes the words set off beside it", "[statements]") {
  const char* texts[] = {
      "The main test for the licence is a \"proven record of safe sailing in winter,\" as a ministry memo put it.",
      "Lind is known on the coast, as the Harbour Gazette put it in a long profile, as \"the man who never sleeps.\"",
  };
  const char* speakers[] = {"a ministry memo", "the Harbour Gazette"};
  for (int n = 0; n < 2; ++n) {
    INFO(texts[n]);
    Run r(texts[n]);
    r.find();
    const LocalStatement* s = r.direct();
    REQUIRE(s != nullptr);
    CHECK(r.speaker_words(*s) == speakers[n]);
  }
}

TEST_CASE("a quotation framed by a named cue before it and a pronoun after it takes the name", "[statements]") {
  Run r(
      "The hearing went on late. Senator Mira Kallas scolded him: \"Nobody on this committee believes the ferry "
      "numbers you gave us,\" she said.");
  r.find();
  const LocalStatement* s = r.direct();
  REQUIRE(s != nullptr);
  CHECK(r.speaker_words(*s) == "Senator Mira Kallas");
}

TEST_CASE("a verb after 'and' inside a reported clause is reported, not said by the cue's speaker", "[statements]") {
  Run r(
      "In a statement, the harbour board said the two captains had spoken at length and had agreed \"to wait for "
      "better weather\".");
  r.find();
  for (const auto& s : r.out) {
    INFO(r.text(s.content));
    CHECK(r.text(s.content).rfind("to wait", 0) != 0);
  }
}

TEST_CASE("a sentence's subject opened by a determiner is not cut at its first lower-case word", "[statements]") {
  Run r(
      "The mayors of Halden and Varrow met on the quay on Monday, and agreed that the ferry line would reopen in "
      "the spring.");
  r.find();
  REQUIRE(r.out.size() == 1);
  CHECK(r.speaker_words(r.out[0]) == "The mayors of Halden and Varrow");
}
