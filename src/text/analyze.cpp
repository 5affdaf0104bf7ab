// Tokens, sentences and quotations of a Document's kept paragraphs.
//
// One left-to-right pass per paragraph makes the tokens: words (letters and
// digits, with inner hyphens, apostrophes and the separators of numbers and
// dates: "33-month-old", "O'Brien", "2,000", "6.4", "2/13/2025"), the
// possessive "'s", abbreviations that own their period ("U.S.", "J.D.",
// "Dr."), "..." and single punctuation marks. A second pass over the tokens
// splits sentences: a terminal mark ends one when what follows starts like a
// sentence; a title abbreviation ("Dr.", "Gen.") or an initial never does.
// A sentence that runs past kMaxSentenceTokens (a list, a text without full
// stops) is cut, after its last comma, semicolon or colon in the second half
// if it has one: the later stages read a sentence as a whole for each word
// they look at, so a sentence of a megabyte would make them quadratic.
#include <algorithm>
#include <array>
#include <cstring>

#include "eventloom/text.hpp"

namespace eventloom {
namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Code point at i is a letter (ASCII or one of the scripts we case).
bool letter_at(std::string_view t, size_t i, size_t* len = nullptr) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) {
    if (len) *len = 1;
    return is_ascii_alpha(static_cast<char>(c));
  }
  size_t j = i;
  uint32_t cp = text::next_code_point(t, j);
  if (len) *len = j - i;
  return text::is_upper_code_point(cp) || text::is_lower_code_point(cp) ||
         (cp >= 0x180 && cp < 0x2000 && cp != 0xFFFD);
}

bool word_char_at(std::string_view t, size_t i, size_t* len) {
  char c = t[i];
  if (static_cast<unsigned char>(c) < 0x80) {  // the common case, without a call
    *len = 1;
    return is_ascii_alnum(c);
  }
  return letter_at(t, i, len);
}

// Abbreviations that own their period. Titles never end a sentence.
constexpr std::array<std::string_view, 27> kTitles = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cmdr", "Adm",
    "Sen", "Rep", "Gov", "Pres", "Rev", "Hon", "St", "Mt", "Ft", "Messrs", "Gens", "Cpl", "Pvt", "Supt"};
