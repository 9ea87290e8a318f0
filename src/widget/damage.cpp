#include "widget/damage.h"

#include <algorithm>
#include <cstring>

namespace dateline {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a over 32-bit words (every hashed struct is a multiple of 4 bytes):
// a frame hashes ~200 KB, so bytes at a time would cost a visible share of it.
void mix(std::uint64_t& h, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 4 <= size; i += 4) {
        std::uint32_t word;
        std::memcpy(&word, bytes + i, 4);
        h = (h ^ word) * kFnvPrime;
    }
    for (; i < size; ++i) h = (h ^ bytes[i]) * kFnvPrime;
}

bool within(const ImVec4& clip, const Rect& r) {
    constexpr float e = 0.5f;
    return clip.x >= r.x - e && clip.y >= r.y - e && clip.z <= r.x + r.w + e && clip.w <= r.y + r.h + e;
}

}  // namespace

std::uint64_t digest_outside(const ImDrawData& data, const Rect& inside) {
    std::uint64_t h = kFnvOffset;
    for (const ImDrawList* list : data.CmdLists) {
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0 || within(cmd.ClipRect, inside)) continue;
            mix(h, &cmd.ClipRect, sizeof cmd.ClipRect);
            // The texture as referenced (GetTexID asserts before the first upload).
            mix(h, &cmd.TexRef._TexData, sizeof cmd.TexRef._TexData);
            mix(h, &cmd.TexRef._TexID, sizeof cmd.TexRef._TexID);
            // A command's vertices are contiguous: ImGui writes each
            // primitive's vertices and then its indices.
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const auto [lo, hi] = std::minmax_element(idx, idx + cmd.ElemCount);
            // Indices relative to the command's first vertex: they shift
            // whenever the map before it draws more or fewer vertices.
            for (unsigned i = 0; i < cmd.ElemCount; ++i) h = (h ^ static_cast<std::uint64_t>(idx[i] - *lo)) * kFnvPrime;
            const ImDrawVert* first = list->VtxBuffer.Data + cmd.VtxOffset + *lo;
            mix(h, first, (static_cast<std::size_t>(*hi - *lo) + 1) * sizeof(ImDrawVert));
        }
    }
    return h;
}

}  // namespace dateline
