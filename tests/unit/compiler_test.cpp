#include <string>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace dateline
