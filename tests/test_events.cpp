// Events: triggers typed with CAMEO roots, participants, dates and modality,
// on sentences written for these tests, through the real text, time and
// actors stages.
#include <catch2/catch.hpp>

#include <algorithm>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "eventloom/events.hpp"
#include "eventloom/statements.hpp"
#include "events/finder.hpp"
#include "events/lexicon.hpp"

using namespace eventloom;

namespace {

struct Found {
  std::vector<LocalEvent> events;
  AnnotatedText at;
  ActorExtraction actors;
};

Found run(std::string_view text, const char* dct = "2024-03-14") {
  Found f;
  f.at = analyze_text(text);
  std::optional<boost::gregorian::date> d;
  if (dct) d = boost::gregorian::from_simple_string(dct);
  std::vector<Timex> tx = tag_times(f.at, TimeOptions{d});
  f.actors = find_actors(f.at);
  std::vector<LocalStatement> none;
  f.events = find_events(EventInput{f.at, f.actors, tx, none, d});
  return f;
}

std::string actor_with(const Found& f, const LocalEvent& e, ParticipantRole r) {
  for (const Participant& p : e.participants)
    if (p.role == r) return f.actors.actors[p.actor].name;
  return "";
}

const LocalEvent* with_trigger(const Found& f, std::string_view trig) {
  for (const LocalEvent& e : f.events)
    if (f.at.norm.view(e.trigger) == trig) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("the lemmatiser strips inflections and knows irregular forms") {
  const auto& lex = events::Lexicon::get();
  char buf[48];
  CHECK(lex.lemma("attacked", buf) == "attack");
  CHECK(lex.lemma("imposing", buf) == "impose");
  CHECK(lex.lemma("sanctions", buf) == "sanction");
  CHECK(lex.lemma("ties", buf) == "tie");
  CHECK(lex.lemma("struck", buf) == "strike");
  CHECK(lex.lemma("met", buf) == "meet");
  CHECK(lex.lemma("criticised", buf) == "criticise");
  CHECK(lex.lemma("zzzz", buf) == "zzzz");
  CHECK(events::cameo_name(19) == "19 FIGHT");
  CHECK(events::cameo_name(21).empty());
}

TEST_CASE("a table of triggers, types, participants and dates") {
  struct Case {
    const char* sentence;
    const char* trigger;
    const char* type;  // two-digit root
    const char* source;
    const char* target;
    const char* date;  // "" = publication date
  };
  const Case cases[] = {
      {"Germany attacked Poland on March 3, 2021.", "attacked", "19", "Germany", "Poland", "2021-03-03"},
      {"Canada imposed new sanctions on Iran in 2019.", "imposed new sanctions", "16", "Canada", "Iran", "2019"},
      {"Brazil was attacked by Argentina in May 2020.", "attacked", "19", "Argentina", "Brazil", "2020-05"},
      {"France and Spain signed a treaty in 2018.", "signed", "05", "Spain", "", "2018"},
      {"Egypt's invasion of Libya alarmed observers.", "invasion", "19", "Egypt", "Libya", ""},
      {"Kenya expelled diplomats from Sweden.", "expelled", "16", "Kenya", "Sweden", ""},
  };
  for (const Case& c : cases) {
    INFO(c.sentence);
    Found f = run(c.sentence);
    const LocalEvent* e = with_trigger(f, c.trigger);
    REQUIRE(e);
    CHECK(e->type.substr(0, 2) == c.type);
    CHECK(actor_with(f, *e, ParticipantRole::Source) == c.source);
    if (*c.target) CHECK(actor_with(f, *e, ParticipantRole::Target) == c.target);
    if (*c.date) {
      CHECK(e->date == c.date);
      CHECK_FALSE(e->date_from_publication);
    } else {
      CHECK(e->date_from_publication);
      CHECK(e->date == "2024-03-14");
    }
  }
}

TEST_CASE("modality: future, hypothetical, negated") {
  struct Case {
    const char* sentence;
    const char* trigger;
    const char* modality;
  };
  const Case cases[] = {
      {"Japan will hold talks with Chile on Tuesday.", "hold talks", "future"},
      {"Norway could sever ties with Peru.", "sever ties", "hypothetical"},
      {"Mexico did not sever relations with Cuba.", "sever relations", "negated"},
      {"Ghana arrested three men.", "arrested", "asserted"},
  };
  for (const Case& c : cases) {
    INFO(c.sentence);
    Found f = run(c.sentence);
    const LocalEvent* e = with_trigger(f, c.trigger);
    REQUIRE(e);
    CHECK(e->modality == c.modality);
  }
}

TEST_CASE("blocked phrases and bare weak nouns are not events") {
  CHECK(with_trigger(run("The missiles are within striking distance of the coast."), "striking") == nullptr);
  CHECK(run("The war goes on.").events.empty());
  CHECK(run("").events.empty());
}

TEST_CASE("an article without a publication date leaves the date empty") {
  Found f = run("Turkey shelled the border town.", nullptr);
  const LocalEvent* e = with_trigger(f, "shelled");
  REQUIRE(e);
  CHECK(e->date_from_publication);
  CHECK(e->date.empty());
}

namespace {

// Every participant of an event as "s:Name", "t:Name" or "o:Name", sorted.
std::vector<std::string> roles_of(const Found& f, const LocalEvent& e) {
  std::vector<std::string> out;
  for (const Participant& p : e.participants) {
    const char* r = p.role == ParticipantRole::Source ? "s:" : p.role == ParticipantRole::Target ? "t:" : "o:";
    out.push_back(r + f.actors.actors[p.actor].name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Roles = std::vector<std::string>;

}  // namespace

TEST_CASE("actors in an adjunct after the trigger are not its participants") {
  Found f = run("Donald Trump spoke with Ukrainian President Volodymyr Zelenskiy after his call with Vladimir Putin.");
  const LocalEvent* spoke = with_trigger(f, "spoke with");
  REQUIRE(spoke);
  // Trump the subject, Zelenskiy the complement; "Ukrainian" only qualifies
  // Zelenskiy, and Putin belongs to the call.
  CHECK(roles_of(f, *spoke) == Roles{"s:Donald Trump", "t:Volodymyr Zelenskiy"});
  const LocalEvent* call = with_trigger(f, "call with");
  REQUIRE(call);
  // "his" inside the adjunct is the main clause's subject, not the last person named.
  CHECK(roles_of(f, *call) == Roles{"s:Donald Trump", "t:Vladimir Putin"});

  Found g = run("Emmanuel Macron met German Chancellor Olaf Scholz during his visit to Poland.");
  const LocalEvent* met = with_trigger(g, "met");
  REQUIRE(met);
  CHECK(roles_of(g, *met) == Roles{"s:Emmanuel Macron", "t:Olaf Scholz"});
  const LocalEvent* visit = with_trigger(g, "visit");
  REQUIRE(visit);
  CHECK(roles_of(g, *visit) == Roles{"s:Emmanuel Macron", "t:Poland"});

  Found h = run("Kenya signed a deal with Uganda after Tanzania protested.");
  const LocalEvent* signed_ = with_trigger(h, "signed");
  REQUIRE(signed_);
  CHECK(roles_of(h, *signed_) == Roles{"s:Kenya", "t:Uganda"});
}

TEST_CASE("a possessive in a leading adjunct refers to the main clause's subject") {
  Found f = run("After its talks with Chile, Peru signed a treaty with Bolivia.");
  const LocalEvent* talks = with_trigger(f, "talks");
  REQUIRE(talks);
  CHECK(roles_of(f, *talks) == Roles{"s:Peru", "t:Chile"});
  const LocalEvent* signed_ = with_trigger(f, "signed");
  REQUIRE(signed_);
  CHECK(roles_of(f, *signed_) == Roles{"s:Peru", "t:Bolivia"});  // Chile is no co-signer
}

TEST_CASE("participants in passives, coordination, accusations and prepositions") {
  struct Case {
    const char* sentence;
    const char* trigger;
    Roles roles;
  };
  const Case cases[] = {
      // passive with coordinated agents
      {"Serbia was attacked by Croatia and Hungary.", "attacked", {"s:Croatia", "s:Hungary", "t:Serbia"}},
      // coordinated subjects
      {"Chile and Peru signed an agreement with Bolivia.", "signed", {"s:Chile", "s:Peru", "t:Bolivia"}},
      // "X accused Y of ...": Y is the target of the accusation and the agent of what follows
      {"Iran accused Israel of attacking its embassy.", "accused", {"s:Iran", "t:Israel"}},
      {"Iran accused Israel of attacking its embassy.", "attacking", {"o:Iran", "s:Israel"}},
      // a noun's agent after "by"
      {"The attacks by Russia on Ukraine continued.", "attacks", {"s:Russia", "t:Ukraine"}},
      // the party after "with" before a place after "in"
      {"Japan held talks in Vietnam with Indonesia.", "held talks", {"o:Vietnam", "s:Japan", "t:Indonesia"}},
      // objects of a preposition, coordinated, are no subject
      {"Leaders in Syria and Yemen condemned Israel.", "condemned", {"o:Syria", "o:Yemen", "t:Israel"}},
      // ... but those acting for a country are: "the leaders of X and Y"
      {"The leaders of Chile and Peru met.", "met", {"s:Chile", "s:Peru"}},
  };
  for (const Case& c : cases) {
    INFO(c.sentence << " / " << c.trigger);
    Found f = run(c.sentence);
    const LocalEvent* e = with_trigger(f, c.trigger);
    REQUIRE(e);
    CHECK(roles_of(f, *e) == c.roles);
  }
}

namespace {

// The whole pipeline up to events, with the tagger, names and parse.
Found run_parsed(std::string_view text, const char* dct = "2024-03-14") {
  Found f;
  f.at = analyze_text(text);
  std::optional<boost::gregorian::date> d;
  if (dct) d = boost::gregorian::from_simple_string(dct);
  std::vector<Timex> tx = tag_times(f.at, TimeOptions{d});
  Analysis a = analyse_article(f.at);
  f.actors = find_actors(f.at, a);
  std::vector<LocalStatement> none;
  f.events = find_events(EventInput{f.at, f.actors, tx, none, d, &a});
  return f;
}

}  // namespace

TEST_CASE("from the parse: every CAMEO root, its source, target and modality") {
  struct Case {
    const char* sentence;
    const char* trigger;
    const char* type;  // two-digit root
    const char* source;
    const char* target;  // "" = none
    const char* modality;
  };
  const Case cases[] = {
      {"Norway announced a new budget.", "announced", "01", "Norway", "", "asserted"},
      {"Kenya urged Uganda to release the prisoners.", "urged", "02", "Kenya", "Uganda", "asserted"},
      {"Chile pledged support to Bolivia.", "pledged support", "03", "Chile", "Bolivia", "asserted"},
      {"Japan held talks with Vietnam.", "held talks", "04", "Japan", "Vietnam", "asserted"},
      {"Portugal praised Brazil for its reforms.", "praised", "05", "Portugal", "Brazil", "asserted"},
      {"Sweden extradited two suspects to Finland.", "extradited", "06", "Sweden", "Finland", "asserted"},
      {"The United States delivered vaccines to Haiti on Monday.", "delivered", "07", "United States", "Haiti", "asserted"},
      {"Ethiopia withdrew its troops from the border.", "withdrew", "08", "Ethiopia", "", "asserted"},
      {"Germany investigated Turkey's role in the affair.", "investigated", "09", "Germany", "Turkey", "asserted"},
      {"Iran demanded an apology from Iraq.", "demanded", "10", "Iran", "Iraq", "asserted"},
      {"Greece condemned Turkey on Monday.", "condemned", "11", "Greece", "Turkey", "asserted"},
      {"Argentina rejected Britain's proposal.", "rejected", "12", "Argentina", "United Kingdom", "asserted"},
      {"Pakistan threatened India with sanctions.", "threatened", "13", "Pakistan", "India", "asserted"},
      {"Mexico protested against the United States.", "protested against", "14", "Mexico", "United States", "asserted"},
      {"China deployed troops near the border.", "deployed", "15", "China", "", "asserted"},
      {"Morocco severed ties with Algeria.", "severed ties", "16", "Morocco", "Algeria", "asserted"},
      {"Belarus arrested the mayor of Warsaw.", "arrested", "17", "Belarus", "Warsaw", "asserted"},
      {"Iraq assassinated Kuwait's ambassador.", "assassinated", "18", "Iraq", "Kuwait", "asserted"},
      {"Azerbaijan invaded Armenia.", "invaded", "19", "Azerbaijan", "Armenia", "asserted"},
      {"Syria used chemical weapons against Turkey.", "used chemical weapons", "20", "Syria", "Turkey", "asserted"},
      // passives: the agent is the source, the subject the target
      {"Brazil was attacked by Argentina in May 2020.", "attacked", "19", "Argentina", "Brazil", "asserted"},
      {"Lebanon was invaded by Israel.", "invaded", "19", "Israel", "Lebanon", "asserted"},
      // a noun taken by a light verb: the verb's subject is its source
      {"Israel launched an attack on Lebanon.", "attack", "19", "Israel", "Lebanon", "asserted"},
      {"Egypt's invasion of Libya alarmed observers.", "invasion", "19", "Egypt", "Libya", "asserted"},
      // a relative clause: the noun it modifies is the subject
      {"Kenya, which invaded Somalia in 2011, signed a treaty.", "invaded", "19", "Kenya", "Somalia", "asserted"},
      // control: the urged party is the source of what it is urged to do
      {"Kenya urged Uganda to withdraw its troops.", "withdraw", "08", "Uganda", "", "hypothetical"},
      // modality
      {"Japan will hold talks with Chile on Tuesday.", "hold talks", "04", "Japan", "Chile", "future"},
      {"Norway could sever ties with Peru.", "sever ties", "16", "Norway", "Peru", "hypothetical"},
      {"If Egypt attacks Sudan, the region will suffer.", "attacks", "19", "Egypt", "Sudan", "hypothetical"},
      {"Ghana plans to arrest three smugglers.", "arrest", "17", "Ghana", "", "future"},
      {"Maybe Russia attacked Ukraine.", "attacked", "19", "Russia", "Ukraine", "hypothetical"},
  };
  for (const Case& c : cases) {
    INFO(c.sentence << " / " << c.trigger);
    Found f = run_parsed(c.sentence);
    const LocalEvent* e = with_trigger(f, c.trigger);
    REQUIRE(e);
    CHECK(e->type.substr(0, 2) == c.type);
    CHECK(actor_with(f, *e, ParticipantRole::Source) == c.source);
    CHECK(actor_with(f, *e, ParticipantRole::Target) == c.target);
    CHECK(e->modality == c.modality);
  }
}

TEST_CASE("from the parse: coordinated actors each take their role") {
  Found f = run_parsed("Chile and Peru met in Lima.");
  const LocalEvent* met = with_trigger(f, "met");
  REQUIRE(met);
  // a cooperative act between coordinated subjects is dyadic: the first is the source
  CHECK(roles_of(f, *met) == Roles{"o:Lima", "s:Chile", "t:Peru"});
  Found g = run_parsed("Russia attacked Georgia and Ukraine.");
  const LocalEvent* a = with_trigger(g, "attacked");
  REQUIRE(a);
  CHECK(roles_of(g, *a) == Roles{"s:Russia", "t:Georgia", "t:Ukraine"});
}

TEST_CASE("from the parse: no actor, a negation or a question is no event") {
  // No actor argument.
  CHECK(with_trigger(run_parsed("The attack killed two people."), "attack") == nullptr);
  CHECK(with_trigger(run_parsed("Wars are terrible for everyone."), "Wars") == nullptr);
  // Negated.
  CHECK(with_trigger(run_parsed("Chile did not attack Peru."), "attack") == nullptr);
  CHECK(with_trigger(run_parsed("Denmark is not ready for war with Norway."), "war") == nullptr);
  CHECK(with_trigger(run_parsed("Spain never invaded Portugal."), "invaded") == nullptr);
  // A question.
  CHECK(with_trigger(run_parsed("Did Iran attack Iraq?"), "attack") == nullptr);
  // A noun tied to a date needs no actor argument, nor does one that names
  // an event alone (data/triggers.txt "!").
  CHECK(with_trigger(run_parsed("The 1967 war changed the region."), "war") != nullptr);
  CHECK(with_trigger(run_parsed("The envoy said the talks went well."), "talks") != nullptr);
}

TEST_CASE("from the parse: quotations, characterisations and idioms") {
  // A trigger inside a quotation is the speaker's word; the statement reports it.
  Found q = run_parsed("\"We think Chile will attack Peru very soon,\" the minister said.");
  CHECK(with_trigger(q, "attack") == nullptr);
  // A verb of characterising with a hostile predicate disapproves of its object's author.
  Found c = run_parsed("Greece described Turkey's drilling as an illegal provocation.");
  const LocalEvent* called = with_trigger(c, "described");
  REQUIRE(called);
  CHECK(called->type.substr(0, 2) == "11");
  CHECK(actor_with(c, *called, ParticipantRole::Source) == "Greece");
  // ... but not with a neutral one.
  CHECK(with_trigger(run_parsed("Greece described Turkey's offer as a useful start."), "described") == nullptr);
  // With a word of praise it praises (05).
  Found p = run_parsed("Greece called Turkey's offer a historic breakthrough.");
  const LocalEvent* praised = with_trigger(p, "called");
  REQUIRE(praised);
  CHECK(praised->type.substr(0, 2) == "05");
  CHECK(actor_with(p, *praised, ParticipantRole::Source) == "Greece");
  // Idioms: striking a tone is no attack, striking a deal is cooperation.
  CHECK(with_trigger(run_parsed("Kenya struck a softer tone with Uganda on Monday."), "struck") == nullptr);
  Found d = run_parsed("Kenya struck a deal with Uganda on Monday.");
  const LocalEvent* deal = with_trigger(d, "struck a deal");
  REQUIRE(deal);
  CHECK(deal->type.substr(0, 2) == "05");
  // "asked about" is a question, not an appeal; "asked X to" is.
  CHECK(with_trigger(run_parsed("When asked about Chile, Peru's minister smiled."), "asked") == nullptr);
  Found a = run_parsed("Peru asked Chile to withdraw its troops.");
  const LocalEvent* asked = with_trigger(a, "asked");
  REQUIRE(asked);
  CHECK(asked->type.substr(0, 2) == "02");
  CHECK(actor_with(a, *asked, ParticipantRole::Target) == "Chile");
}

TEST_CASE("from the parse: a headline or an undated caption gives no event, a dated caption does") {
  Document doc;
  doc.text =
      "Chile Attacks Peru\n\n"
      "A soldier stands near a tank after Chile attacked Peru.\n\n"
      "On 3 May 2021, Chile attacked Peru.\n\n"
      "Chile attacked Peru on Monday, officials said.";
  const uint32_t t_end = 18, c1 = 20, c1_end = c1 + 55, c2 = c1_end + 2, c2_end = c2 + 35, b = c2_end + 2;
  doc.paragraphs = {{{0, t_end}, ParagraphKind::Title},
                    {{c1, c1_end}, ParagraphKind::Caption},
                    {{c2, c2_end}, ParagraphKind::Caption},
                    {{b, static_cast<uint32_t>(doc.text.size())}, ParagraphKind::Body}};
  REQUIRE(doc.text.substr(c2, c2_end - c2) == "On 3 May 2021, Chile attacked Peru.");
  AnnotatedText at = analyze(doc);
  std::optional<boost::gregorian::date> d = boost::gregorian::from_simple_string("2024-03-14");
  std::vector<Timex> tx = tag_times(at, TimeOptions{d});
  Analysis a = analyse_article(at);
  ActorExtraction actors = find_actors(at, a);
  std::vector<LocalStatement> none;
  std::vector<LocalEvent> events = find_events(EventInput{at, actors, tx, none, d, &a});
  std::vector<std::string> dates;
  for (const LocalEvent& e : events)
    if (e.type.compare(0, 2, "19") == 0) dates.push_back(e.date);
  std::sort(dates.begin(), dates.end());
  // The dated caption's attack and the body's; not the headline's nor the undated caption's.
  CHECK(dates == std::vector<std::string>{"2021-05-03", "2024-03-11"});
}

TEST_CASE("from the parse: a place attacked is its country, a capital acting its government") {
  // A strike on a city is an act against the city's state (places.txt
  // "Name|Country"); the city stays as where it happened.
  Found f = run_parsed("Ukraine said Russia bombed Kharkiv on Monday.");
  const LocalEvent* shelled = with_trigger(f, "bombed");
  REQUIRE(shelled);
  CHECK(roles_of(f, *shelled) == Roles{"o:Kharkiv", "s:Russia", "t:Ukraine"});
  // Not so for an act of another kind: a visit to the city stays a visit there.
  Found v = run_parsed("Ukraine said the Pope visited Kharkiv on Monday.");
  if (const LocalEvent* visited = with_trigger(v, "visited"))
    CHECK(actor_with(v, *visited, ParticipantRole::Target) != "Ukraine");
  // ... only where the article names that country: no state is made up.
  Found n = run_parsed("Rebels shelled Kharkiv overnight.");
  const LocalEvent* bare = with_trigger(n, "shelled");
  if (bare) CHECK(actor_with(n, *bare, ParticipantRole::Target) != "Ukraine");
  // A state does not act against itself: the place stays the target.
  Found u = run_parsed("Ukraine shelled Donetsk on Monday.");
  const LocalEvent* own = with_trigger(u, "shelled");
  REQUIRE(own);
  CHECK(actor_with(u, *own, ParticipantRole::Source) == "Ukraine");
  CHECK(actor_with(u, *own, ParticipantRole::Target) == "Donetsk");
}

TEST_CASE("from the parse: the doer of an intransitive act is its 'of' phrase") {
  Found f = run_parsed("The withdrawal of Ethiopia from the talks in May surprised Kenya.");
  const LocalEvent* w = with_trigger(f, "withdrawal");
  REQUIRE(w);
  CHECK(actor_with(f, *w, ParticipantRole::Source) == "Ethiopia");
}

TEST_CASE("from the parse: a definite role noun refers back to the person whose role fits") {
  Found f = run_parsed(
      "Chile's Foreign Minister Maria Soto arrived in Lima on Monday. "
      "Peru's President Luis Rojas greeted her at the airport. "
      "On Tuesday the minister met Bolivia's ambassador.");
  const LocalEvent* met = with_trigger(f, "met");
  REQUIRE(met);
  CHECK(actor_with(f, *met, ParticipantRole::Source) == "Maria Soto");
  // A group ("their foreign ministers") is nobody named before.
  Found h = run_parsed(
      "Prime Minister Anna Berg of Chile phoned Peru's leader on Monday. "
      "They agreed that their foreign ministers would meet in Quito.");
  if (const LocalEvent* meet = with_trigger(h, "meet"))
    CHECK(actor_with(h, *meet, ParticipantRole::Source) != "Anna Berg");
  // "Another minister" names somebody new: no antecedent.
  Found g = run_parsed(
      "Chile's Foreign Minister Maria Soto arrived in Lima on Monday. "
      "On Tuesday another minister criticised Bolivia.");
  const LocalEvent* crit = with_trigger(g, "criticised");
  if (crit) CHECK(actor_with(g, *crit, ParticipantRole::Source) != "Maria Soto");
}

TEST_CASE("from the parse: an indirect question and a vaguely dated situation are no events") {
  // What is asked is not what happened.
  CHECK(with_trigger(run_parsed("Reporters asked whether Chile would attack Peru."), "attack") == nullptr);
  CHECK(with_trigger(run_parsed("When asked what could make Peru expel Chile's envoy, he smiled."), "expel") ==
        nullptr);
  // ... while "asked X to" still appeals (tested above) and a plain report stays.
  CHECK(with_trigger(run_parsed("Reporters said Chile attacked Peru."), "attacked") != nullptr);
  // A situation noun with no actor, dated only vaguely, is the situation
  // the story knows already; with a date that names a time it is an event.
  CHECK(with_trigger(run_parsed("Prices rose after the war in recent months."), "war") == nullptr);
  CHECK(with_trigger(run_parsed("Prices rose after the war in 1991."), "war") != nullptr);
}

namespace {

// As run_parsed, with the statements stage: statements become events typed
// by their verb and by what they report.
Found run_reported(std::string_view text, const char* dct = "2024-03-14") {
  Found f;
  f.at = analyze_text(text);
  std::optional<boost::gregorian::date> d = boost::gregorian::from_simple_string(dct);
  std::vector<Timex> tx = tag_times(f.at, TimeOptions{d});
  Analysis a = analyse_article(f.at);
  f.actors = find_actors(f.at, a);
  std::vector<LocalStatement> st = find_statements(StatementInput{f.at, f.actors, tx, d, &a});
  f.events = find_events(EventInput{f.at, f.actors, tx, st, d, &a});
  return f;
}

}  // namespace

TEST_CASE("from the parse: a statement is typed and aimed by what it reports") {
  // An official warning that the speaker's state could use force or cut
  // ties threatens the one who would suffer it, with that state.
  Found t = run_reported("Foreign Minister Luis Soto warned on Tuesday that Chile could sever ties with Peru.");
  const LocalEvent* threat = with_trigger(t, "warned");
  REQUIRE(threat);
  CHECK(threat->type.substr(0, 2) == "13");
  CHECK(roles_of(t, *threat) == Roles{"s:Chile", "s:Luis Soto", "t:Peru"});
  // A bare verb of saying too: suggesting one's state could attack another
  // is a threat.
  Found s = run_reported("President Ana Ruiz suggested on Monday that Chile could attack Peru.");
  const LocalEvent* suggested = with_trigger(s, "suggested");
  REQUIRE(suggested);
  CHECK(suggested->type.substr(0, 2) == "13");
  CHECK(actor_with(s, *suggested, ParticipantRole::Target) == "Peru");
  // Warning about what another does now, with nothing to come, is a complaint about it.
  Found c = run_reported("Foreign Minister Luis Soto warned on Tuesday that Peru's blockade was hurting trade.");
  const LocalEvent* complaint = with_trigger(c, "warned");
  REQUIRE(complaint);
  CHECK(complaint->type.substr(0, 2) == "11");
  CHECK(actor_with(c, *complaint, ParticipantRole::Target) == "Peru");
  // A threat is not aimed at who would act ("warned that Chile would respond").
  Found r = run_reported("Foreign Minister Luis Soto warned on Monday that Chile would respond firmly.");
  if (const LocalEvent* resp = with_trigger(r, "warned")) CHECK(actor_with(r, *resp, ParticipantRole::Target) != "Chile");
  // Warning somebody to do something is no complaint, and names no target
  // from the rest of the sentence.
  Found w = run_reported("Foreign Minister Luis Soto warned farmers on Monday to store water before the storm hit Peru.");
  if (const LocalEvent* adv = with_trigger(w, "warned")) {
    CHECK(adv->type.substr(0, 2) != "11");
    CHECK(actor_with(w, *adv, ParticipantRole::Target) != "Peru");
  }
  // An analyst speaks for no state: what he says could happen is no threat of his.
  Found a = run_reported("The analyst Maria Lopez said on Monday that Chile could attack Peru.");
  for (const LocalEvent& e : a.events)
    if (e.from_statement) CHECK(e.type.substr(0, 2) != "13");
}

TEST_CASE("from the parse: an act done to somebody, a demand made of somebody, a meeting attended") {
  // The possessor of a noun of an act done to somebody is its target; who
  // takes it in ("with", "into", "by") its source; a demonym before it its source.
  struct Case {
    const char* sentence;
    const char* trigger;
    const char* source;
    const char* target;
  };
  const Case cases[] = {
      {"Kenya condemned Somalia's annexation by Ethiopia in May 2020.", "annexation", "Ethiopia", "Somalia"},
      {"Observers recalled Tanzania's reunification with Zambia in 1964.", "reunification", "Zambia", "Tanzania"},
      // with "of X" naming what was annexed, the possessor is the doer
      {"Ethiopia's annexation of Somalia in 2020 angered Kenya.", "annexation", "Ethiopia", "Somalia"},
  };
  for (const Case& c : cases) {
    INFO(c.sentence);
    Found f = run_parsed(c.sentence);
    const LocalEvent* e = with_trigger(f, c.trigger);
    REQUIRE(e);
    CHECK(actor_with(f, *e, ParticipantRole::Source) == c.source);
    CHECK(actor_with(f, *e, ParticipantRole::Target) == c.target);
  }
  // "X wants Y to do Z" demands it of Y; "X wants to do Z" demands nothing.
  Found w = run_parsed("Kenya wants Uganda to withdraw its troops from the border.");
  const LocalEvent* wants = with_trigger(w, "wants");
  REQUIRE(wants);
  CHECK(wants->type.substr(0, 2) == "10");
  CHECK(roles_of(w, *wants) == Roles{"s:Kenya", "t:Uganda"});
  CHECK(with_trigger(run_parsed("Kenya wants to end the war with Uganda."), "wants") == nullptr);
  CHECK(with_trigger(run_parsed("Kenya wants a policy focused on Uganda."), "wants") == nullptr);
  // Only between two actors the parse names (data/triggers.txt "&").
  CHECK(with_trigger(run_parsed("Reporters said we want Uganda to withdraw its troops."), "want") == nullptr);
  // Talks named in an adjunct were attended by the clause's subject ...
  Found m = run_parsed("At talks with Peru on Monday, Chile signed a trade pact.");
  const LocalEvent* talks = with_trigger(m, "talks");
  REQUIRE(talks);
  CHECK(actor_with(m, *talks, ParticipantRole::Source) == "Chile");
  CHECK(actor_with(m, *talks, ParticipantRole::Target) == "Peru");
  // ... not talks a word other than a verb takes ("incapable of negotiations") ...
  Found n = run_parsed("Officials said Chile is incapable of negotiations.");
  if (const LocalEvent* t2 = with_trigger(n, "negotiations")) CHECK(actor_with(n, *t2, ParticipantRole::Source) != "Chile");
  // ... nor a meeting the verb takes as its argument ("invited X to talks").
  Found v = run_parsed("Chile invited Bolivia's president to talks with Peru in May 2021.");
  if (const LocalEvent* t3 = with_trigger(v, "talks")) CHECK(actor_with(v, *t3, ParticipantRole::Source) != "Chile");
  // ... and an attack named there was not made by it.
  Found x = run_parsed("After an attack on Peru on Monday, Chile closed its border.");
  if (const LocalEvent* attack = with_trigger(x, "attack"))
    CHECK(actor_with(x, *attack, ParticipantRole::Source) != "Chile");
}

TEST_CASE("from the parse: 'this' as the object names the doer of the act just reported") {
  Found f = run_parsed("Chile expelled two diplomats on Monday. Bolivia condemned this on Tuesday.");
  const LocalEvent* condemned = with_trigger(f, "condemned");
  REQUIRE(condemned);
  CHECK(roles_of(f, *condemned) == Roles{"s:Bolivia", "t:Chile"});
  // Only an act that happened: what Chile could do is no doer's act yet.
  Found g = run_parsed("Chile could expel two diplomats. Bolivia condemned this on Tuesday.");
  if (const LocalEvent* c = with_trigger(g, "condemned")) CHECK(actor_with(g, *c, ParticipantRole::Target) != "Chile");
}

TEST_CASE("from the parse: an indefinite role noun is the person of that role the next sentences name") {
  Found f = run_parsed(
      "Another minister criticised Bolivia on Tuesday. "
      "\"We cannot accept such conduct. It harms the region,\" said Foreign Minister Luis Soto.");
  const LocalEvent* crit = with_trigger(f, "criticised");
  REQUIRE(crit);
  CHECK(actor_with(f, *crit, ParticipantRole::Source) == "Luis Soto");
  // A person of another role is somebody else.
  Found g = run_parsed(
      "Another minister criticised Bolivia on Tuesday. "
      "\"We cannot accept such conduct,\" said General Luis Soto.");
  if (const LocalEvent* c = with_trigger(g, "criticised")) CHECK(actor_with(g, *c, ParticipantRole::Source) != "Luis Soto");
}

TEST_CASE("from the parse: 'the country' is the last state named before") {
  Found f = run_parsed("Peru recalled its envoy on Monday. On Tuesday the country expelled two diplomats from Chile.");
  const LocalEvent* expelled = with_trigger(f, "expelled");
  REQUIRE(expelled);
  CHECK(actor_with(f, *expelled, ParticipantRole::Source) == "Peru");
  // Not without "the": "a country" is any.
  Found g = run_parsed("Peru recalled its envoy on Monday. On Tuesday a country expelled two diplomats.");
  if (const LocalEvent* e = with_trigger(g, "expelled")) CHECK(actor_with(g, *e, ParticipantRole::Source) != "Peru");
}

TEST_CASE("from the parse: a situation as subject names where it happens, no doer") {
  Found f = run_parsed("The Syria crisis has escalated sharply in May 2019.");
  const LocalEvent* e = with_trigger(f, "escalated");
  REQUIRE(e);
  CHECK(actor_with(f, *e, ParticipantRole::Source) == "");
  CHECK(actor_with(f, *e, ParticipantRole::Target) == "Syria");
  // An actor as subject still acts.
  Found g = run_parsed("India escalated the conflict in May 2019.");
  const LocalEvent* a = with_trigger(g, "escalated");
  REQUIRE(a);
  CHECK(actor_with(g, *a, ParticipantRole::Source) == "India");
}

TEST_CASE("from the parse: a show of force that names nobody is the article's dominant user of force's") {
  Found f = run_parsed(
      "Chile attacked Peru on Monday. Chile bombed Bolivia on Tuesday. "
      "Missile tests were conducted in May 2020, officials said.");
  const LocalEvent* tests = with_trigger(f, "Missile tests");
  REQUIRE(tests);
  CHECK(actor_with(f, *tests, ParticipantRole::Source) == "Chile");
  // Two sides using force as often: nobody is credited.
  Found g = run_parsed(
      "Chile attacked Peru on Monday. Peru bombed Chile on Tuesday. "
      "Missile tests were conducted in May 2020, officials said.");
  if (const LocalEvent* t = with_trigger(g, "Missile tests")) CHECK(actor_with(g, *t, ParticipantRole::Source) == "");
}

TEST_CASE("from the parse: the user of a weapon is the doer, the names on it its origin") {
  Found f = run_parsed("Iran condemned Israel's use of US and French missiles to strike Syria in May 2020, the United States said.");
  const LocalEvent* strike = nullptr;
  for (const LocalEvent& e : f.events)
    if (e.type.compare(0, 2, "19") == 0) strike = &e;
  REQUIRE(strike);
  CHECK(actor_with(f, *strike, ParticipantRole::Source) == "Israel");
  CHECK(roles_of(f, *strike) != Roles{});
  for (const Participant& p : strike->participants)
    if (f.actors.actors[p.actor].name == "United States") CHECK(p.role != ParticipantRole::Source);
}

TEST_CASE("a sentence is parsed only where its tree can change the events") {
  // A verb of characterising with no hostile or praising word anywhere in
  // its sentence gives no event whatever the tree: the sentence is not
  // parsed for it. With such a word it is.
  auto parses = [](std::string_view text) {
    AnnotatedText at = analyze_text(text);
    std::vector<Timex> tx = tag_times(at, TimeOptions{});
    Analysis a = analyse_article(at);
    ActorExtraction actors = find_actors(at, a);
    std::vector<LocalStatement> none;
    std::vector<LocalEvent> ev = find_events(EventInput{at, actors, tx, none, std::nullopt, &a});
    return std::make_pair(a.parsed(), ev.size());
  };
  auto [plain, plain_events] = parses("Norway called Sweden's plan a first draft.");
  CHECK(plain == 0);
  CHECK(plain_events == 0);
  auto [hostile, hostile_events] = parses("Norway called Sweden's plan an illegal provocation.");
  CHECK(hostile == 1);
  CHECK(hostile_events == 1);
  // A question after the trigger is no event, and is not parsed for it.
  auto [asked, asked_events] = parses("Will Norway invade Sweden?");
  CHECK(asked == 0);
  CHECK(asked_events == 0);
}

TEST_CASE("word_flags reads a word as the clause mark and modal and adjunct checks do") {
  using namespace events::detail;
  for (std::string_view w : {"that", "That", "WHICH", ",", ";", "--", "as", "not", "n't", "Never", "will", "'ll",
                             "plans", "Expected", "could", "unless", "If", "after", "during", "Following", "attack",
                             "Norway", "", "considering", "considerable", "whereas", "."}) {
    const WordFlags f = word_flags(w);
    CHECK(f.clause_mark == is_clause_mark(w));
    CHECK(f.modal == modal_class(w));
    CHECK(f.adjunct == opens_adjunct(w));
  }
}
