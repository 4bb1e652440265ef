package dev.gazette.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

    @TempDir
    static Path dir;
    static FixtureSite site;

    @BeforeAll
    static void build() {
        StringBuilder spec = new StringBuilder("""
                -- gazette.yaml --
                pageSize: 2
                timezone: Asia/Tashkent
                -- content/a.md --
                ---
                title: First
                date: 2022-12-20 10:00
                category: Politics
                tags: [Tashkent, Energy]
                author: Dilnoza Karimova
                ---
                One.
                -- content/b.md --
                ---
                title: Second
                date: 2022-12-21 10:00
                category: Economy
                tags: [tashkent, Ташкент-energy]
                author: [Dilnoza Karimova, Aziz Rakhimov]
                ---
                Two.
                -- content/c.md --
                ---
                title: Third
                date: 2022-12-22 10:00
                category: Economy
                tags: [TASHKENT]
                author: aziz rakhimov
                ---
                Three.
                """);
        site = FixtureSite.write(dir, spec.toString()).buildOk();
    }

    @Test
    void spellingsThatSlugTheSameAreOneTagNamedByTheMostUsedSpelling() {
        Document tags = site.page("/tag/");
        assertThat(tags.select(".index-list a").eachAttr("href"))
                .containsExactlyInAnyOrder("/tag/tashkent/", "/tag/energy/", "/tag/tashkent-energy/");
        Document tashkent = site.page("/tag/tashkent/");
        assertThat(tashkent.select("h1").text()).startsWith("Tashkent");
        assertThat(tags.select("a[href=/tag/tashkent/]").first().parent().text()).contains("3 articles");
    }

    @Test
    void tagPagesArePaginatedNewestFirst() {
        assertThat(site.page("/tag/tashkent/").select(".article-list h2 a").eachText()).containsExactly("Third", "Second");
        assertThat(site.page("/tag/tashkent/page/2/").select(".article-list h2 a").eachText()).containsExactly("First");
        assertThat(site.exists("/tag/energy/page/2/")).isFalse();
    }

    @Test
    void authorPagesListTheirArticlesAndTheAuthorIndexCountsThem() {
        assertThat(site.page("/author/aziz-rakhimov/").select(".article-list h2 a").eachText())
                .containsExactly("Third", "Second");
        assertThat(site.page("/author/aziz-rakhimov/").select("h1").text()).startsWith("Aziz Rakhimov");
        Document authors = site.page("/author/");
        assertThat(authors.select("a[href=/author/dilnoza-karimova/]").first().parent().text()).contains("2 articles");
    }

    @Test
    void articlePagesLinkTheirTagsAndAuthors() {
        Document second = site.page("/2022/12/21/b/");
        assertThat(second.select("ul.tags a").eachAttr("href")).containsExactly("/tag/tashkent/", "/tag/tashkent-energy/");
        assertThat(second.select("ul.tags a").eachText()).containsExactly("Tashkent", "Ташкент-energy");
        assertThat(second.select(".byline a").eachAttr("href"))
                .containsExactly("/author/dilnoza-karimova/", "/author/aziz-rakhimov/");
    }
}
