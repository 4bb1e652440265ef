package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link TextSequence} against flexmark's own sequence over a String, and what flexmark parses from each. */
class TextSequenceTest {

    private static final String[] PIECES = {"a", "word ", "Слово", "\u0000", "\r\n", "\n", "\n\n", " ", "\t", "\\", "&amp;",
        "*", "_", "`", "~~", "[", "](", ")", "<", ">", "# ", "- ", "1. ", "> ", "    ", "---", "```", "|", "| a |\n|---|\n",
        "[^1]", "[^1]: note\n", "http://x.org/p", "www.y.org", "a@b.co", "![i](/i.png \"t\")", "\ud83d\ude00", "é",
        "<div>", "&#0;", "[r]\n\n[r]: /u\n"};

    @Test
    void readsAsFlexmarksOwnSequence() {
        Random random = new Random(20261129);
        for (int i = 0; i < 20_000; i++) {
            String text = text(random, 8);
            BasedSequence ours = TextSequence.of(text, TextScan.of(text));
            BasedSequence theirs = BasedSequence.of(text);
            assertSame(ours, theirs, text);
            int start = random.nextInt(text.length() + 1);
            int end = start + random.nextInt(text.length() - start + 1);
            BasedSequence ourPart = ours.subSequence(start, end);
            assertSame(ourPart, theirs.subSequence(start, end), text);
            int from = random.nextInt(ourPart.length() + 1);
            int to = from + random.nextInt(ourPart.length() - from + 1);
            assertSame(ourPart.subSequence(from, to), theirs.subSequence(start, end).subSequence(from, to), text);
            assertSame(ourPart.baseSubSequence(start, end), theirs.baseSubSequence(start, end), text);
            assertThat((Object) ourPart.getBaseSequence()).isSameAs(ours);
        }
    }

    /** The production parser, from the text as a String and as a TextSequence: the same nodes and HTML. */
    @Test
    void parsesAsFromAString() throws IOException {
        MutableDataSet options = MarkdownRenderer.options();
        Parser parser = StringMatchingInlineParser.install(Parser.builder(options), options).build();
        QuickBlockStarts.install(parser);
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        List<String> documents = new ArrayList<>();
        try (Stream<Path> articles = Files.walk(Path.of("content"))) {
            for (Path article : articles.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                documents.add(Files.readString(article));
            }
        }
        assertThat(documents).hasSizeGreaterThan(10);
        Random random = new Random(20261130);
        for (int i = 0; i < 3000; i++) {
            documents.add(text(random, 30));
        }
        for (String markdown : documents) {
            Node fromString = parser.parse(markdown);
            Node fromSequence = parser.parse(TextSequence.of(markdown, TextScan.of(markdown)));
            assertThat(NodeTrees.tree(fromSequence)).as("nodes of %s", markdown)
                    .isEqualTo(NodeTrees.tree(fromString));
            assertThat(renderer.render(fromSequence)).as("HTML of %s", markdown).isEqualTo(renderer.render(fromString));
        }
    }

    /**
     * The inline parser's run of adjacent text pieces is the range flexmark's builder makes of
     * them; pieces with a gap between them, or from another text, are left to flexmark.
     */
    @Test
    void joinsAdjacentPiecesAsFlexmarkDoes() {
        Random random = new Random(20261131);
        for (int i = 0; i < 20_000; i++) {
            String text = text(random, 12) + "tail";
            TextSequence whole = TextSequence.of(text, TextScan.of(text));
            int from = random.nextInt(text.length());
            BasedSequence input = whole.subSequence(from, from + 1 + random.nextInt(text.length() - from));
            List<BasedSequence> pieces = new ArrayList<>();
            for (int at = 0; at < input.length(); ) {
                int end = at + random.nextInt(input.length() - at + 1);
                pieces.add(input.subSequence(at, end));
                at = end + (random.nextInt(8) == 0 ? 1 : 0);
            }
            boolean gap = false;
            for (int p = 1; p < pieces.size(); p++) {
                gap |= pieces.get(p).getStartOffset() != pieces.get(p - 1).getEndOffset();
            }
            BasedSequence run = StringMatchingInlineParser.adjacentRun(input, pieces);
            BasedSequence flexmarks = SegmentedSequence.create(input, pieces);
            if (gap || flexmarks.isEmpty()) {
                assertThat((Object) run).as("pieces %s of %s", pieces, text).isNull();
            } else {
                assertThat((Object) run).as("pieces %s of %s", pieces, text).isNotNull();
                assertSame(run, flexmarks, text);
                assertThat((Object) run.getBaseSequence()).isSameAs(whole);
            }
        }
        String other = "another t";
        TextSequence text = TextSequence.of("some text", TextScan.of("some text"));
        assertThat((Object) StringMatchingInlineParser.adjacentRun(text,
                List.of(text.subSequence(0, 4), TextSequence.of(other, TextScan.of(other)).subSequence(4, 9)))).isNull();
        assertThat((Object) StringMatchingInlineParser.adjacentRun(text,
                List.of(text.subSequence(0, 4), BasedSequence.of("some text").subSequence(4, 9)))).isNull();
        BasedSequence withGap = SegmentedSequence.create(text.subSequence(4, 5), text.subSequence(6, 9));
        assertThat((Object) StringMatchingInlineParser.adjacentRun(text, List.of(text.subSequence(0, 4), withGap))).isNull();
    }

    private static String text(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(pieces); n >= 0; n--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static void assertSame(BasedSequence ours, BasedSequence theirs, String text) {
        String as = "in " + text;
        assertThat(ours.length()).as(as).isEqualTo(theirs.length());
        assertThat(ours.toString()).as(as).isEqualTo(theirs.toString());
        for (int i = 0; i < ours.length(); i++) {
            assertThat(ours.charAt(i)).as(as).isEqualTo(theirs.charAt(i));
        }
        assertThat(ours.getStartOffset()).as(as).isEqualTo(theirs.getStartOffset());
        assertThat(ours.getEndOffset()).as(as).isEqualTo(theirs.getEndOffset());
        assertThat(ours.getSourceRange()).as(as).isEqualTo(theirs.getSourceRange());
        assertThat(ours.getIndexOffset(ours.length())).as(as).isEqualTo(theirs.getIndexOffset(theirs.length()));
        // flexmark's whole sequence takes its String's hash, which differs where NUL is read as
        // U+FFFD (and equals compares hashes first); any part of it hashes what it reads.
        assertThat(ours.hashCode()).as(as).isEqualTo(ours.toString().hashCode());
        if (theirs != theirs.getBaseSequence() || text.indexOf('\0') < 0) {
            assertThat(ours.hashCode()).as(as).isEqualTo(theirs.hashCode());
            assertThat(ours.equals(theirs)).as(as).isTrue();
        }
        assertThat(ours.trim().toString()).as(as).isEqualTo(theirs.trim().toString());
        assertThat(ours.unescape()).as(as).isEqualTo(theirs.unescape());
        assertThat(ours.isBlank()).as(as).isEqualTo(theirs.isBlank());
        assertThat(ours.getBase()).as(as).isEqualTo(theirs.getBase());
        assertThat(TextSequence.stringBehind(ours)).as(as).isSameAs(text);
    }
}
