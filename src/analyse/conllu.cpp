#include "analyse/conllu.hpp"

namespace eventloom::conllu {

bool Line::is_word() const {
  const std::string& id = col[kId];
  if (id.empty()) return false;
  for (char c : id)
    if (c < '0' || c > '9') return false;
  return true;
}

bool read(std::istream& in, std::vector<Sentence>& out, std::string* error) {
  std::string line;
  Sentence cur;
  size_t number = 0;
  auto flush = [&] {
    if (!cur.lines.empty()) out.push_back(std::move(cur));
    cur = Sentence{};
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    Line l;
    if (line[0] == '#') {
      l.comment = line;
      cur.lines.push_back(std::move(l));
      continue;
    }
    size_t b = 0, k = 0;
    for (; k < 10 && b <= line.size(); ++k) {
      size_t e = line.find('\t', b);
      if (e == std::string::npos) e = line.size();
      l.col[k] = line.substr(b, e - b);
      b = e + 1;
    }
    if (k != 10 || b <= line.size()) {
      if (error) *error = "line " + std::to_string(number) + ": not 10 tab-separated columns";
      return false;
    }
    if (l.col[kId].empty() || l.col[kForm].empty()) {
      if (error) *error = "line " + std::to_string(number) + ": empty ID or FORM";
      return false;
    }
    if (l.is_word()) cur.words.push_back(static_cast<uint32_t>(cur.lines.size()));
    cur.lines.push_back(std::move(l));
  }
  flush();
  return true;
}

void write(std::ostream& out, const Sentence& s) {
  for (const Line& l : s.lines) {
    if (!l.comment.empty()) {
      out << l.comment << '\n';
      continue;
    }
    for (size_t k = 0; k < 10; ++k) out << (k ? "\t" : "") << l.col[k];
    out << '\n';
  }
  out << '\n';
}

}  // namespace eventloom::conllu
