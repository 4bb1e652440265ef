package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostic;
import dev.gazette.diag.Diagnostics;
import dev.gazette.load.ContentLoader;
import dev.gazette.load.KnownSources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small archive's build keeps each body from the first pass to the second; a large one reads
 * the file again. Both must give the same articles and the same problems.
 */
class BodyPassTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- gazette.yaml --
            title: Courier
            timezone: Asia/Tashkent
            -- content/2022/12/treaty.md --
            ---
            title: "Shartnoma imzolandi: Тошкент"
            date: 2022-12-22 20:26
            category: Politics
            tags: [Tashkent, Договор]
            ---
            Тело статьи with a [link](other.md), **bold** text and a footnote.[^1]

            > A quote.

            [^1]: The note.
            -- content/2022/12/other.md --
            ---
            title: Other
            date: 2022-12-20T09:00:00Z
            category: Economy
            ---
            Short, with a bare link: https://example.org/x
            -- content/2022/12/broken.md --
            ---
            title: Broken
            date: 2022-12-21
            category: Economy
            ---
            A [link](missing.md) to nowhere.
            """;

    @Test
    void readingEachBodyAgainGivesWhatKeepingItGives() {
        FixtureSite.write(dir, SITE);
        Diagnostics kept = new Diagnostics();
        Diagnostics readAgain = new Diagnostics();

        List<Article> keeping = parse(ArticleParser.KEEP_BODIES_UP_TO, kept);
        List<Article> reading = parse(0, readAgain);

        assertThat(keeping).hasSize(2);
        assertThat(reading).isEqualTo(keeping);
        assertThat(reading.get(1).body().html()).isEqualTo(keeping.get(1).body().html())
                .contains("<blockquote>", "Тело статьи", "<strong>bold</strong>");
        assertThat(readAgain.sorted()).extracting(Diagnostic::toString)
                .isEqualTo(kept.sorted().stream().map(Diagnostic::toString).toList())
                .singleElement().asString().contains("content/2022/12/broken.md", "missing.md");
    }

    private List<Article> parse(int keepBodiesUpTo, Diagnostics diagnostics) {
        SiteConfig config = ConfigLoader.load(dir, null, diagnostics);
        ArticleParser parser = new ArticleParser(config, false);
        parser.keepBodiesUpTo(keepBodiesUpTo);
        return parser.parse(ContentLoader.list(dir, KnownSources.none()), diagnostics);
    }
}
