// analyse_article(): the tagger over every sentence's pieces, then the name tagger
// over its tokens, with the article as the name tagger's memory.
#include "eventloom/analyse.hpp"

#include "analyse/models.hpp"
#include "analyse/pieces.hpp"

namespace eventloom {

const char* to_string(NameType t) {
  switch (t) {
    case NameType::Person: return "PER";
    case NameType::Org: return "ORG";
    case NameType::Loc: return "LOC";
    case NameType::Misc: return "MISC";
    case NameType::None: break;
  }
  return "O";
}

std::string_view upos(uint8_t tag) {
  const auto& m = analyse::models().tagger_model;
  return tag < m.classes() ? analyse::upos_of(m.class_name(tag)) : std::string_view("X");
}

std::string_view xpos(uint8_t tag) {
  const auto& m = analyse::models().tagger_model;
  return tag < m.classes() ? analyse::xpos_of(m.class_name(tag)) : std::string_view("XX");
}

void tag_words(const std::vector<std::string_view>& words, std::vector<uint8_t>& tags) {
  analyse::models().tagger.tag(words, tags);
}

namespace {

// Lower-case words that names hold ("Bank of England", "Trinidad and
// Tobago", "Ludwig van Beethoven").
bool name_connector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {"of", "for", "and", "the", "de", "van", "von", "der", "den", "du",
                                                      "la", "le", "del", "della", "da", "di", "dos", "y", "al", "el",
                                                      "bin", "ibn", "on", "upon", "'s", "'", "&"};
  for (auto c : kConnectors)
    if (w == c) return true;
  return false;
}

// A greedy tagger that opened a name must go on with it, and sometimes runs
// over words no name holds ("US under Biden, despite"): such words (lower
// case, no connector; punctuation that ends a phrase) split the name, and
// each piece with a capital or a digit is a name of the type.
//
// "and" splits a place or a person ("the West and Ukraine") unless the
// gazetteer knows the whole ("Trinidad and Tobago"): `whole` says so.
void split_name(const AnnotatedText& at, NameMention m, bool whole, Analysis& a) {
  auto breaks = [&](uint32_t k) {
    std::string_view w = at.word(k);
    if (w == "," || w == ";" || w == ":" || w == "(" || w == ")" || w == "\"" || w == "!" || w == "?") return true;
    if (w == "and" && !whole && (m.type == NameType::Loc || m.type == NameType::Person)) return true;
    return at.tokens[k].has(kLower) && !name_connector(w);
  };
  auto emit = [&](uint32_t b, uint32_t e) {
    while (b < e && name_connector(at.word(b))) ++b;
    while (e > b && name_connector(at.word(e - 1))) --e;
    bool named = false;
    for (uint32_t k = b; k < e; ++k) named = named || at.tokens[k].has(kUpperInit) || at.tokens[k].has(kDigit);
    if (!named) return;
    a.names.push_back({b, e, m.type});
    for (uint32_t k = b; k < e; ++k) a.token_name[k] = m.type;
  };
  uint32_t start = m.first;
  for (uint32_t k = m.first; k < m.last; ++k) {
    if (!breaks(k)) continue;
    emit(start, k);
    start = k + 1;
  }
  emit(start, m.last);
}

}  // namespace

Analysis analyse_article(const AnnotatedText& at) {
  const analyse::Models& m = analyse::models();
  Analysis a;
  a.token_word.assign(at.tokens.size(), 0);
  a.token_name.assign(at.tokens.size(), NameType::None);
  std::vector<analyse::Piece> pieces;
  std::vector<analyse::WordInfo> info;
  std::vector<uint8_t> tags;
  std::vector<std::string_view> words;
  std::vector<analyse::GazMarks> marks;
  // Per sentence, the name tagger's view of its tokens.
  std::vector<std::vector<analyse::NameWord>> sentences(at.sentences.size());
  analyse::NameMemory memory;
  for (size_t si = 0; si < at.sentences.size(); ++si) {
    const Sentence& s = at.sentences[si];
    a.sentence_words.push_back(static_cast<uint32_t>(a.words.size()));
    pieces.clear();
    analyse::split_pieces(at, s.first_token, s.last_token, pieces);
    info.resize(pieces.size());
    for (size_t i = 0; i < pieces.size(); ++i) analyse::describe_word(at.norm.view(pieces[i].span), &m.clusters, info[i]);
    m.tagger.tag(info, tags);
    for (size_t i = 0; i < pieces.size(); ++i) {
      a.token_word[pieces[i].token] = static_cast<uint32_t>(a.words.size());
      a.words.push_back({pieces[i].span, pieces[i].token, tags[i]});
    }
    words.clear();
    for (uint32_t k = s.first_token; k < s.last_token; ++k) words.push_back(at.word(k));
    m.gazetteer.mark(words, marks);
    auto& nw = sentences[si];
    nw.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      uint32_t k = s.first_token + static_cast<uint32_t>(i);
      uint32_t w = a.token_word[k];
      // A token of one piece is described already.
      if (a.words[w].span == at.tokens[k].span) nw[i].w = info[w - a.sentence_words.back()];
      else analyse::describe_word(words[i], &m.clusters, nw[i].w);
      nw[i].pos = a.words[w].tag;
      nw[i].gaz = marks[i];
    }
    memory.see_document(nw);
  }
  a.sentence_words.push_back(static_cast<uint32_t>(a.words.size()));
  std::vector<uint8_t> labels;
  for (size_t si = 0; si < at.sentences.size(); ++si) {
    m.names.tag(sentences[si], memory, labels);
    const uint32_t base = at.sentences[si].first_token;
    for (const auto& sp : analyse::name_spans(labels)) {
      // One gazetteer phrase over the whole span: its first word begins a
      // match in some list that its last word ends.
      analyse::GazMarks first = sentences[si][sp.first].gaz, last = sentences[si][sp.last - 1].gaz;
      bool whole = false;
      for (uint32_t l = 0; l < analyse::kGazLists; ++l)
        whole = whole || (((first >> (4 * l)) & 1) && ((last >> (4 * l)) & 4));
      split_name(at, {base + sp.first, base + sp.last, sp.type}, whole, a);
    }
  }
  return a;
}

}  // namespace eventloom
