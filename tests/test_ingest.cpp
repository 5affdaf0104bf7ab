// Ingest: segmentation and cleaning of scrapes, the readers, dates.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "eventloom/ingest.hpp"
#include "ingest/charset.hpp"
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

TEST_CASE("JSON Lines: a text's lines are paragraphs unless it is wrapped") {
  // A table of results, one row a line: no row runs into the next (it was
  // "Charlton Playing Sunday", one name).
  std::string table =
      "{\"id\":\"t\",\"text\":\"Results on Saturday :\\nBradford 1 Tranmere 0\\nPostponed : Birmingham v Barnsley , "
      "Manchester City v Charlton\\nPlaying Sunday : Queens Park Rangers v Bolton\\nDivision two\\nBlackpool 0 Wycombe 0\"}\n";
  IngestResult r;
  read_jsonl("t.jsonl", table, r);
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].paragraphs.size() == 6);
  // Wire copy wrapped at one width: its lines join into paragraphs; and a
  // note wrapped under a table runs on into its number.
  std::string wire =
      "{\"id\":\"w\",\"text\":\"Harold Kline, 48, will resign on\\nMay one as president of Liberty Financial Group Inc and its\\n"
      "Liberty Savings Bank unit to pursue other business\\nopportunities, the company said.\\n    Kline will continue to "
      "serve on the boards of Liberty\\nFinancial and Liberty Savings, the company added.\"}\n"
      "{\"id\":\"n\",\"text\":\"Shr 1.35 dlrs vs 1.53 dlrs\\nNet 42,137,000 vs 47,792,000\\nNOTE: Net excludes gains from sale "
      "of investments of\\n887,000 dlrs vs 304,000 dlrs.\"}\n";
  IngestResult w;
  read_jsonl("w.jsonl", wire, w);
  REQUIRE(w.documents.size() == 2);
  CHECK(w.documents[0].paragraphs.size() == 2);
  CHECK(w.documents[1].paragraphs.size() == 3);
  // Wire copy's first line is short because its dateline was cut: it runs
  // on ("Fidelity National Financial" / "Inc said ...").
  std::string first =
      "{\"id\":\"f\",\"text\":\"Fidelity National Financial\\nInc said its title insurance unit had a record year in 1986\\n"
      "and expected another gain in the first quarter of 1987.\"}\n";
  IngestResult fr;
  read_jsonl("f.jsonl", first, fr);
  REQUIRE(fr.documents.size() == 1);
  CHECK(fr.documents[0].paragraphs.size() == 1);
}

