// Writes a set of files into a directory atomically: all of them appear, or
// (on any failure) none of them change. The files are written into a fresh
// sibling directory which then replaces the target with rename(2).
#pragma once

#include <map>
#include <string>

namespace dateline {

// Returns an empty string on success, otherwise what went wrong.
std::string write_output_dir(const std::string& dir, const std::map<std::string, std::string>& files);

bool read_file(const std::string& path, std::string& contents);

}  // namespace dateline
