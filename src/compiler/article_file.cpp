#include "compiler/article_file.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace dateline {

ReadResult read_article_file(const std::string& path, std::size_t limit, std::string& text, std::size_t& size) {
    namespace fs = std::filesystem;
    text.clear();
    size = 0;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || fs::is_directory(status)) return ReadResult::unreadable;
    if (fs::is_regular_file(status)) {
        const std::uintmax_t bytes = fs::file_size(path, ec);
        if (!ec && bytes > limit) {
            size = static_cast<std::size_t>(bytes);
            return ReadResult::too_large;
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return ReadResult::unreadable;
    // One byte past the limit tells a pipe or a growing file that is too large.
    text.resize(limit + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) return ReadResult::unreadable;
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > limit) {
        text.clear();
        return ReadResult::too_large;
    }
    return ReadResult::ok;
}

}  // namespace dateline
