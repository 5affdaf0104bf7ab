// Ingest: segmentation and cleaning of scrapes, the readers, dates.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "eventloom/ingest.hpp"
#include "test_support.hpp"

using namespace eventloom;
namespace fs = std::filesystem;

using test_support::slurp;

namespace {
std::vector<std::string> kept(const std::string& content, const Segment& s, ParagraphKind kind) {
  std::vector<std::string> out;
  for (const auto& p : s.paragraphs)
    if (p.kind == kind) out.push_back(content.substr(p.span.start, p.span.size()));
  return out;
}
}  // namespace

TEST_CASE("a scrape with repeated headlines, captions and TT splits into its articles") {
  std::string f =
      "Border Talks Collapse in Marenholt\n\n"
      "A guard stands at the crossing on 3 May 2019. (AFP)\n"
      "A guard stands at the crossing on 3 May 2019. (AFP)\n"
      "TT\n\n"
      "Border Talks Collapse in Marenholt\n\n"
      "A guard stands at the crossing on 3 May 2019. (AFP)\n\n"
      "Talks between the two governments collapsed on Tuesday, officials said.\n\n"
      "\"We are done,\" the envoy said.\n\nSource link\n\n\n\n"
      "Second Story Headline Here\n\n"
      "Second Story Headline Here\n\n"
      "The second story has a body paragraph that is long enough to be news.\n";
  auto segs = segment_text(f);
  REQUIRE(segs.size() == 2);
  CHECK(segs[0].title == "Border Talks Collapse in Marenholt");
  CHECK(kept(f, segs[0], ParagraphKind::Caption).size() == 1);
  auto body = kept(f, segs[0], ParagraphKind::Body);
  REQUIRE(body.size() == 2);
  CHECK(body[1] == "\"We are done,\" the envoy said.");
  CHECK(segs[1].title == "Second Story Headline Here");
  CHECK(segs[1].is_news);
}

TEST_CASE("feed scrapes: glued subtitle lines start articles, lone teasers and ads are not news") {
  std::string f =
      "Something happened somewhere and a teaser tells of it before the text is cut off, as feeds do [\xE2\x80\xA6]\n"
      "Did you know your business can grow faster? If you want your customers to stay, you need us. Therefore, it [\xE2\x80\xA6]\n"
      "Ministers met on Friday to discuss the plan The ministers of both countries met on Friday in the capital to talk [\xE2\x80\xA6]\n"
      "Ministers met on Friday to discuss the plan\n"
      "The ministers of both countries met on Friday in the capital to talk about the plan, officials said.\n"
      "They agreed to meet again next month.\n";
  auto segs = segment_text(f);
  REQUIRE(segs.size() == 3);
  CHECK_FALSE(segs[0].is_news);
  CHECK_FALSE(segs[1].is_news);
  CHECK(segs[1].dropped_reason == "an advertisement");
  CHECK(segs[2].is_news);
  CHECK(segs[2].title == "Ministers met on Friday to discuss the plan");
  CHECK(kept(f, segs[2], ParagraphKind::Body).size() == 2);
}

TEST_CASE("the seed files give the articles a reader sees", "[shared]") {
  const fs::path kSeeds = test_support::shared_dir() / "seeds";
  if (!fs::exists(kSeeds)) SKIP_TEST("no " << kSeeds);
  std::vector<std::pair<std::string, size_t>> expected = {
      {"000_ed97b0ca02a30789.txt", 2}, {"001_a4e532734f92cbf6.txt", 2}, {"002_fc305638f481958c.txt", 1},
      {"003_45b39b5889d0e37c.txt", 1}, {"004_c17df665f48eee7d.txt", 9}};
  for (const auto& [name, n] : expected) {
    IngestResult r = ingest({(kSeeds / name).string()});
    INFO(name);
    CHECK(r.documents.size() == n);
    for (const auto& d : r.documents) {
      CHECK_FALSE(d.title.empty());
      CHECK(d.sources.size() == 1);
    }
  }
  IngestResult r = ingest({(kSeeds / "000_ed97b0ca02a30789.txt").string()});
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].title == "Russia Considering Downgrading Relations with the West, the Kremlin Says");
  CHECK(r.documents[1].title == "Ukrainians Worry about Trump Effort to End War with Russia, Though Some Hope for the Best");
  // The article's text is its slice of the file: offsets stay valid.
  std::string file = slurp(kSeeds / "000_ed97b0ca02a30789.txt");
  const Document& d = r.documents[1];
  CHECK(file.compare(d.sources[0].offset, d.text.size(), d.text) == 0);
}

