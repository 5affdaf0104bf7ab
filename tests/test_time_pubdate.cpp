// Dating an article from its own text.
#include <catch2/catch.hpp>

#include "eventloom/text.hpp"
#include "eventloom/time.hpp"

using namespace eventloom;

namespace {
// Paragraphs separated by blank lines; those starting "Photo:" are captions.
AnnotatedText article(const std::string& text) {
  Document doc;
  doc.text = text;
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find("\n\n", p);
    if (e == std::string::npos) e = text.size();
    Paragraph para;
    para.span = {static_cast<uint32_t>(p), static_cast<uint32_t>(e)};
    if (text.compare(p, 6, "Photo:") == 0) para.kind = ParagraphKind::Caption;
    doc.paragraphs.push_back(para);
    p = e + 2;
  }
  return analyze(doc);
}
}  // namespace

TEST_CASE("a caption date that the body's weekdays agree with dates the article") {
  auto at = article(
      "Photo: Firefighters at a damaged building in a port city on March 7, 2023.\n\n"
      "Officials said on Tuesday that the strike killed four people. Rescuers worked through Tuesday night.");
  auto g = infer_publication_date(at);
  REQUIRE(g.date);
  CHECK(format_date(*g.date) == "2023-03-07");
  CHECK_FALSE(g.evidence.empty());
}

TEST_CASE("a file photo older than the story does not date it") {
  auto at = article(
      "Photo: The minister at a forum on 12 May 2016.\n\n"
      "The ministry said on Thursday that it would respond. The conflict began in 2020.");
  CHECK_FALSE(infer_publication_date(at).date);
}

TEST_CASE("a caption date with no weekday agreement stays unused") {
  auto at = article(
      "Photo: A rally in the capital on June 3, 2021.\n\n"
      "The opposition plans more protests, organisers said.");
  CHECK_FALSE(infer_publication_date(at).date);
}

TEST_CASE("no date at all gives none") {
  auto at = article("The Kremlin said on Saturday it was ready to talk.");
  CHECK_FALSE(infer_publication_date(at).date);
}

TEST_CASE("a past weekday just after the explicit date is the newer day") {
  auto at = article(
      "The ministry said the five had been declared persona non grata on March 4, 2025. "
      "They were expelled on Tuesday.\n\n"
      "Officials met again on Tuesday. The crossing remained closed on Wednesday.");
  auto g = infer_publication_date(at);
  REQUIRE(g.date);
  CHECK(format_date(*g.date) == "2025-03-05");
}

TEST_CASE("a date and weekdays about the future are not evidence") {
  auto at = article(
      "Talks opened on Monday and a second round was under way on Tuesday.\n\n"
      "The government has offered to host the talks until March 31, 2025. A draft could be ready by Thursday, "
      "and ministers will meet again on Monday.");
  auto g = infer_publication_date(at);
  CHECK_FALSE(g.date);
}
