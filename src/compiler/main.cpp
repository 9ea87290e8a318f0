// `dateline`: the article compiler.
//
//   dateline check <article.json>               validate and summarize
//   dateline compile <article.json> --out <dir> [--page <shell.html>] [--world-atlas <dir>]
//                                               write the widget's inputs
//   dateline embed <file> <symbol> <out.cpp>    bytes -> C++ array (fonts, map)
//   dateline map --center <lat>,<lon> --span-km <km> ... --out <file.bin>
//                                               packed map (see map_command.h)
//
// Exit codes: 0 success, 1 usage or I/O error, 2 invalid article.
#include <cstdio>
#include <iostream>
#include <map>
#include <string>

#include "compiler/article_file.h"
#include "compiler/article_map.h"
#include "compiler/charset.h"
#include "compiler/emit_cpp.h"
#include "compiler/emit_html.h"
#include "compiler/limits.h"
#include "compiler/load_article.h"
#include "compiler/map_command.h"
#include "compiler/output_dir.h"
#include "compiler/summary.h"

namespace {

using namespace dateline;

int usage() {
    std::cerr << "usage: dateline check <article.json>\n"
                 "       dateline compile <article.json> --out <dir> [--page <shell.html>] [--world-atlas <dir>]\n"
                 "       dateline embed <file> <symbol> <out.cpp>\n"
                 "       dateline map --center <lat>,<lon> --span-km <km> [--include <lat>,<lon>]...\n"
                 "                    --world-atlas <dir> --out <file.bin>\n";
    return 1;
}

// Loads and validates; prints every error. Returns the exit code.
int load(const std::string& path, ArticleStore& store) {
    std::string text;
    std::size_t size = 0;
    Diagnostics diagnostics;
    switch (read_article_file(path, limits::kFileBytes, text, size)) {
        case ReadResult::unreadable:
            std::cerr << "dateline: cannot read " << path << "\n";
            return 1;
        case ReadResult::too_large:
            diagnostics.items.push_back(file_too_large(path, size));
            break;
        case ReadResult::ok:
            load_article(path, text, store, diagnostics);
            break;
    }
    if (!diagnostics.items.empty()) {
        const std::size_t count = diagnostics.items.size();
        for (std::size_t i = 0; i < count && i < limits::kPrintedErrors; ++i) {
            std::cerr << diagnostics.items[i].format() << "\n";
        }
        if (count > limits::kPrintedErrors) {
            std::cerr << "(" << count - limits::kPrintedErrors << " more errors not shown)\n";
        }
        std::cerr << count << (count == 1 ? " error" : " errors") << " in " << path << "\n";
        return 2;
    }
    return 0;
}

int check(const std::string& path) {
    ArticleStore store;
    if (int rc = load(path, store)) return rc;
    print_summary(std::cout, store.article);
    return 0;
}

struct CompileOptions {
    std::string out;
    const char* page = nullptr;         // shell.html: also write index.html
    const char* world_atlas = nullptr;  // npm world-atlas dir: also write map.bin
};

int compile(const std::string& path, const CompileOptions& options) {
    const std::string& out = options.out;
    const char* page = options.page;
    ArticleStore store;
    if (int rc = load(path, store)) return rc;
    const Article& a = store.article;
    std::map<std::string, std::string> files = {
        {"article_data.cpp", emit_article_cpp(a)},
        {"article.html", emit_article_html(a)},
        {"charset.txt", article_charset(a)},
        {"slug.txt", std::string(a.slug) + "\n"},
    };
    if (page) {
        std::string shell;
        if (!read_file(page, shell)) {
            std::cerr << "dateline: cannot read " << page << "\n";
            return 1;
        }
        files["index.html"] = emit_page(shell, a);
    }
    if (options.world_atlas) {
        std::string error;
        if (!build_article_map(a, options.world_atlas, files["map.bin"], error)) {
            std::cerr << "dateline: " << path << ": cannot build the map: " << error << "\n";
            return 1;
        }
    }
    if (auto err = write_output_dir(out, files); !err.empty()) {
        std::cerr << "dateline: " << err << "\n";
        return 1;
    }
    return 0;
}

int embed(const std::string& in, const std::string& symbol, const std::string& out) {
    std::string bytes;
    if (!read_file(in, bytes)) {
        std::cerr << "dateline: cannot read " << in << "\n";
        return 1;
    }
    std::string current;
    const std::string source = emit_bytes_cpp(symbol, bytes);
    // Leave an unchanged file untouched so the build does not recompile it.
    if (read_file(out, current) && current == source) return 0;
    std::FILE* f = std::fopen(out.c_str(), "wb");
    if (!f || std::fwrite(source.data(), 1, source.size(), f) != source.size() || std::fclose(f) != 0) {
        std::cerr << "dateline: cannot write " << out << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string cmd = argv[1];
    if (cmd == "check" && argc == 3) return check(argv[2]);
    if (cmd == "compile" && argc >= 5 && argc % 2 == 1) {
        CompileOptions options;
        for (int i = 3; i + 1 < argc; i += 2) {
            const std::string flag = argv[i];
            if (flag == "--out") options.out = argv[i + 1];
            else if (flag == "--page") options.page = argv[i + 1];
            else if (flag == "--world-atlas") options.world_atlas = argv[i + 1];
            else return usage();
        }
        if (options.out.empty()) return usage();
        return compile(argv[2], options);
    }
    if (cmd == "embed" && argc == 5) return embed(argv[2], argv[3], argv[4]);
    if (cmd == "map") return map_command(argc - 2, argv + 2);
    return usage();
}
