#include <cstdio>
#include <string>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "compiler/article_file.h"
#include "compiler/emit_cpp.h"
#include "compiler/emit_html.h"
#include "compiler/load_article.h"
#include "compiler/output_dir.h"

namespace dateline {
namespace {

const std::string kArticlePath = DATELINE_SOURCE_DIR "/assets/articles/anchorage-summit.json";

TEST(compiler, loads_the_default_article) {
    std::string text;
    ASSERT_TRUE(read_file(kArticlePath, text));
    ArticleStore store;
    Diagnostics diagnostics;
    ASSERT_TRUE(load_article(kArticlePath, text, store, diagnostics));
    EXPECT_EQ(store.article.slug, "anchorage-summit");
    ASSERT_GE(store.article.paragraphs.size, 1u);
    EXPECT_EQ(store.article.paragraphs[0].substr(0, 11), "The meeting");
}

// The size limit holds before reading: a huge file is refused by its size,
// a pipe after one byte past the limit.
TEST(compiler, article_files_over_the_limit_are_not_read_whole) {
    char dir[] = "/tmp/dateline-read-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    const std::string big = std::string(dir) + "/big.json";
    ASSERT_EQ(truncate((std::fclose(std::fopen(big.c_str(), "w")), big.c_str()), 1L << 30), 0);
    std::string text = "stale";
    std::size_t size = 0;
    EXPECT_EQ(read_article_file(big, 1024, text, size), ReadResult::too_large);
    EXPECT_EQ(size, std::size_t{1} << 30);
    EXPECT_TRUE(text.empty());

    const std::string fifo = std::string(dir) + "/pipe";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const pid_t writer = fork();
    if (writer == 0) {  // an endless writer: SIGPIPE ends it when the reader closes
        FILE* f = std::fopen(fifo.c_str(), "w");
        while (f && std::fputs("            ", f) >= 0) {}
        _exit(0);
    }
    EXPECT_EQ(read_article_file(fifo, 4096, text, size), ReadResult::too_large);
    EXPECT_EQ(size, 0u);
    waitpid(writer, nullptr, 0);

    EXPECT_EQ(read_article_file(kArticlePath, 1 << 20, text, size), ReadResult::ok);
    EXPECT_EQ(text.substr(0, 1), "{");
    EXPECT_EQ(read_article_file(dir, 1 << 20, text, size), ReadResult::unreadable);
    std::remove(big.c_str());
    std::remove(fifo.c_str());
    rmdir(dir);
}

TEST(compiler, escapes_every_markup_character) {
    EXPECT_EQ(escape_html("<script>alert('x') & \"y\"</script>"),
              "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST(compiler, syntax_error_names_line_and_column) {
    ArticleStore store;
    Diagnostics diagnostics;
    EXPECT_FALSE(load_article("bad.json", "{\n  \"slug\": \"x\",\n  oops\n}", store, diagnostics));
    ASSERT_EQ(diagnostics.items.size(), 1u);
    EXPECT_EQ(diagnostics.items[0].line, 3);
    EXPECT_EQ(diagnostics.items[0].column, 3);
}

TEST(compiler, emitted_cpp_escapes_non_ascii_and_quotes) {
    ArticleStore store;
    store.article.headline = store.keep("Moscow’s \"war\"?");
    store.link();
    const std::string source = emit_article_cpp(store.article);
    // ’ is three UTF-8 bytes; each becomes a 3-digit octal escape.
    EXPECT_NE(source.find("Moscow\\342\\200\\231s \\042war\\042\\077"), std::string::npos);
}

TEST(compiler, page_template_gets_escaped_title_and_article) {
    ArticleStore store;
    store.article.language = store.keep("en");
    store.article.headline = store.keep("A <b>bold</b> claim");
    store.paragraphs.push_back(store.keep("Text"));
    store.link();
    const std::string page = emit_page("<html lang=\"{{LANG}}\"><title>{{TITLE}}</title>{{ARTICLE}}", store.article);
    EXPECT_NE(page.find("<html lang=\"en\"><title>A &lt;b&gt;bold&lt;/b&gt; claim</title>"), std::string::npos);
    EXPECT_NE(page.find("<p>Text</p>"), std::string::npos);
}


// A hand-built article whose quote parts touch: "[one][two] three".
struct TouchingQuotes {
    ArticleStore store;
    TouchingQuotes() {
        store.article.language = store.keep("en");
        store.article.headline = store.keep("H");
        store.paragraphs.push_back(store.keep("a<b “onetwo” & 'three'"));
        const std::size_t one = std::string_view("a<b “").size();
        auto& first = store.quote_parts.emplace_back();
        first.push_back({"one", {0, static_cast<std::uint32_t>(one), static_cast<std::uint32_t>(one + 3)}});
        auto& second = store.quote_parts.emplace_back();
        second.push_back({"two", {0, static_cast<std::uint32_t>(one + 3), static_cast<std::uint32_t>(one + 6)}});
        store.people.push_back({"p<1>", "Ada & Co", "Mayor", "", "NO", PersonKind::Named, 2});
        store.people.push_back({"ben", "Ben", "", "", "", PersonKind::Named, 0});
        store.quotes.push_back({"q\"1", 0, QuoteForm::Full, kNone, ArticleStore::span_of(first), {}});
        store.quotes.push_back({"q2", 0, QuoteForm::Full, kNone, ArticleStore::span_of(second), {}});
        store.places.push_back({"oslo", "Oslo", "City <hall>", "Note", "2025-01-02", 59.9f, 10.7f});
        store.link();
    }
};

TEST(compiler, html_wraps_every_quote_part_in_a_span_and_nests_touching_ones) {
    TouchingQuotes t;
    const std::string html = emit_article_html(t.store.article);
    EXPECT_NE(html.find("<p>a&lt;b “<span class=\"dateline-quote\" data-quote=\"q&quot;1\">one</span>"
                        "<span class=\"dateline-quote\" data-quote=\"q2\">two</span>” &amp; &#39;three&#39;</p>"),
              std::string::npos)
        << html;
}

TEST(compiler, html_lists_people_and_places_escaped) {
    TouchingQuotes t;
    const std::string html = emit_article_html(t.store.article);
    EXPECT_NE(html.find("<section class=\"dateline-people\">"), std::string::npos);
    EXPECT_NE(html.find("<li data-speaker=\"p&lt;1&gt;\"><strong>Ada &amp; Co</strong>, Mayor · quoted twice</li>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<li data-speaker=\"ben\"><strong>Ben</strong> · mentioned, not quoted</li>"),
              std::string::npos);
    EXPECT_NE(html.find("<section class=\"dateline-places\">"), std::string::npos);
    EXPECT_NE(html.find("<li data-place=\"oslo\"><strong>Oslo</strong>, City &lt;hall&gt; · "
                        "<time datetime=\"2025-01-02\">2025-01-02</time>. Note</li>"),
              std::string::npos)
        << html;
}

TEST(compiler, html_survives_ranges_that_overlap_or_run_past_the_paragraph) {
    ArticleStore store;
    store.paragraphs.push_back(store.keep("abcdef"));
    auto& parts = store.quote_parts.emplace_back();
    parts.push_back({"", {0, 1, 4}});
    parts.push_back({"", {0, 2, 99}});
    parts.push_back({"", {7, 0, 1}});
    store.quotes.push_back({"q", 0, QuoteForm::Full, kNone, ArticleStore::span_of(parts), {}});
    store.link();
    const std::string html = emit_article_html(store.article);
    EXPECT_NE(html.find("<p>a<span class=\"dateline-quote\" data-quote=\"q\">bcd</span>"
                        "<span class=\"dateline-quote\" data-quote=\"q\">ef</span></p>"),
              std::string::npos)
        << html;
}

TEST(compiler, emitted_article_is_constant_data_and_deterministic) {
    std::string text;
    ASSERT_TRUE(read_file(kArticlePath, text));
    ArticleStore a, b;
    Diagnostics diagnostics;
    ASSERT_TRUE(load_article(kArticlePath, text, a, diagnostics));
    ASSERT_TRUE(load_article(kArticlePath, text, b, diagnostics));
    const std::string source = emit_article_cpp(a.article);
    EXPECT_EQ(source, emit_article_cpp(b.article));
    EXPECT_EQ(emit_article_html(a.article), emit_article_html(b.article));
    EXPECT_NE(source.find("constexpr Article kArticle = {"), std::string::npos);
}

}  // namespace
}  // namespace dateline
