// eventloom tag FILE|- [-o OUT]            tokens, tags and names of articles, as CoNLL-U
// eventloom tag --conllu-in IN.conllu      tags for given words (UPOS, XPOS filled in)
// eventloom parse FILE|- [-o OUT]          the same with dependency trees (HEAD, DEPREL)
// eventloom parse --conllu-in IN.conllu    tags and trees for given words
//
// Raw input is read as `build` reads it (text, HTML, JSON Lines, '-' for
// stdin). Each sentence is written in CoNLL-U with the pieces the tagger read
// as words (a token cut into pieces is a multiword token line), the name tag
// in MISC as Name=B-PER / I-PER, and each word's byte offsets in the article
// as Offset=START-END. `parse` parses every sentence (the library parses only
// those its later stages need).
#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "analyse/conllu.hpp"
#include "cli/cli.hpp"
#include "eventloom/analyse.hpp"
#include "eventloom/export.hpp"
#include "eventloom/ingest.hpp"

namespace eventloom::cli {
namespace {

void write_article(std::ostream& os, const Document& d, bool parse) {
  AnnotatedText at = analyze(d);
  Analysis an = analyse_article(at);
  os << "# newdoc id = " << d.id << "\n";
  for (size_t s = 0; s < at.sentences.size(); ++s) {
    const Sentence& sent = at.sentences[s];
    uint32_t w0 = an.sentence_words[s], w1 = an.sentence_words[s + 1];
    if (w0 == w1) continue;
    std::string text(at.norm.view(sent.span));
    for (char& c : text)
      if (c == '\n' || c == '\r') c = ' ';
    os << "# sent_id = " << d.id << "-" << s + 1 << "\n# text = " << text << "\n";
    SentenceParse tree;
    if (parse) tree = parse_sentence(at, an, static_cast<uint32_t>(s));
    for (uint32_t w = w0; w < w1; ++w) {
      const TaggedWord& tw = an.words[w];
      const uint32_t id = w - w0 + 1;
      const Span tok = at.tokens[tw.token].span;
      if (tw.span.start == tok.start && tw.span.end != tok.end) {  // the first piece of a cut token
        uint32_t last = an.token_word[tw.token] - w0 + 1;
        os << id << "-" << last << "\t" << at.norm.view(tok) << "\t_\t_\t_\t_\t_\t_\t_\t_\n";
      }
      NameType nt = an.token_name[tw.token];
      std::string name = "O";
      if (nt != NameType::None) {
        bool begins = tw.span.start == tok.start &&
                      (tw.token == sent.first_token || an.token_name[tw.token - 1] != nt ||
                       std::any_of(an.names.begin(), an.names.end(), [&](const NameMention& m) { return m.first == tw.token; }));
        name = std::string(begins ? "B-" : "I-") + to_string(nt);
      }
      Span orig = at.norm.to_original(tw.span);
      os << id << "\t" << at.norm.view(tw.span) << "\t_\t" << upos(tw.tag) << "\t" << xpos(tw.tag) << "\t_\t";
      if (parse) {
        const uint32_t h = tree.head[w - w0];
        os << (h == SentenceParse::kNone ? 0 : h + 1) << "\t" << tree.relation(w - w0);
      } else {
        os << "_\t_";
      }
      os << "\t_\tName=" << name << "|Offset=" << orig.start << "-" << orig.end << "\n";
    }
    os << "\n";
  }
}

// `tag`, or with `parse` the `parse` command.
Command add_conllu_command(CLI::App& app, bool parse) {
  struct Args {
    std::vector<std::string> inputs;
    std::string conllu_in, out;
  };
  auto a = std::make_shared<Args>();
  const char* name = parse ? "parse" : "tag";
  CLI::App* sub = app.add_subcommand(name, parse ? "Tags, names and dependency trees of articles, as CoNLL-U"
                                                 : "Part-of-speech tags and names of articles, as CoNLL-U");
  sub->add_option("inputs", a->inputs, "Files, directories or - for standard input");
  sub->add_option("--conllu-in", a->conllu_in,
                  parse ? "Tag and parse the words of this CoNLL-U file instead (gold tokenisation)"
                        : "Tag the words of this CoNLL-U file instead (gold tokenisation)");
  sub->add_option("-o,--out", a->out, "Write here instead of standard output");
  return Command{[a, parse, name](std::ostream& out, std::ostream& err) {
    if (a->conllu_in.empty() == a->inputs.empty()) {
      err << "eventloom: " << name << " takes inputs or --conllu-in, not both or neither\n";
      return static_cast<int>(kUsage);
    }
    std::ostringstream buf;
    int status = kOk;
    if (!a->conllu_in.empty()) {
      std::ifstream in(a->conllu_in);
      std::vector<conllu::Sentence> sentences;
      std::string e;
      if (!in || !conllu::read(in, sentences, &e)) {
        if (e.empty()) e = "cannot read";
        err << "eventloom: " << a->conllu_in << ": " << e << "\n";
        return static_cast<int>(kSkipped);
      }
      std::vector<std::string_view> words;
      std::vector<uint8_t> tags, rels;
      std::vector<uint32_t> heads;
      for (auto& s : sentences) {
        words.clear();
        for (size_t i = 0; i < s.words.size(); ++i) words.push_back(s.form(i));
        tag_words(words, tags);
        if (parse) parse_words(words, tags, heads, rels);
        for (size_t i = 0; i < s.words.size(); ++i) {
          s.col(i, conllu::kUpos) = std::string(upos(tags[i]));
          s.col(i, conllu::kXpos) = std::string(xpos(tags[i]));
          if (!parse) continue;
          s.col(i, conllu::kHead) = std::to_string(heads[i]);
          s.col(i, conllu::kDeprel) = std::string(relation_name(rels[i]));
          s.col(i, conllu::kDeps) = "_";  // the enhanced graph is not predicted
        }
        conllu::write(buf, s);
      }
    } else {
      IngestResult r = ingest(a->inputs);
      for (const auto& d : r.diagnostics.items)
        if (d.severity != Severity::Note) err << "eventloom: " << to_string(d) << "\n";
      if (r.diagnostics.skipped_any()) status = kSkipped;
      for (const Document& d : r.documents) write_article(buf, d, parse);
    }
    if (a->out.empty()) {
      out << buf.str();
      return status;
    }
    std::string e = write_file_atomic(a->out, [&](std::ostream& os) { os << buf.str(); });
    if (!e.empty()) {
      err << "eventloom: " << e << "\n";
      return static_cast<int>(kSkipped);
    }
    return status;
  }};
}

}  // namespace

Command add_tag(CLI::App& app) { return add_conllu_command(app, false); }
Command add_parse(CLI::App& app) { return add_conllu_command(app, true); }

}  // namespace eventloom::cli