constexpr std::array<std::string_view, 27> kOtherAbbrevs = {
    "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "Nos", "vs", "etc", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "Dept", "Univ", "Ave", "Blvd"};

template <typename List>
bool in_list(std::string_view w, const List& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Words that start sentences, lower-cased: after "U.S." or "Inc." they
// tell a sentence end from a name that goes on ("U.S. Senate").
constexpr std::array<std::string_view, 40> kStarters = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "this",
    "that", "there", "his", "her", "its", "their", "our", "as", "at", "if", "when", "while",
    "after", "before", "for", "some", "many", "officials", "meanwhile", "however", "also", "so",
    "yet", "since", "such", "these"};


uint16_t word_flags(std::string_view w) {
  uint16_t f = 0;
  int upper = 0, lower = 0;
  size_t i = 0;
  bool first = true;
  while (i < w.size()) {
    char c = w[i];
    if (is_digit(c)) {
      f |= kDigit;
      ++i;
    } else if (c == '-') {
      f |= kHyphen;
      ++i;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      if (is_ascii_alpha(c)) {
        f |= kAlpha;
        if (c <= 'Z') {
          ++upper;
          if (first) f |= kUpperInit;
        } else {
          ++lower;
        }
      }
      ++i;
    } else {
      uint32_t cp = text::next_code_point(w, i);
      f |= kAlpha;
      if (text::is_upper_code_point(cp)) {
        ++upper;
        if (first) f |= kUpperInit;
      } else {
        ++lower;
      }
    }
    first = false;
  }
  if (upper >= 2 && lower == 0) f |= kAllUpper;
  if (lower > 0 && upper == 0) f |= kLower;
  return f;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view t, std::vector<Token>& out) : t_(t), out_(out) {}

  void run(Span p) {
    size_t i = p.start;
    const size_t end = p.end;
    while (i < end) {
      char c = t_[i];
      size_t len = 0;
      if (is_space(c)) {
        ++i;
      } else if (word_char_at(t_, i, &len)) {
        i = word(i, end);
      } else if (c == '\'' && possessive_at(i, end, &len)) {
        emit(i, i + len, kPunct | kPossessive);
        i += len;
      } else if (c == '.' && i + 2 < end + 0 && i + 2 < t_.size() && t_[i + 1] == '.' && t_[i + 2] == '.') {
        emit(i, i + 3, kPunct);
        i += 3;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        size_t j = i;
        text::next_code_point(t_, j);
        emit(i, std::min(j, end), kPunct);
        i = j;
      } else {
        emit(i, i + 1, static_cast<uint16_t>(kPunct | (c == '"' || c == '\'' ? kQuote : 0)));
        ++i;
      }
    }
  }

 private:
  bool prev_adjacent_word(size_t i) const {
    return !out_.empty() && out_.back().span.end == i && out_.back().has(kAlpha);
  }

  // "'s" after a name, or a lone "'" after a plural ("allies' ").
  bool possessive_at(size_t i, size_t end, size_t* len) const {
    if (!prev_adjacent_word(i)) return false;
    if (i + 1 < end && (t_[i + 1] == 's' || t_[i + 1] == 'S') && (i + 2 >= end || !is_ascii_alnum(t_[i + 2]))) {
      *len = 2;
      return true;
    }
    std::string_view prev = t_.substr(out_.back().span.start, out_.back().span.size());
    if (!prev.empty() && (prev.back() == 's' || prev.back() == 'S') && (i + 1 >= end || !is_ascii_alnum(t_[i + 1]))) {
      *len = 1;
      return true;
    }
    return false;
  }

  size_t word(size_t start, size_t end) {
    size_t j = start, len = 0;
    while (j < end) {
      char c = t_[j];
      if (word_char_at(t_, j, &len)) {
        j += len;
      } else if (c == '-' && j + 1 < end && word_char_at(t_, j + 1, &len) && j > start) {
        ++j;
      } else if ((c == '.' || c == ',' || c == ':' || c == '/') && j > start && is_digit(t_[j - 1]) &&
                 j + 1 < end && is_digit(t_[j + 1])) {
        ++j;
      } else if (c == '\'' && j + 1 < end && letter_at(t_, j + 1)) {
        if ((t_[j + 1] == 's' || t_[j + 1] == 'S') && (j + 2 >= end || !is_ascii_alnum(t_[j + 2]))) break;
        ++j;
      } else if (c == '&' && j + 1 < end && t_[j - 1] >= 'A' && t_[j - 1] <= 'Z' && t_[j + 1] >= 'A' &&
                 t_[j + 1] <= 'Z') {
        ++j;
      } else {
        break;
      }
    }
    std::string_view w = t_.substr(start, j - start);
    uint16_t flags = word_flags(w);
    if (j < end && t_[j] == '.') {
      bool single_letter = w.size() == 1 && is_ascii_alpha(w[0]);
      if (single_letter) {
        // Initials and dotted abbreviations: "J.", "J.D.", "U.S.", "a.m."
        ++j;
        while (j + 1 < end && is_ascii_alpha(t_[j]) && t_[j + 1] == '.' &&
               (j + 2 >= end || !is_ascii_alnum(t_[j + 2])))
          j += 2;
        flags |= kAbbrev;
      } else if (in_list(w, kTitles) || in_list(w, kOtherAbbrevs)) {
        ++j;
        flags |= kAbbrev;
      }
    }
    emit(start, j, flags);
    return j;
  }

  void emit(size_t b, size_t e, uint16_t flags) {
    Token tok;
    tok.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    tok.flags = flags;
    out_.push_back(tok);
  }

  std::string_view t_;
  std::vector<Token>& out_;
};

bool is_closer(std::string_view w) { return w == "\"" || w == "'" || w == ")" || w == "]"; }

// Does the token after a sentence-final mark start a new sentence?
bool starts_sentence(const AnnotatedText& at, uint32_t k) {
  const Token& t = at.tokens[k];
  std::string_view w = at.word(t);
  if (t.has(kUpperInit) || t.has(kDigit)) return true;
  return w == "\"" || w == "(" || w == "'" || w == "[" || w == "-";
}

bool abbrev_ends_sentence(const AnnotatedText& at, uint32_t k, uint32_t last) {
  std::string_view w = at.word(k);
  std::string_view stem = w.substr(0, w.size() - 1);
  if (in_list(stem, kTitles)) return false;
  bool initial = stem.size() == 1;
  if (k + 1 >= last) return !initial;  // paragraph end
  const Token& next = at.tokens[k + 1];
  std::string_view nw = at.word(next);
  if (initial) return false;  // "J. Smith", "J.D. Vance"
  if (nw == "\"") return true;
  if (!next.has(kUpperInit)) return false;
  return in_list(text::lower_ascii(nw), kStarters);
}

// Real sentences stay far below: the longest of Timeline17's 190,000 has 577
// tokens (most of the longest are tables and lists).
constexpr uint32_t kMaxSentenceTokens = 600;

