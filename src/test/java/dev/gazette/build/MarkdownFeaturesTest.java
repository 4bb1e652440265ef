package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub-flavoured Markdown in article bodies, and relative links and images rewritten to site URLs. */
class MarkdownFeaturesTest {

    @TempDir
    static Path dir;
    static FixtureSite site;
    static Document page;

    @BeforeAll
    static void build() {
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Markdown Courier
                timezone: Asia/Tashkent
                -- content/2023/12/a.md --
                ---
                title: The earlier report
                date: 2022-12-22 20:26
                category: Politics
                ---
                The first report.
                -- content/2023/05/images/p.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3"/></svg>
                -- content/2023/05/features.md --
                ---
                title: Every feature at once
                date: 2023-05-17 10:00
                category: Economy
                image: images/p.svg
                imageAlt: The solar plant
                ---
                Trade figures, as reported [earlier](../12/a.md) and [in detail](../12/a.md#details).

                | Year | Trade, $ bn |
                |------|------------:|
                | 2021 | 3.8 |
                | 2022 | 4.6 |

                The old forecast was ~~3 billion~~ and is now higher.

                Full data at https://example.org/x for anyone.

                The ministry confirmed the figures.[^1]

                ![Panels in the sun](images/p.svg)

                [^1]: Ministry of Investment, March 2023.
                """).buildOk();
        page = site.page("/2023/05/17/features/");
    }

    private static Element body() {
        return page.selectFirst(".story-body");
    }

    @Test
    void githubTableBecomesATable() {
        Elements table = body().select("table");
        assertThat(table).hasSize(1);
        assertThat(table.select("th").eachText()).containsExactly("Year", "Trade, $ bn");
        assertThat(table.select("tbody tr")).hasSize(2);
        assertThat(table.select("tbody tr").get(1).select("td").eachText()).containsExactly("2022", "4.6");
    }

    @Test
    void doubleTildeBecomesStrikethrough() {
        assertThat(body().select("del").eachText()).containsExactly("3 billion");
        assertThat(body().text()).doesNotContain("~~");
    }

    @Test
    void bareUrlBecomesALink() {
        assertThat(body().select("a[href=https://example.org/x]").text()).isEqualTo("https://example.org/x");
    }

    @Test
    void footnoteReferenceLinksToAFootnoteSection() {
        Elements refs = body().select("sup a[href^=#]");
        assertThat(refs).hasSize(1);
        String target = refs.attr("href").substring(1);
        Element note = page.getElementById(target);
        assertThat(note).as("footnote #" + target).isNotNull();
        assertThat(note.text()).contains("Ministry of Investment, March 2023.");
        assertThat(body().text()).doesNotContain("[^1]");
    }

    @Test
    void relativeImageIsCopiedAndLinkedFromTheSiteRoot() {
        assertThat(body().select("img").attr("src")).isEqualTo("/2023/05/images/p.svg");
        assertThat(body().select("img").attr("alt")).isEqualTo("Panels in the sun");
        assertThat(site.outputFile("/2023/05/images/p.svg"))
                .hasSameBinaryContentAs(dir.resolve("content/2023/05/images/p.svg"));
    }

    @Test
    void relativeLinkToAnotherArticleBecomesThatArticlesUrl() {
        Elements links = body().select("a");
        assertThat(links.select("a:contains(earlier)").attr("href")).isEqualTo("/2022/12/22/a/");
        assertThat(links.select("a:contains(in detail)").attr("href")).isEqualTo("/2022/12/22/a/#details");
        assertThat(site.exists("/2022/12/22/a/")).isTrue();
        assertThat(page.html()).doesNotContain(".md\"");
    }

    @Test
    void frontMatterImageIsTheArticlesFigure() {
        Element img = page.selectFirst("figure.story-image img");
        assertThat(img).isNotNull();
        assertThat(img.attr("src")).isEqualTo("/2023/05/images/p.svg");
        assertThat(img.attr("alt")).isEqualTo("The solar plant");
    }

    @Test
    void markdownSourcesAreNotPublished() {
        assertThat(FixtureSite.tree(site.output()).keySet()).noneMatch(p -> p.endsWith(".md"));
    }
}
