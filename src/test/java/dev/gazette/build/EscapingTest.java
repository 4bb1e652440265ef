package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front matter is untrusted text: every field shows literally, in element text and in
 * attributes, and never turns into markup.
 */
class EscapingTest {

    static final String TITLE = "<script>alert(1)</script> & \"quotes\"";
    static final String SUMMARY = "Summary with <b>bold</b> & \"quotes\"";
    static final String AUTHOR = "<b>Ana</b> \"the Pen\"";
    static final String TAG = "<b>tag</b> \"quoted\"";
    static final String CATEGORY = "<b>World</b> \"News\"";
    static final String IMAGE_ALT = "A \"quoted\" <i>alt</i>";

    @TempDir
    static Path dir;
    static FixtureSite site;
    static String hostileUrl;

    @BeforeAll
    static void build() {
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Safe & "Sound" <Courier>
                timezone: Asia/Tashkent
                -- content/hostile.md --
                ---
                title: '<script>alert(1)</script> & "quotes"'
                date: 2022-12-22 20:26
                category: '<b>World</b> "News"'
                tags: ['<b>tag</b> "quoted"', no, yes]
                author: '<b>Ana</b> "the Pen"'
                summary: 'Summary with <b>bold</b> & "quotes"'
                image: pic.svg
                imageAlt: 'A "quoted" <i>alt</i>'
                ---
                A plain body.
                -- content/pic.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>
                -- content/neighbour.md --
                ---
                title: Neighbour story
                date: 2022-12-21 10:00
                category: '<b>World</b> "News"'
                tags: [no]
                ---
                Next door.
                -- content/derived.md --
                ---
                title: Derived summary
                date: 2022-12-20 10:00
                category: Other
                ---
                Salt &amp; pepper, <em>hot</em>, `code <x>` and [a link](https://example.org/).

                Second paragraph.
                """).buildOk();
        hostileUrl = site.page("/").select(".article-list h2 a").first().attr("href");
    }

    @Test
    void rawScriptAndBoldTagsNeverAppearInAnyOutputFile() {
        Map<String, byte[]> tree = FixtureSite.tree(site.output());
        assertThat(tree.keySet()).filteredOn(p -> p.endsWith(".html")).hasSizeGreaterThan(5);
        tree.forEach((path, bytes) -> {
            if (path.endsWith(".html")) {
                String html = new String(bytes, StandardCharsets.UTF_8);
                // The only script allowed is the JSON-LD block, whose JSON escapes "<".
                assertThat(html.toLowerCase(Locale.ROOT)).as(path).doesNotContain("<script>").doesNotContain("<b>")
                        .doesNotContain("<i>").doesNotContain("<courier>");
                Document page = Jsoup.parse(html);
                assertThat(page.select("script:not([type=application/ld+json]), b, i, courier")).as(path).isEmpty();
                page.select("script[type=application/ld+json]").forEach(json ->
                        assertThat(json.data()).as(path).doesNotContain("<"));
            }
        });
    }

    @Test
    void titleShowsLiterallyInHeadlineAndDocumentTitle() {
        Document page = site.page(hostileUrl);
        assertThat(page.select("h1").text()).isEqualTo(TITLE);
        assertThat(page.title()).isEqualTo(TITLE + " — Safe & \"Sound\" <Courier>");
        assertThat(page.select("a.site-name").text()).isEqualTo("Safe & \"Sound\" <Courier>");
    }

    @Test
    void attributesHoldTheLiteralText() {
        Document page = site.page(hostileUrl);
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo(SUMMARY);
        assertThat(page.select("figure img").attr("alt")).isEqualTo(IMAGE_ALT);
    }

    @Test
    void authorTagsAndCategoryShowLiterally() {
        Document page = site.page(hostileUrl);
        assertThat(page.select(".byline .author").eachText()).containsExactly(AUTHOR);
        assertThat(page.select("ul.tags li").eachText()).containsExactly(TAG, "no", "yes");
        assertThat(page.select("article a.category").text()).isEqualTo(CATEGORY);
        assertThat(page.select("nav.site-nav a").eachText()).contains(CATEGORY);
    }

    @Test
    void listPagesShowTitleSummaryAndCategoryLiterally() {
        String category = site.page(hostileUrl).select("article a.category").attr("href");
        for (String list : new String[] {"/", category, "/2022/", "/2022/12/", "/2022/12/22/"}) {
            Document page = site.page(list);
            assertThat(page.select(".article-list h2 a").eachText()).as(list).contains(TITLE);
            assertThat(page.select(".article-list .summary").eachText()).as(list).contains(SUMMARY);
            assertThat(page.select(".article-list a.category").eachText()).as(list).contains(CATEGORY);
        }
        Document categoryPage = site.page(category);
        assertThat(categoryPage.select("h1").text()).isEqualTo(CATEGORY);
        assertThat(categoryPage.select("meta[name=description]").attr("content")).startsWith(CATEGORY);
        assertThat(site.page("/category/").select(".index-list a").eachText()).contains(CATEGORY);
    }

    @Test
    void relatedBlockShowsTheTitleLiterally() {
        Document neighbour = site.page("/2022/12/21/neighbour/");
        assertThat(neighbour.select(".more-news h3 a").eachText()).containsExactly(TITLE);
        assertThat(neighbour.select(".more-news a.category").eachText()).containsExactly(CATEGORY);
    }

    @Test
    void summaryDerivedFromTheBodyIsThePlainTextOfItsFirstParagraph() {
        String expected = "Salt & pepper, hot, code <x> and a link.";
        Document page = site.page("/2022/12/20/derived/");
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo(expected);
        assertThat(site.page("/2022/12/20/").select(".article-list .summary").text()).isEqualTo(expected);
    }

    @Test
    void yamlBooleanWordsStayText() {
        Document neighbour = site.page("/2022/12/21/neighbour/");
        assertThat(neighbour.select("ul.tags li").eachText()).containsExactly("no");
        for (byte[] bytes : FixtureSite.tree(site.output()).values()) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("<li>false</li>").doesNotContain("<li>true</li>");
        }
    }
}
