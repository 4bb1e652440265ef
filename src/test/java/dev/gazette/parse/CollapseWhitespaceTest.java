package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass whitespace collapse gives what the regular expression it replaced gave. */
class CollapseWhitespaceTest {

    private static final String ALPHABET = " \t\n\u000B\f\r\u00A0\u2003\u3000xяʻ.";

    @Test
    void agreesWithTheRegularExpressionOnRandomText() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = text.toString();
            assertThat(MarkdownRenderer.collapseWhitespace(s)).as("%s", s.chars().boxed().toList())
                    .isEqualTo(s.replaceAll("\\s+", " ").strip());
        }
    }

    @Test
    void keepsWordsAndTheirOrder() {
        assertThat(MarkdownRenderer.collapseWhitespace("\n  Toshkent\t\tshahri \r\n Ташкент  ")).isEqualTo("Toshkent shahri Ташкент");
    }
}
