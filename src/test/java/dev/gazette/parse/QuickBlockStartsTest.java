package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** flexmark's parser with {@link QuickBlockStarts} against the same parser without. */
class QuickBlockStartsTest {

    private static final Parser PLAIN = Parser.builder(MarkdownRenderer.options()).build();
    private static final Parser QUICK = quick();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(MarkdownRenderer.options()).build();

    private static Parser quick() {
        Parser parser = Parser.builder(MarkdownRenderer.options()).build();
        assertThat(QuickBlockStarts.install(parser)).isTrue();
        return parser;
    }

    /** Fails when a flexmark upgrade keeps its starters elsewhere, so the shortcut is lost. */
    @Test
    void wrapsTheStartersOfThisFlexmarkInTheirOrder() throws Exception {
        List<Class<?>> kinds = QuickBlockStarts.wrappedKinds(QUICK);
        assertThat(kinds).containsExactlyInAnyOrder(HeadingParser.Factory.class, ThematicBreakParser.Factory.class,
                FencedCodeBlockParser.Factory.class, ListBlockParser.Factory.class);
        assertThat(QuickBlockStarts.wrappedKinds(PLAIN)).isEmpty();
        // flexmark tries a heading before a thematic break, and both before a list: "---" under a
        // paragraph is a heading's underline, "- - -" a break rather than a list.
        assertThat(kinds.indexOf(HeadingParser.Factory.class)).isLessThan(kinds.indexOf(ThematicBreakParser.Factory.class));
        assertThat(kinds.indexOf(ThematicBreakParser.Factory.class)).isLessThan(kinds.indexOf(ListBlockParser.Factory.class));
    }

    @Test
    void findsTheSameBlocksInDocumentsMadeOfBlockStarts() {
        Random random = new Random(20261129);
        for (int i = 0; i < 4000; i++) {
            String markdown = document(random);
            assertSameTree(markdown);
        }
    }

    /** The starters made once serve every thread: parsing on four at once finds the same blocks. */
    @Test
    void findsTheSameBlocksOnManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = 7 + t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 500; i++) {
                        assertSameTree(document(random));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Lines that start, or nearly start, blocks of every kind: headings and their underlines,
     * thematic breaks, fences, lists, quotes and indented code, with the characters that could
     * follow, under paragraphs and inside lists and quotes.
     */
    private static String document(Random random) {
        String[] indents = {"", "", "", " ", "  ", "   ", "    ", "\t", "> ", "- ", "1. ", "  - "};
        String[] starts = {"#", "##", "######", "#######", "=", "==", "===", "-", "--", "---", "- - -", "*", "**",
            "***", "* * *", "_", "__", "___", "_ _ _", "`", "``", "```", "````", "~", "~~", "~~~", "+", "1.", "1)",
            "7.", "9)", "10)", "123456789.", "1234567890.", "2.x", "-x", "+\t", "a.", "•",
            ">", "<div>", "[^1]:", "[a]:", "|", "\\#", "&#35;", "\u00a0#", "\0", "word", "Слово", ""};
        String[] ends = {"", " ", "  ", "\t", " x", " #", " # #", "x", " ```", " ~", " `x`", "=", "-", " -", "*"};
        StringBuilder markdown = new StringBuilder();
        for (int line = random.nextInt(12); line >= 0; line--) {
            markdown.append(indents[random.nextInt(indents.length)]).append(starts[random.nextInt(starts.length)])
                    .append(ends[random.nextInt(ends.length)]);
            markdown.append(random.nextInt(8) == 0 ? "\r\n" : random.nextInt(5) == 0 ? "\n\n" : "\n");
        }
        return markdown.toString();
    }

    private static void assertSameTree(String markdown) {
        Node plain = PLAIN.parse(markdown);
        Node quick = QUICK.parse(markdown);
        assertThat(NodeTrees.tree(quick)).as("blocks of %s", markdown).isEqualTo(NodeTrees.tree(plain));
        assertThat(RENDERER.render(quick)).as("HTML of %s", markdown).isEqualTo(RENDERER.render(plain));
    }
}
