// `dateline map`: builds a packed map from the command line.
//
//   dateline map --center <lat>,<lon> --span-km <km> [--include <lat>,<lon>]...
//                [--margin-km <km>] --world-atlas <dir> --out <file.bin>
#pragma once

namespace dateline {

// argv holds the arguments after "map". Returns the exit code: 0 success,
// 1 usage or I/O error.
int map_command(int argc, char** argv);

}  // namespace dateline
