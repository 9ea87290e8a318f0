// `dateline`: the article compiler.
//
//   dateline check <article.json> [--format=json]
//                                               validate and summarize
//   dateline compile <article.json> --out <dir> [--page <shell.html>] [--world-atlas <dir>] [--format=json]
//                                               write the widget's inputs
//   --format=json: one JSON document on stdout instead of text (for CMS
//   integrations; docs/article-format.md, "Machine-readable diagnostics")
//   dateline embed <file> <symbol> <out.cpp>    bytes -> C++ array (fonts, map)
//   dateline map --center <lat>,<lon> --span-km <km> ... --out <file.bin>
//                                               packed map (see map_command.h)
//
// Exit codes: 0 success, 1 usage or I/O error, 2 invalid article.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
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
#include "compiler/utf8.h"

namespace {

using namespace dateline;

int usage() {
    std::cerr << "usage: dateline check <article.json> [--format=json]\n"
                 "       dateline compile <article.json> --out <dir> [--page <shell.html>] [--world-atlas <dir>]\n"
                 "                        [--format=json]\n"
                 "                        (<dir>: new, empty, or an earlier dateline compile output)\n"
                 "       dateline embed <file> <symbol> <out.cpp>\n"
                 "       dateline map --center <lat>,<lon> --span-km <km> [--include <lat>,<lon>]...\n"
                 "                    --world-atlas <dir> --out <file.bin>\n";
    return 1;
}

// Where results go: text for people (diagnostics on stderr, capped), or one
// JSON document on stdout with every diagnostic for programs.
struct Report {
    bool json = false;
    std::string file;

    // An I/O or build failure that is not the article's fault (exit 1).
    int failure(const std::string& message) const {
        if (json) {
            print(false, {{"file", file}, {"line", 0}, {"column", 0}, {"pointer", ""}, {"severity", "error"},
                          {"message", message}, {"hint", ""}});
        } else {
            std::cerr << "dateline: " << utf8::terminal_safe(message) << "\n";
        }
        return 1;
    }

    // The article's errors (exit 2).
    int invalid(const Diagnostics& diagnostics) const {
        const std::size_t count = diagnostics.items.size();
        if (json) {
            nlohmann::json list = nlohmann::json::array();
            for (const Diagnostic& d : diagnostics.items) list.push_back(d.to_json());
            print(false, list);
            return 2;
        }
        for (std::size_t i = 0; i < count && i < limits::kPrintedErrors; ++i) {
            std::cerr << diagnostics.items[i].format() << "\n";
        }
        if (count > limits::kPrintedErrors) {
            std::cerr << "(" << count - limits::kPrintedErrors << " more errors not shown)\n";
        }
        std::cerr << count << (count == 1 ? " error" : " errors") << " in " << utf8::terminal_safe(file) << "\n";
        return 2;
    }

    void ok() const {
        if (json) print(true, nlohmann::json::array());
    }

    void print(bool valid, nlohmann::json diagnostics) const {
        if (!diagnostics.is_array()) diagnostics = nlohmann::json::array({diagnostics});
        const nlohmann::json doc = {{"file", file}, {"valid", valid}, {"diagnostics", diagnostics}};
        // ASCII only: no raw control or bidi character reaches a log or terminal.
        std::cout << doc.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace) << "\n";
    }
};

// "arts/harbour-vote.json" -> "harbour-vote": the name the build publishes
// the widget under. Empty (no check) for a file that is not *.json, such as
// a pipe.
std::string file_slug(const std::string& path) {
    const std::filesystem::path p(path);
    return p.extension() == ".json" ? p.stem().string() : std::string();
}

// Loads and validates; reports every error. Returns the exit code.
int load(const Report& report, ArticleStore& store) {
    const std::string& path = report.file;
    std::string text;
    std::size_t size = 0;
    Diagnostics diagnostics;
    switch (read_article_file(path, limits::kFileBytes, text, size)) {
        case ReadResult::unreadable:
            return report.failure("cannot read " + path);
        case ReadResult::too_large:
            diagnostics.items.push_back(file_too_large(path, size));
            break;
        case ReadResult::ok:
            load_article(path, text, store, diagnostics, file_slug(path));
            break;
    }
    if (!diagnostics.items.empty()) return report.invalid(diagnostics);
    return 0;
}

int check(const Report& report) {
    ArticleStore store;
    if (int rc = load(report, store)) return rc;
    if (report.json) {
        report.ok();
    } else {
        std::ostringstream summary;
        print_summary(summary, store.article);
        std::cout << utf8::terminal_safe(summary.str(), true);
    }
    return 0;
}

struct CompileOptions {
    std::string out;
    const char* page = nullptr;         // shell.html: also write index.html
    const char* world_atlas = nullptr;  // npm world-atlas dir: also write map.bin
};

int compile(const Report& report, const CompileOptions& options) {
    const std::string& out = options.out;
    const char* page = options.page;
    ArticleStore store;
    if (int rc = load(report, store)) return rc;
    const Article& a = store.article;
    std::map<std::string, std::string> files = {
        {"article_data.cpp", emit_article_cpp(a)},
        {"article.html", emit_article_html(a)},
        {"charset.txt", article_charset(a)},
        {"slug.txt", std::string(a.slug) + "\n"},
    };
    if (page) {
        std::string shell;
        if (!read_file(page, shell)) return report.failure(std::string("cannot read ") + page);
        files["index.html"] = emit_page(shell, a);
    }
    if (options.world_atlas) {
        std::string error;
        // check refused every article the map cannot show; what is left is the data itself.
        if (!build_article_map(a, options.world_atlas, files["map.bin"], error)) {
            return report.failure(report.file + ": cannot build the map: " + error);
        }
    }
    if (auto err = write_output_dir(out, files); !err.empty()) return report.failure(err);
    report.ok();
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
    if (cmd == "embed" && argc == 5) return embed(argv[2], argv[3], argv[4]);
    if (cmd == "map") return map_command(argc - 2, argv + 2);
    if (cmd != "check" && cmd != "compile") return usage();

    Report report;
    CompileOptions options;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--format=json" || (arg == "--format" && has_value && std::string(argv[i + 1]) == "json")) {
            report.json = true;
            i += arg == "--format";
        } else if (arg == "--format=text" || (arg == "--format" && has_value && std::string(argv[i + 1]) == "text")) {
            i += arg == "--format";
        } else if (cmd == "compile" && arg == "--out" && has_value) {
            options.out = argv[++i];
        } else if (cmd == "compile" && arg == "--page" && has_value) {
            options.page = argv[++i];
        } else if (cmd == "compile" && arg == "--world-atlas" && has_value) {
            options.world_atlas = argv[++i];
        } else if (report.file.empty() && arg.rfind("--", 0) != 0) {
            report.file = arg;
        } else {
            return usage();
        }
    }
    if (report.file.empty()) return usage();
    if (cmd == "check") return check(report);
    if (options.out.empty()) return usage();
    return compile(report, options);
}
