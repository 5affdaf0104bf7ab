// CAMEO codes as event types carry them ("04 CONSULT", "0411"): the two
// digits of the root, read in one place by the events stage, the
// statements' table of saying verbs and the renderers' colours.
#pragma once

#include <cstdint>
#include <string_view>

namespace eventloom {

constexpr uint8_t kNoCameo = 255;

// The number of the two digits a CAMEO type or code begins with ("04
// CONSULT", "04": 4; "00": 0), kNoCameo when it does not begin with two.
constexpr uint8_t cameo_root(std::string_view type) {
  if (type.size() < 2 || type[0] < '0' || type[0] > '9' || type[1] < '0' || type[1] > '9') return kNoCameo;
  return static_cast<uint8_t>((type[0] - '0') * 10 + (type[1] - '0'));
}

}  // namespace eventloom
