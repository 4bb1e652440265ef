package dev.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reader of flat front matter must read every document it takes exactly as Jackson's YAML
 * parser does (values, nulls, lines, key order), and leave every other one to it.
 */
class FlatYamlTest {

    /** Pieces of front matter lines, ordinary and tricky; documents are made of random picks. */
    private static final String[] KEYS = {"title", "date", "category", "tags", "author", "summary", "slug",
        "draft", "image", "imageAlt", "lang", "x_1", "on", "null", "yes", "y", "True", "key-with-dash", "Ключ",
        "a b", "\"quoted\"", "#comment", "-", "? x", "<<"};
    private static final String[] SEPARATORS = {": ", ": ", ": ", ":  ", ":", ":\t", " : ", ": \t"};
    private static final String[] VALUES = {"Allied treaty signed", "\"Shartnoma imzolandi: Тошкент\"",
        "'Single quoted'", "2022-12-22 20:26", "2022-12-22T20:26:00+05:00", "[Tashkent, Договор]",
        "[\"a, b\", 'c']", "[]", "[ a ]", "[a,b]", "[a, b,]", "[a, , b]", "[a, [b]]", "[a, {b: c}]", "[a, \"b\" ]",
        "true", "false", "yes", "no", "on", "off", "y", "n", "~", "null", "Null", "NULL", "nULL", "", "42", "-5",
        "+7", "0x1F", "012", "1_000", "1.10", ".5", ".inf", "-.INF", ".NaN", "1e3", "3:30", "12:30:45",
        "a: b", "a #b", "a#b", "a:b", "ends with colon:", "trailing space ", "\"unterminated", "'it''s'",
        "\"esc \\\" aped\"", "\"tab\there\"", "plain\ttab", "&anchor value", "*alias", "!tag value", "|", ">",
        "%percent", "@at", "`tick", "- item", "? key", ", comma", "{a: b}", "Budget, 2023 [draft] {x}",
        "Emoji 😀 ok", "lone \uD800 half", "bom \uFEFF inside", "nbsp\u00a0inside", "del\u007fchar",
        "c1\u0085char", "Ўзбекистон", "\"\"", "''", "\"#not a comment\"", "'a: b'", "[\"x\" , y]",
        "[\"😀\", 'Тошкент', plain words]", "[~, null, 'null']", "\"quote\" trailing", "'a', 'b'",
        "[a]]", "[a] ]", "x ]", "[\"a\"b]", "<<", "=", "- ", "[-1, +2, .5]", "line\u2028sep", "para\u2029sep",
        "\"quoted\u2028line\"", "[a\u2029b]", "zero\u200bwidth", "rtl\u202emark", "\ue000private", "nonchar\ufffe",
        "\"c1\u0085quoted\"", "tilde~inside", "https://example.org/a?b=c#d", "http://x:8080/y",
        "C:\\path\\file", "a\\b", "\"C:\\path\"", "'back\\slash'", "[https://a.org/x, 'y']", "/images/x.jpg",
        "../up.md", "x.jpg", "uz-Latn", "2022-12-22", "20:26", "a - b", "a -b", "-", "--", "? ", "a ? b", "!", "a !b", "'single \"double\" inside'", "\"double 'single' inside\""};
    private static final String[] EXTRA_LINES = {"", "", "  indented: line", "# a comment", "---", "...",
        "- item", "\tkey: tab", "key:", "key: [multi,", "  line]", "   "};

    @Test
    void everyDocumentItTakesReadsAsTheParserReadsIt() {
        Random random = new Random(2022);
        int taken = 0;
        int documents = 20_000;
        for (int d = 0; d < documents; d++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(8);
            for (int l = 0; l < lines; l++) {
                if (random.nextInt(10) == 0) {
                    text.append(pick(random, EXTRA_LINES));
                } else {
                    // Mostly ordinary keys and separators, so that many documents are flat.
                    String key = random.nextInt(3) > 0 ? KEYS[random.nextInt(11)] : pick(random, KEYS);
                    String separator = random.nextInt(4) > 0 ? ": " : pick(random, SEPARATORS);
                    String value = random.nextBoolean() ? VALUES[random.nextInt(9)] : pick(random, VALUES);
                    text.append(key).append(separator).append(value);
                }
                if (l < lines - 1 || random.nextBoolean()) {
                    text.append(random.nextInt(20) == 0 ? "\r\n" : "\n");
                }
            }
            String document = text.toString();
            int firstLine = 1 + random.nextInt(3);
            YamlNode.Mapping flat = FlatYaml.read(document, firstLine);
            if (flat != null) {
                taken++;
                YamlReader.Result parsed = YamlReader.readByParser(document, firstLine);
                assertThat(parsed.ok()).as(document).isTrue();
                assertThat(flat).as(document).isEqualTo(parsed.document());
                assertThat(flat.toString()).as(document).isEqualTo(parsed.document().toString());
            }
        }
        // Enough documents were flat for the comparison to mean something, and not all were.
        assertThat(taken).isBetween(documents / 10, documents * 9 / 10);
    }

    /** What a newsroom writes, including the sample site, is flat: the parser is the exception. */
    @Test
    void theSampleSitesFrontMatterIsFlat() throws IOException {
        List<Path> articles;
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            articles = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(articles).hasSizeGreaterThan(10);
        for (Path article : articles) {
            String text = Files.readString(article);
            int close = text.indexOf("\n---", 4);
            String yaml = text.substring(text.indexOf('\n') + 1, close + 1);
            YamlNode.Mapping flat = FlatYaml.read(yaml, 2);
            assertThat(flat).as(article.toString()).isNotNull().isEqualTo(YamlReader.readByParser(yaml, 2).document());
        }
    }

    @Test
    void aDuplicateKeyIsLeftToTheParserWhichReportsIt() {
        String document = "title: One\ndate: 2022-12-22\ntitle: Two\n";

        assertThat(FlatYaml.read(document, 1)).isNull();
        assertThat(YamlReader.read(document, 1).error()).contains("duplicate key \"title\"");
        assertThat(YamlReader.read(document, 1).errorLine()).isEqualTo(3);
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}
