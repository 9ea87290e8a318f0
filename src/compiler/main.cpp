// `dateline`: the article compiler.
//
//   dateline check <article.json>               validate and summarize
//   dateline compile <article.json> --out <dir> [--page <shell.html>]
//                                               write the widget's inputs
//   dateline embed <file> <symbol> <out.cpp>    bytes -> C++ array (fonts, map)
//
// Exit codes: 0 success, 1 usage or I/O error, 2 invalid article.
#include <cstdio>
#include <iostream>
#include <map>
#include <string>

#include "compiler/charset.h"
#include "compiler/emit_cpp.h"
#include "compiler/emit_html.h"
#include "compiler/load_article.h"
#include "compiler/output_dir.h"

namespace {

using namespace dateline;

int usage() {
    std::cerr << "usage: dateline check <article.json>\n"
                 "       dateline compile <article.json> --out <dir> [--page <shell.html>]\n"
                 "       dateline embed <file> <symbol> <out.cpp>\n";
    return 1;
}

// Loads and validates; prints every error. Returns the exit code.
int load(const std::string& path, ArticleStore& store) {
    std::string text;
    if (!read_file(path, text)) {
        std::cerr << "dateline: cannot read " << path << "\n";
        return 1;
    }
    Diagnostics diagnostics;
    if (!load_article(path, text, store, diagnostics)) {
        for (const auto& d : diagnostics.items) std::cerr << d.format() << "\n";
        std::cerr << diagnostics.items.size() << (diagnostics.items.size() == 1 ? " error" : " errors")
                  << " in " << path << "\n";
        return 2;
    }
    return 0;
}

void print_summary(const Article& a) {
    std::cout << a.slug << ": " << a.headline << "\n"
              << "  " << a.paragraphs.size << " paragraphs, " << a.people.size << " people, "
              << a.quotes.size << " quotes, " << a.places.size << " places\n";
    for (const auto& q : a.quotes) {
        const Person& who = a.people[q.speaker];
        std::cout << "  quote " << q.id << " (" << who.name << ")";
        for (const auto& part : q.parts) {
            std::cout << " ¶" << part.range.paragraph + 1 << ":" << part.range.begin << "-"
                      << part.range.end;
        }
        std::cout << "\n";
    }
}

int check(const std::string& path) {
    ArticleStore store;
    if (int rc = load(path, store)) return rc;
    print_summary(store.article);
    return 0;
}

int compile(const std::string& path, const std::string& out, const char* page) {
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
    if (cmd == "compile" && (argc == 5 || argc == 7) && std::string(argv[3]) == "--out" &&
        (argc == 5 || std::string(argv[5]) == "--page")) {
        return compile(argv[2], argv[4], argc == 7 ? argv[6] : nullptr);
    }
    if (cmd == "embed" && argc == 5) return embed(argv[2], argv[3], argv[4]);
    return usage();
}
