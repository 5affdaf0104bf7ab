// Graphviz in process: DOT text -> layout -> rendered bytes.
//
// Every Graphviz handle lives in a unique_ptr with its matching free
// function (context, graph, layout, rendered buffer), so each error path
// releases exactly what was made. Graphviz reports problems through a
// callback, not a return value: the callback appends them to a
// thread-local buffer for the duration of one render() call, which returns
// them as its error instead of letting Graphviz print to stderr.
//
// One Graphviz context serves the whole process and is never freed: the
// pango text plugin of Graphviz 2.43 remembers the last font name it saw in
// a static pointer into the context's font table, so a second context after
// the first was freed reads freed memory (AddressSanitizer shows it on the
// second render). Graphviz is not thread-safe: a mutex serialises render().
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>
#include <string>

#include "eventloom/render.hpp"

namespace eventloom {
namespace {

thread_local std::string* g_messages = nullptr;

int capture_message(char* msg) {
  if (g_messages && msg) *g_messages += msg;
  return 0;
}

// Installs the capture for one scope and restores the previous callback.
class MessageCapture {
 public:
  explicit MessageCapture(std::string& sink) : previous_(agseterrf(capture_message)) { g_messages = &sink; }
  ~MessageCapture() {
    g_messages = nullptr;
    agseterrf(previous_);
  }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;

 private:
  agusererrf previous_;
};

// The process-wide context (see the top of the file), made on first use.
GVC_t* shared_context() {
  static GVC_t* context = gvContext();
  return context;
}
std::mutex& render_mutex() {
  static std::mutex m;
  return m;
}

struct GraphClose {
  void operator()(Agraph_t* g) const { agclose(g); }
};
struct BufferFree {
  void operator()(char* p) const { gvFreeRenderData(p); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphClose>;
using BufferPtr = std::unique_ptr<char, BufferFree>;

// Frees the layout of a graph before the graph itself is closed.
class Layout {
 public:
  Layout(GVC_t* c, Agraph_t* g) : c_(c), g_(g) {}
  ~Layout() { gvFreeLayout(c_, g_); }
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

 private:
  GVC_t* c_;
  Agraph_t* g_;
};

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  for (char& ch : s)
    if (ch == '\n') ch = ';';
  return s;
}

}  // namespace

const char* to_string(RenderFormat f) {
  switch (f) {
    case RenderFormat::Svg: return "svg";
    case RenderFormat::Png: return "png";
    case RenderFormat::Pdf: return "pdf";
    case RenderFormat::Dot: return "dot";
  }
  return "svg";
}

std::optional<RenderFormat> parse_render_format(std::string_view name) {
  if (name == "svg") return RenderFormat::Svg;
  if (name == "png") return RenderFormat::Png;
  if (name == "pdf") return RenderFormat::Pdf;
  if (name == "dot" || name == "gv") return RenderFormat::Dot;
  return std::nullopt;
}

RenderFormat render_format_for(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.find_last_of('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return RenderFormat::Svg;
  std::string ext(path.substr(dot + 1));
  for (char& ch : ext)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return parse_render_format(ext).value_or(RenderFormat::Svg);
}

Rendered render(const DotGraph& g, RenderFormat f) {
  Rendered r;
  if (f == RenderFormat::Dot) {
    r.data = g.dot;
    return r;
  }
  std::lock_guard<std::mutex> lock(render_mutex());
  std::string messages;
  MessageCapture capture(messages);
  GVC_t* context = shared_context();
  if (!context) {
    r.error = "Graphviz could not start";
    return r;
  }
  GraphPtr graph(agmemread(g.dot.c_str()));
  if (!graph) {
    r.error = "Graphviz could not read the graph: " + trimmed(messages);
    return r;
  }
  if (gvLayout(context, graph.get(), g.engine.c_str()) != 0) {
    r.error = "Graphviz layout '" + g.engine + "' failed: " + trimmed(messages);
    return r;
  }
  Layout layout(context, graph.get());
  char* raw = nullptr;
  unsigned int length = 0;
  // "svg" is Graphviz's own writer; png and pdf come from the cairo plugin.
  const char* format = f == RenderFormat::Svg ? "svg" : f == RenderFormat::Png ? "png:cairo" : "pdf:cairo";
  int rc = gvRenderData(context, graph.get(), format, &raw, &length);
  BufferPtr buffer(raw);
  if (rc != 0 || !raw) {
    r.error = std::string("Graphviz cannot write ") + to_string(f) +
              (f == RenderFormat::Svg ? "" : " (is the cairo plugin, libgvplugin_pango, installed?)") +
              (messages.empty() ? "" : ": " + trimmed(messages));
    return r;
  }
  r.data.assign(raw, length);
  return r;
}

}  // namespace eventloom
