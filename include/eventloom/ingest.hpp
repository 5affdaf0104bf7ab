// Ingest: from files to clean Documents.
//
// Readers for plain text, HTML pages and JSON Lines, and a directory walk by
// extension. A text or HTML file may hold several articles: the segmenter
// splits them and the cleaner keeps the paragraphs a reader would see
// (dropping repeated headlines and captions, "TT", teasers whose full text
// follows, "Source link", comment forms and pieces that are not news). The
// publication date comes from metadata or a dateline here; dating from the
// text is the time stage's.
//
// Nothing here throws on bad input: a file that cannot be read is reported
// in the Diagnostics with its name and reason, and the others go on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eventloom/diagnostics.hpp"
#include "eventloom/document.hpp"

namespace eventloom {

struct IngestOptions {
  uint64_t max_file_bytes = 512ull << 20;    // larger files are refused, named
  uint64_t max_article_bytes = 8ull << 20;   // one article larger than this is refused
  bool recursive = true;
  // Keep only shard `shard_index` of `shard_count` (0 <= index < count): an
  // article belongs to the shard its key hashes to (shard_of), so N runs
  // with the same inputs and indexes 0..N-1 read every article exactly once.
  uint32_t shard_index = 0;
  uint32_t shard_count = 1;
  // Split by whole files instead: a file belongs to the shard its relative
  // path hashes to, and the other shards do not read it at all (for corpora
  // of many more files than shards: no shard reads the whole corpus).
  bool shard_by_file = false;
};

// The shard of an article: a stable 64-bit hash (FNV-1a, mixed), modulo
// `count`, of its key: the path of its file relative to the input named (the
// file name for a file named itself, "-" for stdin), its id and the offset of
// its text there. Neither absolute paths nor times enter it, so a shard holds
// the same articles on every machine and in every run.
uint32_t shard_of(std::string_view relative_path, std::string_view id, uint64_t offset, uint32_t count);

struct IngestResult {
  std::vector<Document> documents;
  Diagnostics diagnostics;
  uint32_t files_read = 0;
  uint64_t bytes_read = 0;
  uint32_t files_elsewhere = 0;  // shard_by_file: files left to other shards, not read
};

// Read every input: files, directories (walked by extension), "-" for stdin.
IngestResult ingest(const std::vector<std::string>& inputs, const IngestOptions& opt = {});

// One input already in memory, read as ingest() reads a file named `name`:
// converted to UTF-8 when a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) or,
// for an HTML page that is not valid UTF-8, its <meta> charset says so;
// checked (binary, valid UTF-8, empty); then given to its format's reader.
// After a conversion, texts and offsets are those of the UTF-8 text.
void read_input(std::string_view name, std::string_view bytes, IngestResult& out, const IngestOptions& opt = {});

// The readers, one per format, on UTF-8 content already in memory. `name`
// is the file name used in diagnostics and sources.
enum class InputFormat : uint8_t { Text, Html, JsonLines };
InputFormat detect_format(std::string_view path, std::string_view content);
void read_text(std::string_view name, std::string_view content, IngestResult& out);
void read_html(std::string_view name, std::string_view content, IngestResult& out);
void read_jsonl(std::string_view name, std::string_view content, IngestResult& out);

// A piece of a text file, as the segmenter found it.
struct Segment {
  uint32_t begin = 0, end = 0;         // byte range in the file
  std::vector<Paragraph> paragraphs;   // kept paragraphs, offsets in the file
  std::string title;
  uint32_t first_line = 0;
  bool is_news = true;
  std::string dropped_reason;          // why it is not news ("teaser", "advertisement")
};

// Split a plain-text scrape into articles and clean each one.
std::vector<Segment> segment_text(std::string_view content);

// A dateline at the start of an article ("WASHINGTON, Feb 26 (Reuters) -"),
// resolved with the year of `year_hint` (0: none).
struct DatelineDate {
  bool found = false;
  int year = 0, month = 0, day = 0;
  std::string text;
};
DatelineDate parse_dateline(std::string_view s, int year_hint);

// Parse a metadata date ("2024-11-22", "2024-11-22T10:00:00Z", "Nov 22, 2024").
bool parse_metadata_date(std::string_view s, boost::gregorian::date& out);

// Site templates: text a site prints on many of its pages (a correspondent's
// teaser, a blog's welcome, a comment policy), which the cleaner cannot see
// because it reads one article at a time. The unit is the sentence of a body
// paragraph, compared by text::comparison_key(). A sentence is template text
// when it recurs in at least max(min_articles, min_share of them) of the
// distinct articles of its source. The source of an article is its URL's host,
// else its record id up to the last '/' ("SyrianCrisis_bbc/17"), else its
// JSON Lines file, else the folder of its file. Articles with the same words
// count once, so a story read twice never makes its own sentences a template;
// a quote that a few articles share stays far below the share.
struct TemplateOptions {
  bool enabled = true;
  double min_share = 0.2;     // of the source's distinct articles
  uint32_t min_articles = 5;
  uint32_t min_words = 4;     // shorter sentences never count ("U.S.", "He said.")
  uint32_t max_words = 80;    // nor longer ones: page furniture is short to medium
};

// The source an article is counted in for templates (see above).
std::string template_source(const SourceRef& s);

// A source where template text was found.
struct TemplateSource {
  std::string source;
  uint32_t articles = 0;    // distinct articles of the source
  uint32_t threshold = 0;   // how many of them a template sentence is in, at least
  uint32_t sentences = 0;   // distinct template sentences
  uint32_t marked = 0;      // articles of the source with template text marked
};

struct TemplateResult {
  // Per document, in input order: its paragraphs as ingest found them with
  // template sentences cut out as Template pieces (see Paragraph::continues).
  std::vector<std::vector<Paragraph>> paragraphs;
  std::vector<TemplateSource> sources;  // sorted by source
};

// Template text over a set of documents: a function of the set (not of its
// order); documents already marked are read as ingest found them. A document
// without text keeps its paragraphs. `jobs` threads analyse the articles.
TemplateResult find_templates(const std::vector<const Document*>& docs, const TemplateOptions& opt = {},
                              unsigned jobs = 0);

// The paragraphs as ingest found them: template pieces joined back into the
// body paragraphs they were cut from.
std::vector<Paragraph> untemplated_paragraphs(const std::vector<Paragraph>& paragraphs);

}  // namespace eventloom
