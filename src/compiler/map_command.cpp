#include "compiler/map_command.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "compiler/map_build.h"

namespace dateline {

namespace {

bool parse_number(const std::string& text, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return !text.empty() && end == text.c_str() + text.size();
}

bool parse_latlon(const std::string& text, LatLon& out) {
    const std::size_t comma = text.find(',');
    return comma != std::string::npos && parse_number(text.substr(0, comma), out.lat) &&
           parse_number(text.substr(comma + 1), out.lon);
}

int usage(const std::string& why) {
    std::cerr << "dateline map: " << why << "\n"
              << "usage: dateline map --center <lat>,<lon> --span-km <km> [--include <lat>,<lon>]...\n"
                 "                    [--margin-km <km>] --world-atlas <dir> --out <file.bin>\n";
    return 1;
}

}  // namespace

int map_command(int argc, char** argv) {
    MapRequest request;
    std::string atlas, out;
    bool have_center = false, have_span = false;
    for (int i = 0; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) return usage(flag + " needs a value");
        const std::string value = argv[i + 1];
        LatLon place;
        if (flag == "--center" && parse_latlon(value, request.center))
            have_center = true;
        else if (flag == "--span-km" && parse_number(value, request.span_km))
            have_span = true;
        else if (flag == "--margin-km" && parse_number(value, request.margin_km))
            continue;
        else if (flag == "--include" && parse_latlon(value, place))
            request.include.push_back(place);
        else if (flag == "--world-atlas")
            atlas = value;
        else if (flag == "--out")
            out = value;
        else
            return usage("cannot use " + flag + " " + value);
    }
    if (!have_center || !have_span || atlas.empty() || out.empty()) {
        return usage("--center, --span-km, --world-atlas and --out are required");
    }
    std::string blob, error;
    if (!build_map(request, atlas, blob, error)) {
        std::cerr << "dateline map: " << error << "\n";
        return 1;
    }
    std::FILE* f = std::fopen(out.c_str(), "wb");
    if (!f || std::fwrite(blob.data(), 1, blob.size(), f) != blob.size() || std::fclose(f) != 0) {
        std::cerr << "dateline map: cannot write " << out << "\n";
        return 1;
    }
    std::cout << out << ": " << blob.size() << " bytes\n";
    return 0;
}

}  // namespace dateline
