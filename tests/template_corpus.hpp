// A small generated corpus for the site-template tests: six articles of one
// site (one folder) that all carry the same correspondent's teaser, and one
// real quote that two of them share.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace template_corpus {

// The teaser the site prints under every article: a template.
inline const char* kTeaser =
    "Hopes for a negotiated settlement in Valdoria remain alive, despite tensions stoked by recent air strikes, "
    "says our correspondent Jim Muir.";
// The real quote two articles share: evidence, not a template.
inline const char* kQuote = "\"We will not walk away from the talks,\" Foreign Minister Anna Kowal said on Monday.";

inline const char* kBodies[6] = {
    "Ostmark Closes Border Crossing\n\n"
    "The government of Ostmark closed the Tarvel border crossing on Sunday after a week of clashes near the "
    "frontier, the interior ministry said.\n\n"
    "Hundreds of lorries were stranded on the Valdorian side of the crossing overnight, drivers told reporters.\n\n",

    "Valdoria Recalls Ambassador\n\n"
    "Valdoria recalled its ambassador to Ostmark on Tuesday in protest at the closure of the Tarvel crossing, "
    "the foreign ministry in Halvik announced.\n\n"
    "The move is the sharpest diplomatic step between the two neighbours in a decade, analysts said.\n\n",

    "Mediators Arrive in Halvik\n\n"
    "A team of mediators from the Northern Council arrived in Halvik on Wednesday to prepare a new round of "
    "negotiations between Valdoria and Ostmark.\n\n"
    "The council's envoy, Marta Sorensen, met the Valdorian prime minister for two hours.\n\n",

    "Protesters March in Ostmark Capital\n\n"
    "Thousands of protesters marched through the centre of Brenna on Thursday, demanding an end to the border "
    "dispute and the reopening of the crossing.\n\n"
    "Police said the march was peaceful and that nobody was detained.\n\n",

    "Trade Between Neighbours Collapses\n\n"
    "Exports from Valdoria to Ostmark fell by more than half in February, the national statistics office "
    "reported on Friday.\n\n"
    "Farmers in the border provinces have been hardest hit, with fruit rotting in warehouses near Tarvel.\n\n",

    "Northern Council Schedules Summit\n\n"
    "The Northern Council will hold an emergency summit on the border dispute in Lindau next month, its "
    "secretary general said on Saturday.\n\n"
    "Both governments have agreed to send their foreign ministers, officials in Lindau said.\n\n",
};

// The text of article i (0-5): its body, the shared quote for articles 1
// and 2, and the teaser.
inline std::string article(int i) {
  std::string s = kBodies[i];
  if (i == 1 || i == 2) s += std::string(kQuote) + "\n\n";
  s += std::string(kTeaser) + "\n";
  return s;
}

// Writes the six articles into `dir` (site/article-<i>.txt) and returns their paths.
inline std::vector<std::string> write(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  std::filesystem::create_directories(dir / "site");
  for (int i = 0; i < 6; ++i) {
    std::filesystem::path p = dir / "site" / ("article-" + std::to_string(i + 1) + ".txt");
    std::ofstream(p, std::ios::binary) << article(i);
    out.push_back(p.string());
  }
  return out;
}

// Writes `n` short reports of the same site without the teaser into `dir`
// (site/report-<i>.txt): enough of them and the teaser is on too few of the
// site's articles to be a template.
inline std::vector<std::string> write_reports(const std::filesystem::path& dir, int n) {
  const char* places[] = {"Halvik", "Brenna", "Tarvel", "Lindau", "Marenholt", "Ostvik", "Sandor"};
  const char* acts[] = {"opened a school", "closed a bridge", "held a vote", "signed a contract", "raised a tax"};
  std::vector<std::string> out;
  std::filesystem::create_directories(dir / "site");
  for (int i = 0; i < n; ++i) {
    std::filesystem::path p = dir / "site" / ("report-" + std::to_string(i + 1) + ".txt");
    std::ofstream(p, std::ios::binary) << "Council Report " << i + 1 << "\n\nThe council of " << places[i % 7] << " "
                                       << acts[i % 5] << " on day " << i + 1 << ", officials said.\n";
    out.push_back(p.string());
  }
  return out;
}

}  // namespace template_corpus
