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
            -- content/2022/12/photo.md --
            ---
            title: Photo
            date: 2022-12-21
            category: Economy
            ---
            ![Kept](img/kept.jpg) and ![gone](img/gone.jpg).
            -- content/2022/12/img/kept.jpg --
            not really a picture
            -- content/2022/12/plain.md --
            ---
            title: Plain
            date: 2022-12-19
            category: Economy
            ---
            Only a [site link](/about/) and an [outside one](https://example.org/).
            -- content/2022/12/escaped.md --
            ---
            title: Escaped
            date: 2022-12-18
            category: Economy
            ---
            A link to [the other report](other%2Emd), its name escaped.
            """;

    @Test
    void readingEachBodyAgainGivesWhatKeepingItGives() {
        FixtureSite.write(dir, SITE);
        Diagnostics kept = new Diagnostics();
        Diagnostics readAgain = new Diagnostics();

        List<Article> keeping = parse(ArticleParser.KEEP_BODIES_UP_TO, kept);
        List<Article> reading = parse(0, readAgain);

        assertThat(keeping).hasSize(4);
        assertThat(reading).isEqualTo(keeping);
        assertThat(reading.get(3).body().html()).isEqualTo(keeping.get(3).body().html())
                .contains("<blockquote>", "Тело статьи", "<strong>bold</strong>");
        assertThat(readAgain.sorted()).extracting(Diagnostic::toString)
                .isEqualTo(kept.sorted().stream().map(Diagnostic::toString).toList())
                .hasSize(2).allSatisfy(d -> assertThat(d.toString()).containsAnyOf("missing.md", "img/gone.jpg"));
    }

    /**
     * Only a body with a link to another article waits for the second pass, when every article's
     * URL is known (or one with a problem, reported there once); the others are made as their
     * files are read, so their text is not kept in between.
     */
    @Test
    void onlyBodiesThatLinkToArticlesOrHaveProblemsWaitForTheSecondPass() {
        FixtureSite.write(dir, SITE);
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(dir, null, diagnostics);
        ArticleParser parser = new ArticleParser(config, false);

        List<Article> articles = parser.parse(ContentLoader.list(dir, KnownSources.none()), diagnostics);

        // treaty.md and escaped.md (link to other.md), broken.md and photo.md (problems); not
        // other.md or plain.md. The first pass tried only photo.md (its problem shows when
        // rendered) and escaped.md (no ".md" in its text).
        assertThat(parser.secondPassBodies()).isEqualTo(4);
        assertThat(parser.firstPassTriesLost()).isEqualTo(2);
        assertThat(articles).extracting(Article::title)
                .containsExactly("Escaped", "Other", "Plain", "Shartnoma imzolandi: Тошкент");
        assertThat(articles.get(3).body().html()).contains("href=\"/2022/12/20/other/\"");
        assertThat(articles.get(0).body().html()).contains("href=\"/2022/12/20/other/\"");
        assertThat(articles.get(2).body().html()).contains("href=\"/about/\"", "href=\"https://example.org/\"");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString).hasSize(2)
                .anySatisfy(d -> assertThat(d).contains("content/2022/12/broken.md:6", "missing.md"))
                .anySatisfy(d -> assertThat(d).contains("content/2022/12/photo.md:6", "img/gone.jpg"));
    }

    private List<Article> parse(int keepBodiesUpTo, Diagnostics diagnostics) {
        SiteConfig config = ConfigLoader.load(dir, null, diagnostics);
        ArticleParser parser = new ArticleParser(config, false);
        parser.keepBodiesUpTo(keepBodiesUpTo);
        return parser.parse(ContentLoader.list(dir, KnownSources.none()), diagnostics);
    }
}