TEST_CASE("JSON Lines: fields, unknown fields kept, a malformed line named") {
  std::string f =
      "{\"id\":\"a1\",\"title\":\"T\",\"date\":\"2024-11-22T10:00:00Z\",\"text\":\"Body one.\",\"section\":\"World\"}\n"
      "{\"id\":\"a2\",\"published\":\"Nov 3, 2024\",\"body\":\"Body two.\",\"url\":\"https://example.org/a2\"}\n"
      "{\"id\":\"a3\", \"text\": broken\n"
      "{\"id\":\"a4\",\"text\":\"WASHINGTON, March 4, 2025 (Wirepress) - Body four.\"}\n";
  IngestResult r;
  read_jsonl("wire.jsonl", f, r);
  REQUIRE(r.documents.size() == 3);
  CHECK(r.documents[0].id == "a1");
  CHECK(format_date(*r.documents[0].published) == "2024-11-22");
  CHECK(r.documents[0].extra_fields.size() == 1);
  CHECK(r.documents[0].extra_fields[0].second == "\"World\"");
  CHECK(format_date(*r.documents[1].published) == "2024-11-03");
  CHECK(r.documents[1].sources[0].url == "https://example.org/a2");
  CHECK(r.documents[2].published_from == DateSource::Dateline);
  CHECK(format_date(*r.documents[2].published) == "2025-03-04");
  REQUIRE(r.diagnostics.items.size() == 1);
  CHECK(r.diagnostics.items[0].line == 3);
  CHECK(r.diagnostics.items[0].severity == Severity::Warning);
}

TEST_CASE("HTML: article text, caption, metadata date, boilerplate skipped") {
  std::string page =
      "<!doctype html><html><head><title>Site | Story</title>"
      "<meta property=\"article:published_time\" content=\"2025-03-13T08:00:00Z\">"
      "<meta property=\"og:url\" content=\"https://example.org/story\"></head><body>"
      "<nav><a href=/>Home</a></nav><div class=\"cookie-banner\"><p>We use cookies to improve your visit.</p></div>"
      "<article><h1>Leaders Speak by Phone</h1><figure><img src=x.jpg><figcaption>The palace in 2019. (File)</figcaption></figure>"
      "<p>The two leaders spoke by phone on Wednesday, &ldquo;a first step,&rdquo; aides&nbsp;said.</p>"
      "<aside><p>Related stories</p></aside><p>Talks are due next week.</p></article>"
      "<footer><p>All rights reserved.</p></footer></body></html>";
  IngestResult r;
  read_html("page.html", page, r);
  REQUIRE(r.documents.size() == 1);
  const Document& d = r.documents[0];
  CHECK(d.title == "Leaders Speak by Phone");
  CHECK(format_date(*d.published) == "2025-03-13");
  CHECK(d.sources[0].url == "https://example.org/story");
  CHECK(d.text.find("cookies") == std::string::npos);
  CHECK(d.text.find("Related") == std::string::npos);
  CHECK(d.text.find("\xE2\x80\x9C" "a first step,\xE2\x80\x9D") != std::string::npos);
  int captions = 0;
  for (const auto& p : d.paragraphs) captions += p.kind == ParagraphKind::Caption;
  CHECK(captions == 1);
}

TEST_CASE("metadata dates and datelines, and impossible dates refused") {
  boost::gregorian::date d;
  CHECK(parse_metadata_date("2024-02-29", d));
  CHECK_FALSE(parse_metadata_date("2023-02-29", d));
  CHECK(parse_metadata_date("Fri, 22 Nov 2024 10:00:00 GMT", d));
  CHECK(format_date(d) == "2024-11-22");
  CHECK(parse_metadata_date("February 13, 2025", d));
  CHECK_FALSE(parse_metadata_date("32 March 2024", d));
  CHECK_FALSE(parse_metadata_date("99999-01-01", d));
  auto dl = parse_dateline("WASHINGTON, Feb 26 (Reuters) - The U.S. said", 1987);
  CHECK(dl.found);
  CHECK(dl.month == 2);
  CHECK(dl.day == 26);
  CHECK(dl.year == 1987);
  CHECK_FALSE(parse_dateline("The president said on Feb 26 - a Thursday", 0).found);
}