// Where to cut a sentence [start, k) that is too long: after the last
// clause mark of its second half, else at k.
uint32_t cut_point(const AnnotatedText& at, uint32_t start, uint32_t k) {
  for (uint32_t j = k; j-- > start + kMaxSentenceTokens / 2;) {
    std::string_view w = at.word(j);
    if (w == "," || w == ";" || w == ":") return j + 1;
  }
  return k;
}

void split_sentences(AnnotatedText& at, uint32_t para, uint32_t first, uint32_t last) {
  uint32_t start = first;
  auto close = [&](uint32_t end_tok) {
    if (end_tok <= start) return;
    Sentence s;
    s.first_token = start;
    s.last_token = end_tok;
    s.paragraph = para;
    s.span = {at.tokens[start].span.start, at.tokens[end_tok - 1].span.end};
    uint32_t idx = static_cast<uint32_t>(at.sentences.size());
    for (uint32_t k = start; k < end_tok; ++k) at.tokens[k].sentence = idx;
    at.tokens[start].flags |= kSentStart;
    at.sentences.push_back(s);
    start = end_tok;
  };
  for (uint32_t k = first; k < last; ++k) {
    if (k - start >= kMaxSentenceTokens) close(cut_point(at, start, k));
    const Token& t = at.tokens[k];
    std::string_view w = at.word(t);
    bool abbrev_end = t.has(kAbbrev) && abbrev_ends_sentence(at, k, last);
    if (!abbrev_end && !(w == "." || w == "!" || w == "?" || w == "...")) continue;
    uint32_t e = k + 1;
    // Closing quotes and brackets glued to the mark belong to this sentence.
    while (e < last && is_closer(at.word(e)) && at.tokens[e].span.start == at.tokens[e - 1].span.end) ++e;
    // Runs of marks ("?!", "..").
    while (e < last && (at.word(e) == "." || at.word(e) == "!" || at.word(e) == "?")) ++e;
    if (abbrev_end || e >= last || starts_sentence(at, e)) {
      close(e);
      k = e - 1;
    }
  }
  close(last);
}

// Quotation marks, found on the original text where “ and ” differ.
struct Mark {
  size_t pos, len;
  enum Kind { Open, Close, Either } kind;
  bool single;
};


// A '"' that ends a height or length in feet and inches (6'3", 5'11"):
// one or two digits after an apostrophe that follows a digit.
bool inch_mark(std::string_view t, size_t floor, size_t b) {
  auto digit = [&](size_t k) { return t[k] >= '0' && t[k] <= '9'; };
  size_t k = b;
  while (k > floor && b - k < 2 && digit(k - 1)) --k;
  return k < b && k >= floor + 2 && t[k - 1] == '\'' && digit(k - 2);
}

