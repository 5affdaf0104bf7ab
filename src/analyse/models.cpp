#include "analyse/models.hpp"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string_view>

#include "analyse/score_cache.hpp"

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

// The models stay loaded until release_models() drops them while no article
// is being extracted (ModelUse counts those); the next use loads them again.
namespace {
std::mutex g_mutex;
std::atomic<const Models*> g_models{nullptr};
std::atomic<const ParserModels*> g_parser{nullptr};
size_t g_users = 0;  // extractions under way (under g_mutex)

template <typename T, typename Load>
const T& loaded(std::atomic<const T*>& slot, Load load) {
  if (const T* p = slot.load(std::memory_order_acquire)) return *p;
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!slot.load(std::memory_order_relaxed)) slot.store(load(), std::memory_order_release);
  return *slot.load(std::memory_order_relaxed);
}
}  // namespace

const Models& models() { return loaded(g_models, load_all); }

const ParserModels& parser_models() { return loaded(g_parser, load_parser); }

ModelUse::ModelUse() {
  std::lock_guard<std::mutex> lock(g_mutex);
  ++g_users;
}

ModelUse::~ModelUse() {
  std::lock_guard<std::mutex> lock(g_mutex);
  --g_users;
}

bool release_models() {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (g_users) return false;
  delete g_parser.exchange(nullptr);
  delete g_models.exchange(nullptr);
  ScoreCache::release_local();
  return true;
}

}  // namespace eventloom::analyse
