package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A link's scheme, which the parser keeps such links by, found by hand as RFC 3986 defines it. */
class LinkSchemeTest {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @Test
    void findsTheSchemesOfLinks() {
        assertThat(ArticleParser.startsWithScheme("https://example.org/a")).isTrue();
        assertThat(ArticleParser.startsWithScheme("mailto:desk@example.org")).isTrue();
        assertThat(ArticleParser.startsWithScheme("tel:+998712000000")).isTrue();
        assertThat(ArticleParser.startsWithScheme("svn+ssh.x-y:z")).isTrue();
        assertThat(ArticleParser.startsWithScheme("politics/treaty.md")).isFalse();
        assertThat(ArticleParser.startsWithScheme("../a.md?x=1:2")).isFalse();
        assertThat(ArticleParser.startsWithScheme("1http://x")).isFalse();
        assertThat(ArticleParser.startsWithScheme(":x")).isFalse();
        assertThat(ArticleParser.startsWithScheme("сайт:x")).isFalse();
        assertThat(ArticleParser.startsWithScheme("")).isFalse();
    }

    /** The same answer as the regular expression it replaces, for random texts of the characters that matter. */
    @Test
    void agreesWithTheRegularExpression() {
        String alphabet = "aZq09+.-:/?#_ é\u0434";
        Random random = new Random(20261129);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder url = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = url.toString();
            assertThat(ArticleParser.startsWithScheme(text)).as(text).isEqualTo(SCHEME.matcher(text).find());
        }
    }
}
