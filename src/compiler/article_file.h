// Reads an article file, never more than the format allows: a 1 GiB file
// (or an endless pipe) is refused after kFileBytes + 1 bytes, not read whole.
#pragma once

#include <cstddef>
#include <string>

namespace dateline {

enum class ReadResult { ok, too_large, unreadable };

// On too_large, `size` is the file's size when known (a regular file), else
// 0 ("more than the limit"); `text` is then left empty.
ReadResult read_article_file(const std::string& path, std::size_t limit, std::string& text, std::size_t& size);

}  // namespace dateline
