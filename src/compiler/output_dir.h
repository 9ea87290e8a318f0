// Writes the compiler's files into an output folder (`dateline compile --out`).
//
// Only a folder dateline made is ever replaced: every output folder holds the
// marker file kOutputMarker, and a non-empty folder without it is refused,
// untouched. The replacement is atomic: the files are written and fsynced in
// a temporary folder beside the target, which then takes the target's place
// in one renameat2(RENAME_EXCHANGE), so a reader (or a SIGKILL) only ever sees
// the whole previous output or the whole new one. Nothing beside the target is
// touched except dateline's own temporaries for that target.
#pragma once

#include <map>
#include <string>

namespace dateline {

// The file that marks a folder as dateline's output (one line of text).
inline constexpr const char* kOutputMarker = ".dateline-output";

// Writes `files` (name -> bytes) into the folder `dir`, replacing an earlier
// output there. `dir` may end in '/'; if it is a symlink to a folder, that
// folder is replaced and the link kept. Returns an empty string on success,
// otherwise what went wrong (and then `dir` is as it was).
std::string write_output_dir(const std::string& dir, const std::map<std::string, std::string>& files);

bool read_file(const std::string& path, std::string& contents);

}  // namespace dateline
