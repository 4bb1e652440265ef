package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MarkdownRenderer's parser and HtmlWriter against flexmark's own parser and HtmlRenderer, with
 * MarkdownRenderer's options: the same bytes for every input, and HtmlWriter must write them
 * itself rather than leave them to flexmark.
 */
class HtmlWriterTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final Parser FLEXMARK = Parser.builder(MarkdownRenderer.options()).build();

    /** Markdown that tests the corners of each construct, by name. */
    private static final String[][] CASES = {
        {"empty document", ""},
        {"only white space", "   \n\n  \t \n"},
        {"quotes, tags and ampersands in text", "Text with \"quotes\" and <tags> and & signs and 'apostrophes'.\n"},
        {"soft line breaks", "Line one\nline two\nline three\n"},
        {"many blank lines", "Para\n\n\n\n\nAfter many blanks\n"},
        {"hard breaks: two spaces and backslash", "hard  \nbreak\\\nbackslash\n"},
        {"trailing spaces and backslash at the end", "Line with trailing spaces   \n\nText ending with backslash\\\n"},
        {"tabs", "Tab\there and\t\ttabs\n"},
        {"nested lists", "- a\n- b\n  - c\n  - d\n    1. e\n- f\n"},
        {"loose list", "- a\n\n- b\n"},
        {"list loose by a second paragraph", "- a\n- b\n\n  para\n- c\n"},
        {"list with blank lines between items", "- a\n- b\n\n\n- c\n"},
        {"ordered list starting at 3", "3. three\n4. four\n"},
        {"ordered list starting at 1", "1. one\n2. two\n"},
        {"ordered list starting at 0 and at 10", "0. zero\n\ntext\n\n10. ten\n11. eleven\n"},
        {"ordered list with parentheses", "1) paren\n2) list\n"},
        {"loose ordered item", "1. a\n\n   b\n2. c\n"},
        {"empty list item", "- \n- empty item above\n"},
        {"task list markers", "* [ ] task\n* [x] done\n"},
        {"list inside a blockquote", "> quote\n> - a\n> - b\n>\n> > nested\n"},
        {"loose list inside a blockquote", "> - a\n>\n> - b\n"},
        {"blockquote and code in list items", "- a\n  > quote in list\n- b\n\n      code in list\n"},
        {"code spans with backticks and <&>", "Use `a``b` and `` `tick` `` and `<&>` and `  spaced  ` and `&amp;`.\n"},
        {"code span across lines", "`code\nspan across lines`\n"},
        {"fenced code without info", "```\nno info <b>&amp;</b>\n```\n"},
        {"fenced code with HTML and blank lines", "```html\n<div class=\"x\">\n\n  indented\n</div>\n```\n"},
        {"fenced code info with more words", "``` js   extra words\nx\n```\n"},
        {"fenced code with tildes", "~~~\ntilde\n~~~\n"},
        {"fenced code in a blockquote and a list", "> ```\n> code in quote\n> ```\n\n- ```\n  code in item\n  ```\n"},
        {"indented code", "    indented code\n    <b>\n\n\n    after blank\n"},
        {"indented code with a tab", "\tindented with tab\n"},
        {"indented code after a blank-ish line", "A line\n\n    \n    code after blank-ish\n"},
        {"raw HTML block", "<div>\n<p>raw</p>\n</div>\n\nafter\n"},
        {"raw HTML table", "<table><tr><td>x</td></tr></table>\n"},
        {"script block with a blank line", "<script>\nvar a = 1;\n\nvar b = 2;\n</script>\n"},
        {"unclosed HTML block", "<div>\nunclosed\n"},
        {"HTML block with Markdown inside", "<div>\n\n*md inside*\n\n</div>\n"},
        {"HTML paragraph then text", "<p>html para</p>\ntext right after\n"},
        {"processing instruction, CDATA and doctype", "<?php echo 1; ?>\n\n<![CDATA[ x ]]>\n\n<!DOCTYPE html>\n"},
        {"inline HTML and comment", "Inline <span class=\"x\">html</span> and <br/> and <!-- comment --> here.\n"},
        {"inline HTML over two lines", "a <b\nclass=\"x\">multi-line inline</b>\n"},
        {"inline HTML across paragraphs", "<em>open\n\nclose</em>\n"},
        {"raw anchor", "<a href=\"x\">raw anchor</a> text\n"},
        {"HTML comment block", "<!-- block comment -->\n\ntext\n"},
        {"multi-line HTML comment", "<!--\nmulti\n\nline\n-->\n"},
        {"two comments on a line", "x\n\n<!-- c1 --><!-- c2 -->\n"},
        {"entities", "&amp; &copy; &#1234; &#x1F600; &nbsp; &bogus; & alone\n"},
        {"escaped entities in text", "Entities &lt;b&gt; in text &quot;q&quot;\n"},
        {"carriage return entities", "&#13;\n&#13;\n&#13;\nx\n"},
        // flexmark writes at most one blank line in a row and drops spaces that start a line.
        {"line feed entities", "a&#10;&#10;&#10;b\n\n&#10;  c [d](/u \"x&#10;&#10;&#10; y\")\n"},
        {"backslash escapes", "\\*not em\\* \\# \\[x\\] \\\\ \\` \\&amp;\n"},
        {"link title with quotes", "[link](http://example.com \"title with \\\"quotes\\\" & <stuff>\")\n"},
        {"link title in single quotes", "[link](http://example.com 'single \"q\"')\n"},
        {"empty link title", "[link](/url \"\")\n"},
        {"link titles over lines", "[a](/url \"title\nover lines\") [b](/url \"title\n   indented\") ![c](/u \"t\nover\")\n"},
        {"spaces, unicode, Cyrillic and percent signs in URLs",
            "[spaces](<http://example.com/a b>) [unicode](http://пример.рф/путь?q=тест) [enc](http://x.org/a%20b)\n"},
        {"entities in link text, URL and title", "[a&amp;b](/x?a=1&amp;b=2 \"t &amp; &copy; &\")\n"},
        {"ampersands in URLs", "[a](/x?a=1&b=2&c=&d;e) [q](</x?q=\"y\">)\n"},
        {"link with markup and an image inside", "[link *emph* `code`](/x) [nested ![img](/i.png)](/link)\n"},
        {"link text over lines", "[multi\nline](/x)\n"},
        {"empty link text and image alt", "[](/empty-text) ![](/empty-alt.png)\n"},
        {"reference links", "[ref link][r] and [r] and [R][] and [missing][nope]\n\n[r]: http://example.com/ref \"Ref Title\"\n"},
        {"reference only", "[x]: /u\n"},
        {"image with emphasis in its alt text", "![alt *with* **emph** and `code`](/img.png \"img title\")\n"},
        {"reference image", "![ref img][i] and ![missing][none]\n\n[i]: /i.png\n"},
        {"links and images in a list", "- [link](/a)\n- ![img](/b.png)\n"},
        {"javascript links", "[js](javascript:alert(1)) <javascript:alert(2)> ![x](javascript:x)\n"},
        {"autolinks", "<http://example.com/?a=1&b=2> <mailto:me@x.org> <me@example.com>\n"},
        {"bare URLs and e-mails", "Bare https://example.com/path?x=1&y=2 and www.example.org and mail@example.com here.\n"},
        {"bare URLs with punctuation", "www.example.com/path_(x) and http://a.b/c. e-mail: first.last+tag@sub.example.co.uk.\n"},
        {"bare URL in bold and in link text", "http://example.com/a_b_c and **http://bold.org** [http://x.org](http://y.org)\n"},
        {"bare URLs after quotes and angle brackets",
            "He wrote \"https://example.com/a\" and 'www.example.org' and (<http://x.org/a b>).\n"},
        {"bare URL spelled with escapes", "http:\\/\\/example.com/a\n"},
        {"bare URL and e-mail address spelled with entities", "http&#58;//example.org/b and mail&#64;example.com\n"},
        {"www. addresses alone", "WWW.EXAMPLE.NET, Www.example.net and www.example.org/path\n"},
        {"bare URL with an entity", "https://example.com/path?q=a&amp;b=c\n"},
        {"table with alignment and inline markup",
            "| Left | Center | Right | None |\n|:-----|:------:|------:|------|\n| *a* | **b** | `c` | [d](/d) |\n| e | f | g | h |\n"},
        {"table without body", "| a |\n|---|\n"},
        {"table with ragged rows", "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| x |\n"},
        {"table with an escaped pipe", "| a | b |\n|---|---|\n| 1 \\| pipe | 2 |\n"},
        {"table with a caption", "Table caption\n\n| a |\n|---|\n| b |\n[Caption *here*]\n"},
        {"strikethrough", "~~strike~~ and ~~**bold strike**~~ and ~single~ tilde and <del>html del</del>\n"},
        {"footnotes: repeated reference, two paragraphs",
            "Text[^1] and again[^1] and other[^note].\n\n[^1]: First footnote.\n\n    Second paragraph.\n\n[^note]: Note with *emph*.\n"},
        {"footnotes defined in another order", "Footnotes[^1] before[^2] order[^3].\n\n[^3]: three\n[^2]: two\n[^1]: one\n"},
        {"undefined and unused footnotes", "Undefined [^x] footnote.\n\n[^u]: unused\n"},
        {"footnote referring to a footnote", "Ref to footnote in footnote[^a].\n\n[^a]: See also[^b].\n[^b]: B.\n"},
        {"footnote in a list, footnote with a list",
            "- item[^f]\n\nWith list[^g].\n\n[^f]: in list.\n[^g]: Intro\n\n    - one\n    - two\n"},
        {"duplicate, Cyrillic and empty headings",
            "# Title\n\n## Title\n\n## Title\n\n### Заголовок по-русски\n\n# \n\n## 2024: The Year! (Review)\n"},
        {"Setext headings", "Setext One\n==========\n\nSetext Two\n----------\n\nSetext\n---\n- list\n"},
        {"heading with markup and closing hashes", "Heading with `code` and *em*\n===\n\n# Heading #\n\n#hashtag not heading\n"},
        {"thematic breaks", "***\n\n---\n\n___\n\n* * *\n"},
        {"emphasis nesting and over lines", "**bold *nested em* bold** and *a\nb*\n"},
        {"emoji, Cyrillic and Uzbek text", "Emoji 😀 and Cyrillic текст and Uzbek oʻzbek.\n"},
        {"CRLF line ends", "\r\nCRLF text\r\nsecond line\r\n\r\n- a\r\n- b\r\n"},
        {"NUL character", "a\0b `c\0` [d\0](/e\0)\n"},
    };

    static Stream<Arguments> cases() {
        return Stream.of(CASES).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesWhatFlexmarkWrites(String name, String markdown) {
        assertSameHtml(name, markdown);
    }

    @Test
    void writesTheSampleArticles() throws IOException {
        List<Path> articles;
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            articles = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(articles).isNotEmpty();
        for (Path article : articles) {
            assertSameHtml(article.toString(), FrontMatter.split(Files.readString(article)).body());
        }
    }

    /** Bodies from bench/'s CorpusGenerator, compiled and run here, as the benchmark builds them. */
    @Test
    void writesSyntheticArticles(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, "-d", classes.toString(),
                "bench/src/dev/gazette/bench/CorpusGenerator.java");
        assertThat(status).as(messages.toString()).isZero();
        Path site = dir.resolve("site");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Method write = loader.loadClass("dev.gazette.bench.CorpusGenerator")
                    .getMethod("write", int.class, Path.class, long.class);
            write.invoke(null, 200, site, 42L);
        }
        List<Path> articles;
        try (Stream<Path> files = Files.walk(site.resolve("content"))) {
            articles = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(articles).hasSize(200);
        for (Path article : articles) {
            assertSameHtml(article.getFileName().toString(), FrontMatter.split(Files.readString(article)).body());
        }
    }

    /**
     * Random splices of the cases above and of Markdown's special characters: documents no one
     * would write, each compared the same way. The seed is fixed, so a failure repeats.
     */
    @Test
    void writesRandomMixtures() {
        String[] atoms = {"*", "**", "_", "`", "~~", "[", "]", "(", ")", "<", ">", "&", "&amp;", "\\", "\n", "\n\n",
            "  \n", " ", "\t", "    ", "- ", "1. ", "> ", "# ", "|", "---", "```", "[^1]", "[^1]: x\n", "<b>", "</b>",
            "<!--", "-->", "http://x.y/z", "a@b.co", "www.q.org", "\"", "'", "![", "[r]", "\n[r]: /u \"t\"\n", "word",
            "слово", "\r", "<div>", "</div>", "&#13;", "&copy;", "| a |\n|---|\n", "é", "\ud83d\ude00",
            // Letters whose low byte is a character the writer escapes: < " & \n >.
            "\u013C", "\u0122", "\u0126", "\u010A", "\u013E"};
        Random random = new Random(20240517);
        for (int i = 0; i < 1000; i++) {
            StringBuilder markdown = new StringBuilder();
            for (int part = random.nextInt(8); part >= 0; part--) {
                if (random.nextInt(3) == 0) {
                    String source = CASES[random.nextInt(CASES.length)][1];
                    int from = random.nextInt(source.length() + 1);
                    markdown.append(source, from, from + random.nextInt(source.length() - from + 1));
                } else {
                    for (int n = random.nextInt(6); n >= 0; n--) {
                        markdown.append(atoms[random.nextInt(atoms.length)]);
                    }
                }
            }
            assertSameHtml("mixture " + i, markdown.toString());
        }
    }

    /**
     * Runs of emphasis and strikethrough delimiters between characters of every kind that decides
     * whether a run opens or closes: letters, digits, ASCII and Unicode punctuation (opening,
     * closing, dashes, quotes), Unicode spaces, line breaks and the ends of the text.
     */
    @Test
    void writesDelimiterRunsBetweenCharactersOfEveryKind() {
        String[] around = {"a", "я", "7", ".", "!", "(", ")", "[", "]", "{", "}", "<", ">", "«", "»", "\u201c",
            "\u201d", "\u2014", "\u2010", "\u00a1", "\u00bf", "\u203f", "\u00a7", "\u20ac", "\u00a0", "\u2003",
            "\u3000", " ", "\t", "\n", "", "\\", "&", "\ud83d\ude00", "\u0000"};
        String[] runs = {"*", "**", "***", "_", "__", "___", "~", "~~", "~~~"};
        Random random = new Random(20261129);
        for (int i = 0; i < 3000; i++) {
            StringBuilder markdown = new StringBuilder();
            for (int part = random.nextInt(6); part >= 0; part--) {
                markdown.append(around[random.nextInt(around.length)]).append(runs[random.nextInt(runs.length)])
                        .append(around[random.nextInt(around.length)]);
                if (random.nextBoolean()) {
                    markdown.append("word");
                }
            }
            assertSameHtml("delimiters " + i, markdown.toString());
        }
    }

    /** Destinations MarkdownRenderer has rewritten are sequences of their own, not slices of the text. */
    @Test
    void writesRewrittenDestinations() {
        String markdown = "[a](a.md) ![b](img/b.png \"B\") [c][r] <http://x.org> www.y.org\n\n[r]: ../c.md\n";
        Document expected = MARKDOWN.parse(markdown);
        Document actual = MARKDOWN.parse(markdown);
        MarkdownRenderer.rewriteDestinations(expected, d -> "/site/" + d.url() + "?image=" + d.image() + "&x");
        MarkdownRenderer.rewriteDestinations(actual, d -> "/site/" + d.url() + "?image=" + d.image() + "&x");
        String html = MARKDOWN.fastHtml(actual);
        assertThat(html).contains("href=\"/site/a.md?image=false&amp;x\"")
                .isEqualTo(MARKDOWN.flexmarkHtml(expected));
    }

    @Test
    void writesPlainHtml() {
        assertThat(MARKDOWN.fastHtml(MARKDOWN.parse("# Title\n\nText *em*, [link](/a \"T\").\n\n- one\n- two\n")))
                .isEqualTo("<h1 id=\"title\">Title</h1>\n<p>Text <em>em</em>, <a href=\"/a\" title=\"T\">link</a>.</p>\n"
                        + "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
    }

    /** A node class HtmlWriter does not know, however deep, leaves the whole document to flexmark. */
    @Test
    void leavesUnknownNodesToFlexmark() {
        Document document = MARKDOWN.parse("Before\n\n- item *with emphasis*\n\nAfter\n");
        Node emphasis = document.getChildOfType(BulletList.class)
                .getFirstChild().getFirstChild().getLastChild();
        emphasis.appendChild(new Node() {
            @Override
            public BasedSequence[] getSegments() {
                return EMPTY_SEGMENTS;
            }
        });
        assertThat(MARKDOWN.fastHtml(document)).isNull();
        assertThat(MARKDOWN.html(document)).isEqualTo(MARKDOWN.flexmarkHtml(document))
                .contains("<li>item <em>with emphasis</em></li>");
    }

    /** flexmark renders by exact class, so a subclass of a known node is unknown too. */
    @Test
    void leavesSubclassesOfKnownNodesToFlexmark() {
        Document document = MARKDOWN.parse("Text\n");
        TextBase subclass = new TextBase(BasedSequence.of("more")) {
        };
        subclass.appendChild(new Text(BasedSequence.of("more")));
        document.getFirstChild().appendChild(subclass);
        assertThat(MARKDOWN.fastHtml(document)).isNull();
        assertThat(MARKDOWN.html(document)).isEqualTo("<p>Text</p>\n");
    }

    /**
     * Parses {@code markdown} twice, so neither renderer sees what the other did to the document:
     * once by flexmark alone, once by MarkdownRenderer's parser (with its own inline parser, and
     * without autolinks where it finds no bare link).
     */
    private static void assertSameHtml(String name, String markdown) {
        String expected = MARKDOWN.flexmarkHtml(FLEXMARK.parse(markdown));
        String actual = MARKDOWN.fastHtml(MARKDOWN.parse(markdown));
        assertThat(actual).as("HtmlWriter for %s: %s", name, markdown).isNotNull().isEqualTo(expected);
    }
}
