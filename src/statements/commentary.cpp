// 3b. Commentary blocks: a line inside an article that names a person with
// their role ("Anna Berg, economist at the Valdoria Institute:") and the
// paragraphs after it that quote and report no one else are that person's
// words, one statement a paragraph (see the top of statements.cpp).
#include <algorithm>

#include "statements/stages.hpp"

namespace eventloom::statements {
namespace {

constexpr uint32_t kMaxNameLineWords = 16;
constexpr uint32_t kMaxCommentParagraphs = 10;
constexpr uint32_t kMinCommentWords = 5;

class Commentary : Reader {
 public:
  Commentary(const Article& a, std::vector<Draft>& drafts) : Reader(a), drafts_(drafts) {}

  void run() {
    if (!in_.analysis || sents_.empty()) return;
    paragraph_tokens();
    std::vector<uint8_t> reported(at_.paragraphs.size(), 0);  // a paragraph with a statement of its own
    for (const Draft& d : drafts_)
      if (d.paragraph < reported.size()) reported[d.paragraph] = 1;
    bool body_seen = false;
    for (uint32_t p = 0; p < at_.paragraphs.size(); ++p) {
      TokRange name;
      if (body_seen && name_line(p, name)) {
        uint32_t q = p + 1, made = 0;
        for (; q < at_.paragraphs.size() && made < kMaxCommentParagraphs; ++q, ++made) {
          TokRange dummy;
          if (at_.paragraphs[q].kind != ParagraphKind::Body || reported[q] || name_line(q, dummy)) break;
          if (!comment_paragraph(q)) break;
          Draft d;
          d.direct = true;
          d.speaker = name;
          d.paragraph = q;
          d.content = span_of(ptoks_[q]);
          d.last_sentence = sidx(ptoks_[q].last - 1);
          drafts_.push_back(d);
        }
        p = q - 1;
        continue;
      }
      if (at_.paragraphs[p].kind == ParagraphKind::Body && !ptoks_[p].empty()) body_seen = true;
    }
  }

 private:
  void paragraph_tokens() {
    ptoks_.assign(at_.paragraphs.size(), TokRange{});
    for (const Sentence& s : sents_) {
      TokRange& r = ptoks_[s.paragraph];
      if (r.empty()) r = {s.first_token, s.last_token};
      else r.last = s.last_token;
    }
  }

  bool is_verb(uint32_t t) const {
    const Analysis& an = *in_.analysis;
    std::string_view u = upos(an.words[an.token_word[t]].tag);
    return u == "VERB" || u == "AUX";
  }

  // A person's name at the start of the line, then a role after a comma, a
  // dash or a bracket, or a colon: no verb, no quotation.
  bool name_line(uint32_t p, TokRange& name) const {
    const TokRange r = ptoks_[p];
    const ParagraphKind kind = at_.paragraphs[p].kind;
    if (r.empty() || !(kind == ParagraphKind::Body || kind == ParagraphKind::Byline)) return false;
    uint32_t words = 0;
    for (uint32_t k = r.first; k < r.last; ++k) {
      if (tok(k).has(kQuote) || in_quote_[k] || is_verb(k)) return false;
      words += tok(k).has(kAlpha) ? 1 : 0;
    }
    if (words < 2 || words > kMaxNameLineWords) return false;
    auto m = mentions_from(tok(r.first).span.start);
    if (m == in_.actors.mentions.end() || m->span.start != tok(r.first).span.start) return false;
    if (m->actor >= in_.actors.actors.size() || in_.actors.actors[m->actor].type != ActorType::Person) return false;
    uint32_t after = at_.token_at(m->span.end);
    while (after < r.last && tok(after).span.start < m->span.end) ++after;
    name = {r.first, after};
    if (after >= r.last) return false;  // a name alone: a caption, a signature
    const bool colon_end = is(r.last - 1, ":");
    const bool role = is(after, ",") || is(after, "-") || is(after, "\xE2\x80\x93") || is(after, "\xE2\x80\x94") ||
                      is(after, "(");
    if (!(role || (is(after, ":") && after + 1 == r.last))) return false;
    return colon_end || !is(r.last - 1, ".") || words <= 10;
  }

  // A paragraph of the expert's own words: long enough, no quotation.
  bool comment_paragraph(uint32_t q) const {
    const TokRange r = ptoks_[q];
    if (r.empty()) return false;
    uint32_t words = 0;
    for (uint32_t k = r.first; k < r.last; ++k) {
      if (in_quote_[k]) return false;
      words += tok(k).has(kAlpha) ? 1 : 0;
    }
    return words >= kMinCommentWords;
  }

  std::vector<Draft>& drafts_;
  std::vector<TokRange> ptoks_;
};

}  // namespace

void add_commentary(const Article& a, std::vector<Draft>& drafts) { Commentary(a, drafts).run(); }

}  // namespace eventloom::statements
