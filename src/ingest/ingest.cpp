// Reading inputs: files, directories and stdin, with every failure named.
//
// Each input is read whole (articles are small; a file over the size limit is
// refused with its size), converted to UTF-8 when a byte-order mark or an
// HTML page's <meta> charset says it is in another encoding (charset.hpp),
// checked for binary content (NUL bytes) and for valid UTF-8 (utfcpp,
// reporting the byte offset and line of the first bad sequence), then handed
// to the reader of its format. A failure skips that input only.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>
#include <simdjson.h>
#include <utf8cpp/utf8.h>

#include "eventloom/ingest.hpp"
#include "eventloom/text.hpp"
#include "ingest/charset.hpp"
#include "util/hash.hpp"

namespace fs = std::filesystem;

namespace eventloom {
namespace {

bool has_extension(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = text::lower_ascii(p.extension().string());
  return std::any_of(exts.begin(), exts.end(), [&](const char* x) { return e == x; });
}

bool readable_extension(const fs::path& p) {
  return has_extension(p, {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json"});
}

uint32_t line_of(std::string_view s, size_t offset) {
  return 1 + static_cast<uint32_t>(std::count(s.begin(), s.begin() + std::min(offset, s.size()), '\n'));
}

// Articles over the size limit are refused: a file with no paragraph breaks
// at all is almost never one news article, and extraction assumes articles.
void drop_huge_articles(const std::string& name, size_t first, uint64_t limit, IngestResult& out) {
  auto& docs = out.documents;
  for (size_t i = first; i < docs.size();) {
    if (docs[i].text.size() <= limit) {
      ++i;
      continue;
    }
    uint32_t line = docs[i].sources.empty() ? 0 : docs[i].sources[0].line;
    out.diagnostics.warning(name, line,
                            fmt::format("article of {:.1f} MB is over the {:.0f} MB limit for one article, skipped",
                                        static_cast<double>(docs[i].text.size()) / 1e6, static_cast<double>(limit) / 1e6));
    docs.erase(docs.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

// Drops the articles from `first` on that are not in the shard asked for.
void keep_shard(std::string_view relative, size_t first, const IngestOptions& opt, IngestResult& out) {
  if (opt.shard_count <= 1 || opt.shard_by_file) return;
  auto& docs = out.documents;
  auto keep = docs.begin() + static_cast<std::ptrdiff_t>(first);
  for (auto it = keep; it != docs.end(); ++it) {
    uint64_t offset = it->sources.empty() ? 0 : it->sources[0].offset;
    if (shard_of(relative, it->id, offset, opt.shard_count) == opt.shard_index) {
      if (keep != it) *keep = std::move(*it);
      ++keep;
    }
  }
  docs.erase(keep, docs.end());
}

// shard_by_file: whether the file `relative` is another shard's (counted, not read).
bool elsewhere(std::string_view relative, const IngestOptions& opt, IngestResult& out) {
  if (!opt.shard_by_file || opt.shard_count <= 1 || shard_of(relative, {}, 0, opt.shard_count) == opt.shard_index)
    return false;
  ++out.files_elsewhere;
  return true;
}

void read_content(const std::string& name, std::string_view bytes, const IngestOptions& opt, IngestResult& out,
                  std::string_view relative) {
  // A byte-order mark, or an HTML page's declared charset, may call for a
  // conversion to UTF-8 first: then the readers see, and the offsets point
  // into, the converted text.
  std::string converted;
  std::string_view content = bytes;
  switch (decode_input(name, bytes, detect_format(name, bytes) == InputFormat::Html, converted, out.diagnostics)) {
    case Decoded::AsIs: break;
    case Decoded::Converted: content = converted; break;
    case Decoded::Failed: return;
  }
  if (content.find('\0') != std::string_view::npos) {
    out.diagnostics.error(name, 0, "binary file (contains NUL bytes), skipped");
    return;
  }
  // simdjson's validator is many times faster; utf8cpp finds where it broke.
  auto bad = simdjson::validate_utf8(content.data(), content.size())
                 ? content.end()
                 : utf8::find_invalid(content.begin(), content.end());
  if (bad != content.end()) {
    size_t off = static_cast<size_t>(bad - content.begin());
    out.diagnostics.error(name, line_of(content, off),
                          fmt::format("invalid UTF-8 at byte {}, file skipped (convert it to UTF-8 first)", off));
    return;
  }
  if (text::trim(content).empty()) {
    out.diagnostics.error(name, 0, "empty file, no articles");
    return;
  }
  size_t before = out.documents.size();
  size_t diagnostics_before = out.diagnostics.items.size();
  switch (detect_format(name, content)) {
    case InputFormat::Html: read_html(name, content, out); break;
    case InputFormat::JsonLines: read_jsonl(name, content, out); break;
    case InputFormat::Text: read_text(name, content, out); break;
  }
  drop_huge_articles(name, before, opt.max_article_bytes, out);
  ++out.files_read;
  out.bytes_read += bytes.size();
  bool reported = std::any_of(out.diagnostics.items.begin() + static_cast<std::ptrdiff_t>(diagnostics_before),
                              out.diagnostics.items.end(), [](const Diagnostic& d) { return d.severity != Severity::Note; });
  if (out.documents.size() == before && !reported)
    out.diagnostics.warning(name, 0, "no news article found in this file");
  keep_shard(relative, before, opt, out);
}

void read_file(const fs::path& path, const std::string& name, const IngestOptions& opt, IngestResult& out,
               std::string_view relative) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    out.diagnostics.error(name, 0, fmt::format("cannot read: {}", ec.message()));
    return;
  }
  if (size > opt.max_file_bytes) {
    out.diagnostics.error(name, 0, fmt::format("file of {} bytes is over the limit of {} bytes, skipped", size,
                                               opt.max_file_bytes));
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.diagnostics.error(name, 0, fmt::format("cannot open: {}", std::strerror(errno)));
    return;
  }
  std::string content(size, '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  if (static_cast<uint64_t>(in.gcount()) != size) {
    out.diagnostics.error(name, 0, "read error (file changed or unreadable while reading)");
    return;
  }
  read_content(name, content, opt, out, relative);
}

}  // namespace

uint32_t shard_of(std::string_view relative_path, std::string_view id, uint64_t offset, uint32_t count) {
  if (count <= 1) return 0;
  uint64_t h = util::fnv1a(relative_path);
  h = util::fnv1a(std::string_view("\n", 1), h);
  h = util::fnv1a(id, h);
  h = util::mix64(h ^ offset);
  return static_cast<uint32_t>(h % count);
}

InputFormat detect_format(std::string_view path, std::string_view content) {
  fs::path p(path);
  if (has_extension(p, {".jsonl", ".ndjson", ".json"})) return InputFormat::JsonLines;
  if (has_extension(p, {".html", ".htm", ".xhtml"})) return InputFormat::Html;
  std::string_view head = text::trim(content.substr(0, 512));
  std::string lower = text::lower_ascii(head.substr(0, 64));
  if (lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0) return InputFormat::Html;
  if (!head.empty() && head[0] == '{' && head.find("\"text\"") != std::string_view::npos) return InputFormat::JsonLines;
  return InputFormat::Text;
}

void read_input(std::string_view name, std::string_view bytes, IngestResult& out, const IngestOptions& opt) {
  std::string n(name);
  read_content(n, bytes, opt, out, fs::path(n).filename().string());
}

IngestResult ingest(const std::vector<std::string>& inputs, const IngestOptions& opt) {
  IngestResult out;
  for (const std::string& input : inputs) {
    if (input == "-") {
      std::string content((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      if (!elsewhere("-", opt, out)) read_content("-", content, opt, out, "-");
      continue;
    }
    fs::path path(input);
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      out.diagnostics.error(input, 0, "no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> files;
      auto opts = fs::directory_options::skip_permission_denied;
      for (auto it = fs::recursive_directory_iterator(path, opts, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (!opt.recursive && it.depth() > 0) continue;
        if (it->is_regular_file(ec) && readable_extension(it->path())) files.push_back(it->path());
      }
      if (ec) out.diagnostics.warning(input, 0, fmt::format("directory walk stopped early: {}", ec.message()));
      if (files.empty()) {
        out.diagnostics.error(input, 0, "directory holds no .txt, .html or .jsonl files");
        continue;
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::string relative = f.lexically_relative(path).generic_string();
        if (!elsewhere(relative, opt, out)) read_file(f, f.string(), opt, out, relative);
      }
      continue;
    }
    if (!elsewhere(path.filename().generic_string(), opt, out))
      read_file(path, input, opt, out, path.filename().generic_string());
  }
  return out;
}

}  // namespace eventloom
