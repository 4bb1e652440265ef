package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.load.ContentLoader;
import dev.gazette.load.KnownSources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article without a summary: line gets its first paragraph, cut at a word near 200 characters. */
class DerivedSummaryTest {

    @TempDir
    Path dir;

    @Test
    void theFirstParagraphIsCutAtAWordWithoutTrailingPunctuation() {
        String words = "Word ".repeat(37); // 185 characters
        List<Article> articles = parse(words + "ends here — then, more text follows on after the cut.",
                "Short first paragraph.");

        // Cut at the space after the dash, which goes with it.
        assertThat(articles.get(0).summary()).isEqualTo(words + "ends here…");
        assertThat(articles.get(1).summary()).isEqualTo("Short first paragraph.");
    }

    @Test
    void spacesAndPunctuationBeforeTheCutAreDropped() {
        String words = "Слово ".repeat(32); // 192 characters
        List<Article> articles = parse(words + "x ,;:. — and a long tail of words after the cut",
                "A".repeat(250));

        assertThat(articles.get(0).summary()).isEqualTo(words + "x…");
        // No space in the first half: cut at the limit itself.
        assertThat(articles.get(1).summary()).isEqualTo("A".repeat(200) + "…");
    }

    private List<Article> parse(String first, String second) {
        FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Courier
                -- content/a.md --
                ---
                title: A
                date: 2022-12-22 20:26
                category: Politics
                ---
                %s
                -- content/b.md --
                ---
                title: B
                date: 2022-12-21 20:26
                category: Politics
                ---
                %s
                """.formatted(first, second));
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(dir, null, diagnostics);
        List<Article> articles = new ArticleParser(config, false)
                .parse(ContentLoader.list(dir, KnownSources.none()), diagnostics);
        assertThat(diagnostics.hasErrors()).isFalse();
        return articles;
    }
}