void find_quotes(const Document& doc, const NormText& norm, const std::vector<Paragraph>& paras,
                 std::vector<Quotation>& out) {
  std::string_view t = doc.text;
  for (uint32_t p = 0; p < paras.size(); ++p) {
    if (paras[p].kind == ParagraphKind::Template) continue;
    const Span ps = doc.paragraphs[p].span;
    struct Open {
      size_t pos, len;
      bool single;
    };
    std::vector<Open> stack;
    size_t doubles = 0;  // double marks open in the stack (not counted again for each mark)
    auto emit = [&](const Open& o, size_t close_pos, size_t close_len, bool closed) {
      Quotation q;
      uint32_t ob = static_cast<uint32_t>(o.pos), ie = static_cast<uint32_t>(close_pos);
      uint32_t oe = static_cast<uint32_t>(close_pos + close_len);
      q.outer = {norm.from_original(ob), norm.from_original(oe)};
      q.inner = {norm.from_original(static_cast<uint32_t>(o.pos + o.len)), norm.from_original(ie)};
      q.paragraph = p;
      q.closed = closed;
      q.depth = doubles > 0 ? 1 : 0;
      if (!q.inner.empty()) out.push_back(q);
    };
    size_t i = ps.start;
    while (i < ps.end) {
      // Only ", ', and the lead bytes of « » (C2) and of the curly marks
      // (E2) can start a quotation mark. No byte of these can continue a
      // UTF-8 sequence, so skipping the others byte by byte lands on the
      // same code point boundaries as decoding everything would.
      unsigned char lead = static_cast<unsigned char>(t[i]);
      if (lead != '"' && lead != '\'' && lead != 0xC2 && lead != 0xE2) {
        ++i;
        continue;
      }
      size_t b = i;
      uint32_t cp = text::next_code_point(t, i);
      size_t len = i - b;
      bool prev_space = b == ps.start || is_space(t[b - 1]) || std::strchr("([{-/", t[b - 1]) ||
                        (b >= 3 && (t.substr(b - 3, 3) == "\xE2\x80\x9C" || t.substr(b - 3, 3) == "\xE2\x80\x94" ||
                                    t.substr(b - 3, 3) == "\xE2\x80\x93"));
      bool next_space = i >= ps.end || is_space(t[i]) || std::strchr(",.;:!?)]-", t[i]) ||
                        static_cast<unsigned char>(t[i]) == 0xE2;
      bool prev_letter = b > ps.start && (is_ascii_alnum(t[b - 1]) || static_cast<unsigned char>(t[b - 1]) >= 0x80);
      bool next_letter = i < ps.end && (is_ascii_alnum(t[i]) || static_cast<unsigned char>(t[i]) >= 0x80);
      auto close_double = [&]() {
        auto it = std::find_if(stack.rbegin(), stack.rend(), [](const Open& o) { return !o.single; });
        if (it == stack.rend()) return false;
        Open o = *it;
        stack.erase(std::next(it).base(), stack.end());  // it, and the single marks above it
        --doubles;
        emit(o, b, len, true);
        return true;
      };
      switch (cp) {
        case 0x201C: case 0x201E: case 0x00AB:  // “ „ «
          stack.push_back({b, len, false});
          ++doubles;
          break;
        case 0x201D: case 0x00BB:  // ” »
          if (!close_double() && b > ps.start) {
            // A closing mark with no opening one: the quote began in an
            // earlier paragraph, or its opening mark was lost in the scrape.
            emit(Open{ps.start, 0, false}, b, len, true);
          }
          break;
        case '"': {
          if (inch_mark(t, ps.start, b)) break;  // 6'3": feet and inches
          bool has_open = doubles > 0;
          if (has_open && (next_space || !prev_space)) {
            close_double();
          } else if (!has_open && (prev_space || !next_space)) {
            stack.push_back({b, len, false});
            ++doubles;
          } else if (has_open) {
            close_double();
          } else {
            stack.push_back({b, len, false});
            ++doubles;
          }
          break;
        }
        case 0x2018:  // ‘
          if (!next_space) stack.push_back({b, len, true});
          break;
        case 0x2019: case '\'': {  // ’ or '
          if (prev_letter && next_letter) break;  // apostrophe
          bool single_open = !stack.empty() && stack.back().single;
          if (single_open && !next_letter) {
            Open o = stack.back();
            stack.pop_back();
            emit(o, b, len, true);
          } else if (cp == '\'' && prev_space && next_letter) {
            stack.push_back({b, len, true});
          }
          break;
        }
        default:
          break;
      }
    }
    // Unclosed double quotes run to the end of the paragraph.
    while (!stack.empty()) {
      Open o = stack.back();
      stack.pop_back();
      if (!o.single) {
        --doubles;
        emit(o, ps.end, 0, false);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Quotation& a, const Quotation& b) { return a.outer < b.outer; });
}

}  // namespace

uint32_t AnnotatedText::token_at(uint32_t pos) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                             [](const Token& t, uint32_t p) { return t.span.start < p; });
  return static_cast<uint32_t>(it - tokens.begin());
}

AnnotatedText analyze(const Document& doc) {
  AnnotatedText at;
  at.norm = NormText(doc.text);
  at.paragraphs.reserve(doc.paragraphs.size());
  for (const Paragraph& p : doc.paragraphs)
    at.paragraphs.push_back({Span{at.norm.from_original(p.span.start), at.norm.from_original(p.span.end)}, p.kind});
  at.tokens.reserve(at.norm.str().size() / 5);
  Tokenizer tok(at.norm.str(), at.tokens);
  for (uint32_t p = 0; p < at.paragraphs.size(); ++p) {
    if (at.paragraphs[p].kind == ParagraphKind::Template) continue;  // site template: kept, not read
    uint32_t first = static_cast<uint32_t>(at.tokens.size());
    tok.run(at.paragraphs[p].span);
    split_sentences(at, p, first, static_cast<uint32_t>(at.tokens.size()));
  }
  find_quotes(doc, at.norm, at.paragraphs, at.quotes);
  return at;
}

AnnotatedText analyze_text(std::string_view text) {
  Document doc;
  doc.text = std::string(text);
  doc.paragraphs.push_back({Span{0, static_cast<uint32_t>(text.size())}, ParagraphKind::Body});
  return analyze(doc);
}

}  // namespace eventloom