TEST_CASE("JSON Lines: the agency's sign-off is not part of the text read") {
  std::string f =
      "{\"id\":\"a\",\"text\":\"Prices rose.\\nTotal 55.8 (33.7).        REUTER\"}\n"
      "{\"id\":\"b\",\"text\":\"Prices rose.\\n\\nREUTER\"}\n"
      "{\"id\":\"c\",\"text\":\"Prices rose, said an official of Reuters\"}\n";
  IngestResult r;
  read_jsonl("s.jsonl", f, r);
  REQUIRE(r.documents.size() == 3);
  auto last = [&](size_t d) {
    const Document& doc = r.documents[d];
    const Span s = doc.paragraphs.back().span;
    return doc.text.substr(s.start, s.size());
  };
  CHECK(last(0) == "Total 55.8 (33.7).");
  CHECK(r.documents[1].paragraphs.size() == 1);
  CHECK(last(1) == "Prices rose.");
  CHECK(last(2) == "Prices rose, said an official of Reuters");  // a word of the sentence
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

namespace {

// A page around `head` (metadata) and a body whose bytes are given as they
// are in the page's encoding.
std::string legacy_page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "<title>Talks</title></head><body><h1>Talks resume</h1><p>" + body +
         "</p><p>The union said it would consider the offer.</p></body></html>\n";
}

// "WASHINGTON, March 3 (Reuters) - At the cafe, talks resume ..." with
// `e_acute`, `open_q`, `close_q` as the encoding writes é, “ and ”.
std::string story(const std::string& e_acute, const std::string& open_q, const std::string& close_q) {
  return "WASHINGTON, March 3 (Reuters) - The minister said at the caf" + e_acute + " on Monday that talks would " +
         "resume next week, " + open_q + "without delay," + close_q + " officials told reporters.";
}

const std::string kUtf8Story = story("\xC3\xA9", "\xE2\x80\x9C", "\xE2\x80\x9D");

std::string utf16(const std::string& ascii_or_latin1, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii_or_latin1) {
    char hi = 0, lo = c;
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

const Document& only_document(const IngestResult& r) {
  for (const Diagnostic& d : r.diagnostics.items) INFO(to_string(d));
  REQUIRE(r.documents.size() == 1);
  return r.documents[0];
}

bool noted(const IngestResult& r, const std::string& words) {
  for (const Diagnostic& d : r.diagnostics.items)
    if (d.severity == Severity::Note && d.reason.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("legacy encodings: a declared windows-1252 or latin-1 page is converted to UTF-8") {
  // windows-1252: é is E9, the curly quotes 93 and 94.
  const std::string cp1252 = story("\xE9", "\x93", "\x94");
  // <meta charset>; iso-8859-1 read as windows-1252, as browsers do;
  // http-equiv after other metadata (and a commented-out declaration); a
  // declaration past the first 1024 bytes, still in the head.
  const std::string heads[] = {
      "<meta charset=\"windows-1252\">",
      "<meta charset='ISO-8859-1'>",
      "<meta name=viewport content=\"width=device-width\"><!-- <meta charset=koi8-r> -->"
      "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=latin1\">",
      "<style>" + std::string(2000, ' ') + "</style><meta charset=windows-1252>",
  };
  SECTION("declared, the page is converted") {
    for (const std::string& head : heads) {
      INFO(head.substr(0, 80));
      IngestResult r;
      read_input("a.html", legacy_page(head, cp1252), r);
      CHECK(only_document(r).text.find(kUtf8Story) != std::string::npos);
      CHECK(noted(r, "read as windows-1252"));
    }
  }
  SECTION("content= without http-equiv declares nothing, and undeclared bytes stay an error with the line") {
    IngestResult r;
    read_input("e.html", "\n" + legacy_page("<meta content=\"text/html; charset=windows-1252\">", cp1252), r);
    CHECK(r.documents.empty());
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(r.diagnostics.items[0].severity == Severity::Error);
    CHECK(r.diagnostics.items[0].file == "e.html");
    CHECK(r.diagnostics.items[0].line == 2);
    CHECK(r.diagnostics.items[0].reason.find("invalid UTF-8") != std::string::npos);
  }
  SECTION("a page that declares latin-1 but is valid UTF-8 is read as UTF-8") {
    IngestResult r;
    read_input("f.html", legacy_page("<meta charset=iso-8859-1>", kUtf8Story), r);
    CHECK(only_document(r).text.find(kUtf8Story) != std::string::npos);
    CHECK(noted(r, "but is valid UTF-8"));
  }
  SECTION("an encoding iconv does not know is named") {
    IngestResult r;
    read_input("g.html", legacy_page("<meta charset=x-no-such-thing>", cp1252), r);
    CHECK(r.documents.empty());
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(r.diagnostics.items[0].reason.find("X-NO-SUCH-THING") != std::string::npos);
  }
}

TEST_CASE("byte-order marks: UTF-16 pages and text are converted, a UTF-8 mark is not text") {
  // In UTF-16 é is 00E9; the quotes are left straight here.
  const std::string latin1_story = story("\xE9", "\"", "\"");
  const std::string utf8_story = story("\xC3\xA9", "\"", "\"");
  for (bool le : {true, false}) {
    IngestResult r;
    read_input("p.html", utf16(legacy_page("", latin1_story), le), r);
    CHECK(only_document(r).text.find(utf8_story) != std::string::npos);
    CHECK(noted(r, le ? "read as UTF-16LE" : "read as UTF-16BE"));
  }
  IngestResult t;
  read_input("p.txt", utf16("Caf\xE9 talks resume\n\n" + latin1_story + "\n", true), t);
  const Document& d = only_document(t);
  CHECK(d.title == "Caf\xC3\xA9 talks resume");
  CHECK(d.text.find(utf8_story) != std::string::npos);
  // Offsets are into the UTF-8 text.
  for (const Paragraph& p : d.paragraphs) CHECK(p.span.end <= d.text.size());

  IngestResult u;
  read_input("u.txt", "\xEF\xBB\xBF" "Talks resume\n\n" + utf8_story + "\n", u);
  CHECK(only_document(u).title == "Talks resume");
  CHECK(only_document(u).sources[0].offset == 0);
}

TEST_CASE("the charset prescan and labels") {
  std::string how;
  CHECK(declared_html_charset("<html><head><meta charset=\"utf-8\">").name == "UTF-8");
  CHECK(declared_html_charset("<meta charset=' Windows-1252 '>", &how).name == "windows-1252");
  CHECK(how == "<meta charset=\"Windows-1252\">");
  CHECK(declared_html_charset("<meta http-equiv=content-type content='text/html;charset=\"gb2312\"'>").iconv ==
        "GB18030");
  CHECK(declared_html_charset("<meta charset=utf-16le>").name == "UTF-8");  // as the standard says
  CHECK(declared_html_charset("<script>document.write('<meta charset=koi8-r>')</script>").name.empty());
  CHECK(declared_html_charset("<body>" + std::string(1100, 'x') + "<meta charset=koi8-r>").name.empty());
  CHECK(charset_from_label("us-ascii").name == "windows-1252");
  CHECK(charset_from_label("shift_jis").iconv == "CP932");
  CHECK(charset_from_label("windows-1253").iconv == "WINDOWS-1253");  // not in the table: to iconv as written
  CHECK(charset_from_label("utf-8; rm -rf").name.empty());
  // windows-1252's unassigned bytes as the standard maps them; a bad
  // UTF-16 surrogate becomes U+FFFD.
  std::string out;
  size_t replaced = 0;
  REQUIRE(convert_to_utf8("a\x81\x80", "CP1252", out, replaced));
  CHECK(out == "a\xC2\x81\xE2\x82\xAC");
  CHECK(replaced == 0);
  REQUIRE(convert_to_utf8(std::string("a\0\x00\xDC", 4), "UTF-16LE", out, replaced));
  CHECK(out == "a\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(replaced == 2);
}

TEST_CASE("a short first line printed with a full stop is the headline, but a first sentence of a body is not") {
  std::string f =
      "Harbour chief calls new ferry plan 'a gamble'.\n\n"
      "The harbour chief criticised the plan for a new ferry line on Tuesday, saying the costs had not been counted.\n\n"
      "The board will vote on the plan next month.\n";
  auto segs = segment_text(f);
  REQUIRE(segs.size() == 1);
  CHECK(segs[0].title == "Harbour chief calls new ferry plan 'a gamble'.");
  CHECK(kept(f, segs[0], ParagraphKind::Body).size() == 2);

  std::string g =
      "The harbour chief criticised the plan for a new ferry line on Tuesday. He said the costs had not been counted.\n\n"
      "The board will vote on the plan next month.\n";
  auto lede = segment_text(g);
  REQUIRE(lede.size() == 1);
  CHECK(kept(g, lede[0], ParagraphKind::Title).empty());
}
