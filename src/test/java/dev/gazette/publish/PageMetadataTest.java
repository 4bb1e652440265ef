package dev.gazette.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.FixtureSite;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageMetadataTest {

    private static final String TITLE = "Minister: </script><script>alert(\"x\")</script> & more";

    @TempDir
    static Path dir;
    static FixtureSite site;

    @BeforeAll
    static void build() {
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Test Courier
                baseUrl: https://example.org/news/
                timezone: Asia/Tashkent
                -- content/2022/12/treaty.md --
                ---
                title: 'Minister: </script><script>alert("x")</script> & more'
                date: 2022-12-22 20:26
                updated: 2022-12-23 09:00
                category: Politics
                tags: [Uzbekistan, Kazakhstan]
                author: Dilnoza Karimova
                summary: A "quoted" summary.
                image: photo.svg
                imageAlt: The signing
                ---
                Body.
                -- content/2022/12/photo.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>
                -- content/2022/12/hidden.md --
                ---
                title: Hidden
                date: 2022-12-21
                category: Politics
                noindex: true
                ---
                Not for search engines.
                """).buildOk();
    }

    private static String meta(Document page, String property) {
        Element e = page.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null ? null : e.attr("content");
    }

    @Test
    void everyPageHasTitleDescriptionCanonicalAndSocialTags() {
        for (String path : new String[] {"/", "/category/politics/", "/2022/12/", "/archive/", "/tag/", "/2022/12/22/treaty/"}) {
            Document page = site.page(path);
            assertThat(page.title()).as(path).isNotBlank();
            assertThat(page.select("link[rel=canonical]").attr("href")).as(path).isEqualTo("https://example.org/news" + path);
            assertThat(meta(page, "og:url")).as(path).isEqualTo("https://example.org/news" + path);
            assertThat(meta(page, "og:title")).as(path).isNotBlank();
            assertThat(meta(page, "og:site_name")).as(path).isEqualTo("Test Courier");
            assertThat(meta(page, "twitter:card")).as(path).isNotBlank();
            assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href")).as(path)
                    .isEqualTo("/news/feed.xml");
            assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href")).as(path)
                    .isEqualTo("/news/atom.xml");
        }
        assertThat(site.page("/category/politics/").select("link[rel=alternate]").eachAttr("href"))
                .contains("/news/category/politics/feed.xml", "/news/category/politics/atom.xml");
    }

    @Test
    void articlePagesCarryOpenGraphArticleTagsWithValuesAsWritten() {
        Document page = site.page("/2022/12/22/treaty/");
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:title")).isEqualTo(TITLE);
        assertThat(meta(page, "og:description")).isEqualTo("A \"quoted\" summary.");
        assertThat(meta(page, "og:image")).isEqualTo("https://example.org/news/2022/12/photo.svg");
        assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "article:published_time")).isEqualTo("2022-12-22T20:26:00+05:00");
        assertThat(meta(page, "article:modified_time")).isEqualTo("2022-12-23T09:00:00+05:00");
        assertThat(meta(page, "article:section")).isEqualTo("Politics");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactly("Uzbekistan", "Kazakhstan");
        assertThat(page.select("meta[name=robots]")).isEmpty();
    }

    @Test
    void jsonLdIsANewsArticleThatAScriptInTheTitleCannotBreakOutOf() throws Exception {
        Document page = site.page("/2022/12/22/treaty/");
        assertThat(page.select("script")).hasSize(1);
        Element script = page.selectFirst("script[type=application/ld+json]");
        JsonNode json = new ObjectMapper().readTree(script.data());
        assertThat(json.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(json.get("headline").asText()).isEqualTo(TITLE);
        assertThat(json.get("datePublished").asText()).isEqualTo("2022-12-22T20:26:00+05:00");
        assertThat(json.get("dateModified").asText()).isEqualTo("2022-12-23T09:00:00+05:00");
        assertThat(json.get("image").get(0).asText()).isEqualTo("https://example.org/news/2022/12/photo.svg");
        assertThat(json.get("author").get(0).get("name").asText()).isEqualTo("Dilnoza Karimova");
        assertThat(json.get("author").get(0).get("url").asText()).isEqualTo("https://example.org/news/author/dilnoza-karimova/");
        assertThat(json.get("publisher").get("name").asText()).isEqualTo("Test Courier");
        assertThat(json.get("mainEntityOfPage").get("@id").asText()).isEqualTo("https://example.org/news/2022/12/22/treaty/");
        assertThat(json.get("articleSection").asText()).isEqualTo("Politics");
        assertThat(json.get("inLanguage").asText()).isEqualTo("en");
        assertThat(script.data()).doesNotContain("</").doesNotContain("<script");
    }

    @Test
    void noindexArticlesAskSearchEnginesToStayAway() {
        assertThat(meta(site.page("/2022/12/21/hidden/"), "robots")).isEqualTo("noindex");
    }

    @Test
    void themeAssetsAreFingerprintedByContent() {
        Document page = site.page("/");
        String href = page.select("link[rel=stylesheet]").attr("href");
        assertThat(href).matches("/news/assets/style\\.[0-9a-f]{10}\\.css");
        Map<String, byte[]> files = FixtureSite.tree(site.output());
        assertThat(files).containsKey(href.substring("/news/".length()));
    }
}
