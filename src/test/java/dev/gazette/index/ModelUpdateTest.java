package dev.gazette.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.load.ContentLoader;
import dev.gazette.parse.Article;
import dev.gazette.parse.ArticleParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's shortcut: an edit that moves nothing gives the model a full index would. */
class ModelUpdateTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- gazette.yaml --
            title: Courier
            pageSize: 2
            -- content/a.md --
            ---
            title: Treaty signed
            date: 2022-12-22 20:26
            category: Politics
            tags: [Tashkent, Treaty]
            ---
            First body.
            -- content/b.md --
            ---
            title: Border talks
            date: 2022-12-20 09:00
            category: Politics
            tags: [Treaty]
            ---
            Second body.
            -- content/c.md --
            ---
            title: Cotton harvest
            date: 2022-11-02 12:00
            category: Economy
            tags: [Tashkent]
            ---
            Third body.
            """;

    @Test
    void anEditThatMovesNothingUpdatesThePreviousModelInPlace() {
        FixtureSite site = FixtureSite.write(dir, SITE);
        SiteConfig config = config();
        SiteModel before = SiteIndexer.index(parse(config), config);

        site.add("""
                -- content/b.md --
                ---
                title: Border talks resume
                summary: A new summary.
                date: 2022-12-20 09:00
                category: Politics
                tags: [Treaty]
                ---
                A rewritten body.
                """);
        List<Article> edited = parse(config);
        SiteModel updated = SiteIndexer.index(edited, config, before);
        assertThat(updated).isEqualTo(SiteIndexer.index(edited, config));
        // The one-off build's test for the same case: the index keys hash alike.
        assertThat(IndexKeys.hash(updated.articles())).isEqualTo(IndexKeys.hash(before.articles()));

        Article b = edited.stream().filter(a -> a.source().endsWith("b.md")).findFirst().orElseThrow();
        // Every list and "More news" block shows the new version, never the old one.
        for (Page page : updated.pages()) {
            List<Article> shown = page instanceof Page.ListPage p ? p.articles()
                    : page instanceof Page.ArticlePage p ? p.related() : List.of();
            for (Article article : shown) {
                if (article.source().equals(b.source())) {
                    assertThat(article).isSameAs(b);
                }
            }
        }
        // Pages that do not show the article are the very same records.
        Page categoryList = updated.pages().stream()
                .filter(p -> p.sitePath().equals("/category/economy/")).findFirst().orElseThrow();
        assertThat(before.pages()).anySatisfy(p -> assertThat(p).isSameAs(categoryList));
    }

    @Test
    void noChangeGivesTheSameModel() {
        FixtureSite.write(dir, SITE);
        SiteConfig config = config();
        List<Article> articles = parse(config);
        SiteModel before = SiteIndexer.index(articles, config);
        assertThat(SiteIndexer.index(articles, config, before)).isSameAs(before);
    }

    @Test
    void aNewTagDateOrCategoryIndexesAgain() {
        FixtureSite site = FixtureSite.write(dir, SITE);
        SiteConfig config = config();
        SiteModel before = SiteIndexer.index(parse(config), config);
        for (String header : List.of(
                "date: 2022-12-20 09:00\ncategory: Politics\ntags: [Treaty, Samarkand]",
                "date: 2021-01-05 09:00\ncategory: Politics\ntags: [Treaty]",
                "date: 2022-12-20 09:00\ncategory: Economy\ntags: [Treaty]")) {
            site.add("-- content/b.md --\n---\ntitle: Border talks\n" + header + "\n---\nSecond body.\n");
            List<Article> edited = parse(config);
            SiteModel updated = SiteIndexer.index(edited, config, before);
            assertThat(updated).as(header).isEqualTo(SiteIndexer.index(edited, config));
            assertThat(updated).as(header).isNotEqualTo(before);
            assertThat(IndexKeys.hash(updated.articles())).as(header).isNotEqualTo(IndexKeys.hash(before.articles()));
        }
    }

    @Test
    void anAddedOrRemovedArticleIndexesAgain() {
        FixtureSite site = FixtureSite.write(dir, SITE);
        SiteConfig config = config();
        SiteModel before = SiteIndexer.index(parse(config), config);
        site.add("""
                -- content/d.md --
                ---
                title: New bridge
                date: 2022-12-21 10:00
                category: Economy
                ---
                Body.
                """);
        List<Article> added = parse(config);
        SiteModel updated = SiteIndexer.index(added, config, before);
        assertThat(updated.articles()).hasSize(4);
        assertThat(updated).isEqualTo(SiteIndexer.index(added, config));
        assertThat(IndexKeys.hash(updated.articles())).isNotEqualTo(IndexKeys.hash(before.articles()));
    }

    private SiteConfig config() {
        return ConfigLoader.load(dir, null, new Diagnostics());
    }

    private ArticleParser parser;

    /** Parses the site again with one parser, which keeps unchanged articles as the same instances. */
    private List<Article> parse(SiteConfig config) {
        if (parser == null) {
            parser = new ArticleParser(config, false);
        }
        Diagnostics diagnostics = new Diagnostics();
        List<Article> articles = parser.parse(ContentLoader.load(dir, diagnostics), diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
        return articles;
    }
}
