// Douglas–Peucker over any point type, shared by the compiler (which
// simplifies once for the finest view it ships) and the widget (which
// simplifies again, per level of detail, for the view on screen).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace dateline {

// Marks in `keep` (resized to n) the points of a path of n points that
// Douglas–Peucker keeps. `excess(i, a, b)` is how far point i lies from the
// segment a–b in units of its tolerance: a point is kept when its excess is
// above 1 and largest between a and b. The end points are always kept.
template <class Excess>
void douglas_peucker(std::size_t n, Excess excess, std::vector<bool>& keep) {
    keep.assign(n, false);
    if (n == 0) return;
    keep[0] = keep[n - 1] = true;
    if (n <= 2) return;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, n - 1}};
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        double worst = 1;
        std::size_t index = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            const double e = excess(i, first, last);
            if (e > worst) {
                worst = e;
                index = i;
            }
        }
        if (index != first) {
            keep[index] = true;
            stack.push_back({first, index});
            stack.push_back({index, last});
        }
    }
}

}  // namespace dateline
