"""Loads eventloom's GraphML and GEXF in NetworkX for tests/test_graph.cpp.

    load_exports.py GRAPH.graphml GRAPH.gexf NODES EDGES

Exits 0 when both files hold NODES nodes and EDGES edges, and the GEXF is
dynamic with dated nodes. The GEXF is read at NetworkX's default version,
1.2draft, the newest that NetworkX 2.x (Debian 12's python3-networkx 2.8)
knows.
"""
import re
import sys

import networkx as nx

graphml, gexf, nodes, edges = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
g = nx.read_graphml(graphml)
h = nx.read_gexf(gexf)
day = re.compile(r"\d{4}-\d{2}-\d{2}$")
dated = sum(1 for _, d in h.nodes(data=True) if day.match(str(d.get("start", ""))))
print(f"networkx {nx.__version__} (python {sys.version.split()[0]}): want {nodes} nodes, {edges} edges; "
      f"GraphML {g.number_of_nodes()}, {g.number_of_edges()}; GEXF {h.number_of_nodes()}, {h.number_of_edges()}, "
      f"mode {h.graph.get('mode')}, {dated} nodes with a start day")
counts = all(x.number_of_nodes() == nodes and x.number_of_edges() == edges for x in (g, h))
sys.exit(0 if counts and h.graph.get("mode") == "dynamic" and dated > 0 else 1)
