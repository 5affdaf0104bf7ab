// The text layer: normalisation with offsets, tokens, sentences, quotations.
#include <catch2/catch.hpp>

#include "eventloom/text.hpp"

using namespace eventloom;

namespace {
std::vector<std::string> sentences(std::string_view s) {
  AnnotatedText at = analyze_text(s);
  std::vector<std::string> out;
  for (const auto& sent : at.sentences) out.emplace_back(at.norm.view(sent.span));
  return out;
}
std::vector<std::string> words(std::string_view s) {
  AnnotatedText at = analyze_text(s);
  std::vector<std::string> out;
  for (const auto& t : at.tokens) out.emplace_back(at.word(t));
  return out;
}
}  // namespace

TEST_CASE("normalisation maps curly quotes, dashes and odd spaces, keeping offsets") {
  std::string orig = "Kiev’s “" "bluff” — said X…";
  NormText n(orig);
  CHECK(n.str() == "Kiev's \"bluff\" - said X...");
  // "bluff" in the normalised text maps back to its bytes in the original.
  auto pos = static_cast<uint32_t>(n.str().find("bluff"));
  uint32_t o = n.to_original(pos);
  CHECK(orig.substr(o, 5) == "bluff");
  uint32_t e = n.to_original(static_cast<uint32_t>(n.str().find("said")));
  CHECK(orig.substr(e, 4) == "said");
  CHECK(n.from_original(o) == pos);
  CHECK(n.to_original(static_cast<uint32_t>(n.str().size())) == orig.size());
}

TEST_CASE("tokens keep names, numbers, dates and possessives apart") {
  CHECK(words("Russia's 33-month-old war cost $2,000 on 2/13/2025.") ==
        std::vector<std::string>{"Russia", "'s", "33-month-old", "war", "cost", "$", "2,000", "on", "2/13/2025", "."});
  CHECK(words("U.S. and J.D. Vance met O'Brien") ==
        std::vector<std::string>{"U.S.", "and", "J.D.", "Vance", "met", "O'Brien"});
  CHECK(words("allies' weapons, 6.4 mln") == std::vector<std::string>{"allies", "'", "weapons", ",", "6.4", "mln"});
  CHECK(words("F-16 jets") == std::vector<std::string>{"F-16", "jets"});
}

TEST_CASE("sentences survive abbreviations, initials, decimals and quotations") {
  CHECK(sentences("Dr. Smith met Gen. Jones. They talked.") ==
        std::vector<std::string>{"Dr. Smith met Gen. Jones.", "They talked."});
  CHECK(sentences("J.D. Vance said the U.S. Senate would vote. The vote failed.") ==
        std::vector<std::string>{"J.D. Vance said the U.S. Senate would vote.", "The vote failed."});
  CHECK(sentences("Troops left the U.S. The base closed.") ==
        std::vector<std::string>{"Troops left the U.S.", "The base closed."});
  CHECK(sentences("Prices rose 6.4 percent. Sales fell.") ==
        std::vector<std::string>{"Prices rose 6.4 percent.", "Sales fell."});
  CHECK(sentences("\"Is it over?\" he asked. \"No.\" She left.") ==
        std::vector<std::string>{"\"Is it over?\" he asked.", "\"No.\"", "She left."});
}

TEST_CASE("quotation spans with curly, straight and unbalanced marks") {
  std::string s = "“The deal is off,” he said. \"We will see,\" X said.";
  AnnotatedText at = analyze_text(s);
  REQUIRE(at.quotes.size() == 2);
  CHECK(at.norm.view(at.quotes[0].inner) == "The deal is off,");
  CHECK(at.norm.view(at.quotes[1].inner) == "We will see,");
  AnnotatedText open = analyze_text("He said: \"this never closes");
  REQUIRE(open.quotes.size() == 1);
  CHECK_FALSE(open.quotes[0].closed);
  CHECK(open.norm.view(open.quotes[0].inner) == "this never closes");
  AnnotatedText nested = analyze_text("“He called it ‘a bluff’ today”");
  REQUIRE(nested.quotes.size() == 2);
  CHECK(nested.norm.view(nested.quotes[0].inner) == "He called it 'a bluff' today");
  CHECK(nested.norm.view(nested.quotes[1].inner) == "a bluff");
  CHECK(nested.quotes[1].depth == 1);
}

TEST_CASE("a height in feet and inches holds no quotation mark") {
  AnnotatedText at = analyze_text("The skipper is 6'3\" tall and \"very calm at sea,\" the crew said.");
  REQUIRE(at.quotes.size() == 1);
  CHECK(at.norm.view(at.quotes[0].inner) == "very calm at sea,");
}

// Every later stage reads a sentence whole for each word it looks at, so a
// text without full stops (a megabyte of one "sentence") is cut: after the
// last comma of a long stretch, else at the limit. Real sentences are far
// shorter and stay whole.
TEST_CASE("a sentence without end is cut into pieces of at most 600 tokens") {
  std::string plain, commas;
  for (int i = 0; i < 1000; ++i) plain += "the envoy said talks went well and ";
  for (int i = 0; i < 1000; ++i) commas += "talks went on, ";
  for (const std::string* s : {&plain, &commas}) {
    AnnotatedText at = analyze_text(*s);
    REQUIRE(at.sentences.size() > 1);
    uint32_t next = 0;
    for (const Sentence& sn : at.sentences) {
      CHECK(sn.first_token == next);  // every token in one sentence
      CHECK(sn.last_token - sn.first_token <= 600);
      next = sn.last_token;
    }
    CHECK(next == at.tokens.size());
  }
  AnnotatedText at = analyze_text(commas);
  for (size_t k = 0; k + 1 < at.sentences.size(); ++k) CHECK(at.norm.view(at.sentences[k].span).back() == ',');
  std::string real = "Russia, Ukraine and " + std::string(80, 'x') + " met on Monday in Geneva, officials said.";
  CHECK(analyze_text(real).sentences.size() == 1);
}
