package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.parser.Parser;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** flexmark's list-item expression, anchored once, against flexmark's own. */
class AnchoredListMarkersTest {

    /** flexmark's four shapes of it, for the bullets of Gazette's options. */
    private static final String[] FLEXMARK = {
        "^([\\Q+*-\\E])(?=[ \t])|^(\\d{1,9})([.])(?=[ \t])",
        "^([\\Q+*-\\E])(?=[ \t])|^(\\d{1,9})([.)])(?=[ \t])",
        "^([\\Q+*-\\E])(?= |\t|$)|^(\\d{1,9})([.])(?= |\t|$)",
        "^([\\Q+*-\\E])(?= |\t|$)|^(\\d{1,9})([.)])(?= |\t|$)",
    };

    /** Fails when a flexmark upgrade keeps or writes the expression otherwise, so the gain is lost. */
    @Test
    void theParsersOfArticlesUseTheAnchoredExpression() {
        new MarkdownRenderer(); // anchors it, as every build does
        Parser parser = Parser.builder(MarkdownRenderer.options()).build();

        Pattern current = new Parsing(parser.getOptions()).LIST_ITEM_MARKER;

        assertThat(current.pattern()).startsWith("^(?:").doesNotContain("|^")
                .isIn(Arrays.stream(FLEXMARK).map(r -> AnchoredListMarkers.anchored(Pattern.compile(r)).pattern()).toList());
    }

    @Test
    void matchesAsFlexmarksOwnOnLinesThatStartOrNearlyStartListItems() {
        String[] starts = {"", "-", "+", "*", "•", "1", "1.", "1)", "123456789", "123456789.", "1234567890.", "0)",
            "a.", "-1.", "x", " ", "\t", "Слово", "(", "|", "^"};
        String[] follows = {"", " ", "\t", "  x", "x", ".", ")", " - 1. x", "\n", "-"};
        Random random = new Random(20261129);
        for (String regex : FLEXMARK) {
            Pattern flexmark = Pattern.compile(regex);
            Pattern anchored = AnchoredListMarkers.anchored(flexmark);
            assertThat(anchored.pattern()).startsWith("^(?:");
            assertThat(AnchoredListMarkers.anchored(anchored)).isSameAs(anchored);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder line = new StringBuilder();
                for (int part = random.nextInt(4); part >= 0; part--) {
                    line.append(starts[random.nextInt(starts.length)]).append(follows[random.nextInt(follows.length)]);
                }
                assertSameMatch(flexmark, anchored, line.toString());
            }
        }
    }

    @Test
    void leavesOtherShapesAlone() {
        assertThat(AnchoredListMarkers.anchored(Pattern.compile("^-(?=[ \t])"))).isNull();
        assertThat(AnchoredListMarkers.anchored(Pattern.compile("-|^1"))).isNull();
        assertThat(AnchoredListMarkers.anchored(Pattern.compile("^(a|^b)"))).isNull();
        assertThat(AnchoredListMarkers.anchored(Pattern.compile("^a|^b|^c"))).isNull();
        assertThat(AnchoredListMarkers.anchored(Pattern.compile("^a|^b", Pattern.CASE_INSENSITIVE)).flags())
                .isEqualTo(Pattern.CASE_INSENSITIVE);
    }

    private static void assertSameMatch(Pattern flexmark, Pattern anchored, String line) {
        Matcher expected = flexmark.matcher(line);
        Matcher actual = anchored.matcher(line);
        boolean found = expected.find();
        assertThat(actual.find()).as("%s in %s", anchored, line).isEqualTo(found);
        if (found) {
            assertThat(actual.groupCount()).isEqualTo(expected.groupCount());
            assertThat(actual.start()).isEqualTo(expected.start());
            assertThat(actual.end()).isEqualTo(expected.end());
            for (int g = 0; g <= expected.groupCount(); g++) {
                assertThat(actual.group(g)).as("group %d of %s", g, line).isEqualTo(expected.group(g));
            }
        }
    }
}
