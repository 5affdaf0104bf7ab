#include "analyse/models.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

// The model files, linked in as they are (EVENTLOOM_MODELS_DIR is models/).
// CMake defines EVENTLOOM_HAVE_<NAME> for each file present, so the library
// (and the training tool that makes the files) builds before a model exists;
// using a model that was not built in is then an error at run time.
#define EVENTLOOM_INCBIN(name, file)                                                      \
  asm(".section .rodata\n.balign 64\n.global eventloom_model_" name "\n"                  \
      "eventloom_model_" name ":\n.incbin \"" EVENTLOOM_MODELS_DIR "/" file "\"\n"        \
      ".global eventloom_model_" name "_end\neventloom_model_" name "_end:\n.previous\n")
#define EVENTLOOM_NO_MODEL(name)                                                             \
  asm(".section .rodata\n.global eventloom_model_" name "\neventloom_model_" name ":\n"     \
      ".global eventloom_model_" name "_end\neventloom_model_" name "_end:\n.previous\n")
#ifdef EVENTLOOM_HAVE_CLUSTERS
EVENTLOOM_INCBIN("clusters", "clusters.bin");
#else
EVENTLOOM_NO_MODEL("clusters");
#endif
#ifdef EVENTLOOM_HAVE_TAGGER
EVENTLOOM_INCBIN("tagger", "tagger.bin");
#else
EVENTLOOM_NO_MODEL("tagger");
#endif
#ifdef EVENTLOOM_HAVE_TAGGER2
EVENTLOOM_INCBIN("tagger2", "tagger2.bin");
#else
EVENTLOOM_NO_MODEL("tagger2");
#endif
#ifdef EVENTLOOM_HAVE_NAMES
EVENTLOOM_INCBIN("names", "names.bin");
#else
EVENTLOOM_NO_MODEL("names");
#endif
#ifdef EVENTLOOM_HAVE_PARSER
EVENTLOOM_INCBIN("parser", "parser.bin");
#else
EVENTLOOM_NO_MODEL("parser");
#endif
#ifdef EVENTLOOM_HAVE_NAMES_LIST
EVENTLOOM_INCBIN("names_list", "names_list.tsv");
#else
EVENTLOOM_NO_MODEL("names_list");
#endif

extern "C" const char eventloom_model_clusters[], eventloom_model_clusters_end[];
extern "C" const char eventloom_model_tagger[], eventloom_model_tagger_end[];
extern "C" const char eventloom_model_tagger2[], eventloom_model_tagger2_end[];
extern "C" const char eventloom_model_names[], eventloom_model_names_end[];
extern "C" const char eventloom_model_parser[], eventloom_model_parser_end[];
extern "C" const char eventloom_model_names_list[], eventloom_model_names_list_end[];

namespace eventloom::analyse {
namespace {

std::string_view bytes(const char* b, const char* e) { return std::string_view(b, static_cast<size_t>(e - b)); }

template <typename T>
T load(const char* what, std::string_view b) {
  std::string err;
  auto m = T::parse(b, &err);
  if (!m) {
    std::fprintf(stderr, "eventloom: the built-in model %s is missing or broken (%s)\n", what, err.c_str());
    std::abort();
  }
  return std::move(*m);
}

// Once parsed, the file's bytes are not read again: the whole pages they lie
// on leave the process's memory (they are the executable's, and would come
// back from it if they were read), which is the models' size off its RSS.
void release(std::string_view b) {
#if defined(__linux__) && defined(MADV_DONTNEED)
  const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto from = (reinterpret_cast<uintptr_t>(b.data()) + page - 1) & ~(page - 1);
  const auto to = (reinterpret_cast<uintptr_t>(b.data()) + b.size()) & ~(page - 1);
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
#else
  (void)b;
#endif
}

Models* load_all() {
  auto* m = new Models;
  m->clusters = load<WordClusters>("clusters.bin", bytes(eventloom_model_clusters, eventloom_model_clusters_end));
  m->tagger_model = load<LinearModel>("tagger.bin", bytes(eventloom_model_tagger, eventloom_model_tagger_end));
  m->tagger2_model = load<LinearModel>("tagger2.bin", bytes(eventloom_model_tagger2, eventloom_model_tagger2_end));
  m->names_model = load<LinearModel>("names.bin", bytes(eventloom_model_names, eventloom_model_names_end));
  // The gazetteer has copied what it needs of names_list.tsv (see Models).
  release(bytes(eventloom_model_clusters, eventloom_model_clusters_end));
  release(bytes(eventloom_model_tagger, eventloom_model_tagger_end));
  release(bytes(eventloom_model_tagger2, eventloom_model_tagger2_end));
  release(bytes(eventloom_model_names, eventloom_model_names_end));
  release(bytes(eventloom_model_names_list, eventloom_model_names_list_end));
  return m;
}

ParserModels* load_parser() {
  auto* p = new ParserModels;
  p->model = load<LinearModel>("parser.bin", bytes(eventloom_model_parser, eventloom_model_parser_end));
  std::vector<std::string> relations;
  std::string err;
  if (!parser_labels(p->model, relations, &err)) {
    std::fprintf(stderr, "eventloom: the built-in model parser.bin is broken (%s)\n", err.c_str());
    std::abort();
  }
  // The beam width: kDefaultBeam, or EVENTLOOM_PARSER_BEAM (1 to 64) for a run.
  uint32_t beam = kDefaultBeam;
  if (const char* e = std::getenv("EVENTLOOM_PARSER_BEAM")) {
    const unsigned long k = std::strtoul(e, nullptr, 10);
    if (k >= 1 && k <= 64) beam = static_cast<uint32_t>(k);
  }
  p->parser = Parser(p->model, beam);
  release(bytes(eventloom_model_parser, eventloom_model_parser_end));
  return p;
}

}  // namespace

std::string_view names_list() { return bytes(eventloom_model_names_list, eventloom_model_names_list_end); }

const Models& models() {
  static const Models* m = load_all();
  return *m;
}

const ParserModels& parser_models() {
  static const ParserModels* p = load_parser();
  return *p;
}

}  // namespace eventloom::analyse
