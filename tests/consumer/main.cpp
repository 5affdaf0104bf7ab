// A program outside the eventloom tree, built against an installed eventloom
// (tests/consumer/CMakeLists.txt): `consumer DIR` builds the graph of the
// articles in DIR, exports it and draws its timeline, and exits 0 when the
// installed headers, the library, its compiled-in lexicons and gazetteers
// and its Graphviz rendering all did their part.
#include <iostream>
#include <sstream>

#include <eventloom/export.hpp>
#include <eventloom/graph.hpp>
#include <eventloom/pipeline.hpp>
#include <eventloom/render.hpp>

int main(int argc, char* argv[]) {
  if (argc != 2) {
    std::cerr << "usage: consumer DIR\n";
    return 2;
  }
  eventloom::BuildResult r = eventloom::build_corpus({argv[1]});
  for (const eventloom::Diagnostic& d : r.diagnostics.items) std::cerr << eventloom::to_string(d) << "\n";
  const eventloom::Corpus& c = r.corpus;
  eventloom::EventGraph eg = eventloom::build_graph(c);
  std::ostringstream gexf;
  eventloom::write_gexf(eg, gexf);
  eventloom::Rendered svg = eventloom::render(eventloom::timeline_graph(c, eg), eventloom::RenderFormat::Svg);
  std::cout << "consumer: " << c.docs.size() << " documents, " << c.actors.size() << " actors, "
            << c.statements.size() << " statements, " << c.events.size() << " events; GEXF " << gexf.str().size()
            << " bytes; timeline SVG " << svg.data.size() << " bytes" << (svg.ok() ? "" : " (" + svg.error + ")")
            << "\n";
  // Actors, statements and events are found with the data compiled into the library.
  bool ok = !c.docs.empty() && !c.actors.empty() && !c.statements.empty() && !c.events.empty() &&
            gexf.str().find("<gexf") != std::string::npos && svg.ok() &&
            svg.data.find("<svg") != std::string::npos;
  return ok ? 0 : 1;
}
