#include <fmt/format.h>

#include "eventloom/diagnostics.hpp"
#include "eventloom/document.hpp"

namespace eventloom {

const char* to_string(ParagraphKind k) {
  switch (k) {
    case ParagraphKind::Title: return "title";
    case ParagraphKind::Standfirst: return "standfirst";
    case ParagraphKind::Caption: return "caption";
    case ParagraphKind::Byline: return "byline";
    case ParagraphKind::Body: return "body";
    case ParagraphKind::Template: return "template";
  }
  return "body";
}

const char* to_string(DateSource s) {
  switch (s) {
    case DateSource::None: return "none";
    case DateSource::Metadata: return "metadata";
    case DateSource::Dateline: return "dateline";
    case DateSource::Text: return "text";
  }
  return "none";
}

std::string format_date(const boost::gregorian::date& d) {
  auto ymd = d.year_month_day();
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                     static_cast<int>(ymd.day));
}

std::string to_string(const Diagnostic& d) {
  const char* sev = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note";
  if (d.line) return fmt::format("{}:{}: {}: {}", d.file, d.line, sev, d.reason);
  return fmt::format("{}: {}: {}", d.file, sev, d.reason);
}

void Diagnostics::note(std::string file, uint32_t line, std::string reason) {
  items.push_back({Severity::Note, std::move(file), line, std::move(reason)});
}
void Diagnostics::warning(std::string file, uint32_t line, std::string reason) {
  items.push_back({Severity::Warning, std::move(file), line, std::move(reason)});
}
void Diagnostics::error(std::string file, uint32_t line, std::string reason) {
  items.push_back({Severity::Error, std::move(file), line, std::move(reason)});
}
bool Diagnostics::skipped_any() const {
  for (const auto& d : items)
    if (d.severity != Severity::Note) return true;
  return false;
}
void Diagnostics::append(const Diagnostics& other) {
  items.insert(items.end(), other.items.begin(), other.items.end());
}

}  // namespace eventloom
