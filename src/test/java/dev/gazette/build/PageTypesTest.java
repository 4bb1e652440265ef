package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTypesTest {

    @TempDir
    static Path dir;
    static FixtureSite site;

    @BeforeAll
    static void build() {
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Test Courier
                timezone: Asia/Tashkent
                -- content/2022/12/treaty.md --
                ---
                title: Allied treaty signed
                date: 2022-12-22 20:26
                category: Politics
                tags: [Uzbekistan, Kazakhstan]
                author: [Dilnoza Karimova, Aziz Rakhimov]
                ---
                The two presidents signed the treaty in Tashkent.

                ## Energy

                More detail.
                -- content/2022/12/roads.md --
                ---
                title: Roads closed for the visit
                date: 2022-12-22 09:40
                category: Society
                tags: [Tashkent]
                ---
                Several streets were closed.
                -- content/2023/03/trade.md --
                ---
                title: Trade hit a record
                date: 2023-03-01
                category: Economy
                tags: [Uzbekistan]
                summary: Trade between the neighbours grew.
                ---
                Figures for 2022.
                -- content/2024/10/treaty-two-years.md --
                ---
                title: Two years after the treaty
                date: 2024-10-22T19:00:00+05:00
                category: Politics
                tags: [Kazakhstan]
                ---
                Projects move to construction.
                """).buildOk();
    }

    @Test
    void articlePageHasHeadlineDatelineCategoryTagsAuthorsAndBody() {
        Document page = site.page("/2022/12/22/treaty/");
        assertThat(page.select("h1").text()).isEqualTo("Allied treaty signed");
        assertThat(page.title()).isEqualTo("Allied treaty signed — Test Courier");
        assertThat(page.select("article time").attr("datetime")).isEqualTo("2022-12-22T20:26:00+05:00");
        assertThat(page.select("article a.category").attr("href")).isEqualTo("/category/politics/");
        assertThat(page.select("ul.tags li").eachText()).containsExactly("Uzbekistan", "Kazakhstan");
        assertThat(page.select(".byline").text()).contains("Dilnoza Karimova").contains("Aziz Rakhimov");
        assertThat(page.select(".story-body h2#energy").text()).isEqualTo("Energy");
        assertThat(page.select("meta[name=description]").attr("content"))
                .isEqualTo("The two presidents signed the treaty in Tashkent.");
    }

    @Test
    void moreNewsListsSameCategoryFirstThenSharedTagsAndNeverItself() {
        Document page = site.page("/2022/12/22/treaty/");
        assertThat(page.select(".more-news h3 a").eachAttr("href")).containsExactly(
                "/2024/10/22/treaty-two-years/", "/2023/03/01/trade/");
        Document roads = site.page("/2022/12/22/roads/");
        assertThat(roads.select(".more-news")).isEmpty();
    }

    @Test
    void homeListsNewestFirst() {
        Document home = site.page("/");
        assertThat(home.title()).isEqualTo("Test Courier");
        assertThat(home.select(".article-list h2 a").eachText()).containsExactly(
                "Two years after the treaty", "Trade hit a record", "Allied treaty signed",
                "Roads closed for the visit");
        assertThat(home.select(".article-list time").first().attr("datetime")).isEqualTo("2024-10-22T19:00:00+05:00");
        assertThat(home.select("nav.site-nav a").eachText()).contains("Economy", "Politics", "Society");
    }

    @Test
    void categoryIndexListsItsArticlesAndTheCategoriesPageCountsThem() {
        Document politics = site.page("/category/politics/");
        assertThat(politics.select("h1").text()).contains("Politics");
        assertThat(politics.select(".article-list h2 a").eachText())
                .containsExactly("Two years after the treaty", "Allied treaty signed");
        Document all = site.page("/category/");
        Element link = all.selectFirst("a[href=/category/politics/]");
        assertThat(link).isNotNull();
        assertThat(all.text()).contains("Politics").contains("2");
    }

    @Test
    void dateArchivesListTheirPeriodNewestFirstWithNeighbours() {
        Document day = site.page("/2022/12/22/");
        assertThat(day.select(".article-list h2 a").eachText())
                .containsExactly("Allied treaty signed", "Roads closed for the visit");
        Document month = site.page("/2022/12/");
        assertThat(month.select("h1").text()).contains("December 2022");
        Document year = site.page("/2023/");
        assertThat(year.select(".article-list h2 a").eachText()).containsExactly("Trade hit a record");
        assertThat(year.select("a[href=/2022/]")).isNotEmpty();
        assertThat(year.select("a[href=/2024/]")).isNotEmpty();
        assertThat(site.page("/2024/10/22/").select(".article-list h2 a").eachText())
                .containsExactly("Two years after the treaty");
    }

    @Test
    void archiveListsEveryYearAndMonthWithCounts() {
        Document archive = site.page("/archive/");
        assertThat(archive.select("a[href=/2022/]")).isNotEmpty();
        assertThat(archive.select("a[href=/2022/12/]")).isNotEmpty();
        assertThat(archive.select("a[href=/2023/03/]")).isNotEmpty();
        assertThat(archive.select("a[href=/2024/10/]")).isNotEmpty();
        assertThat(archive.select("a[href=/2022/12/]").first().parent().text()).contains("2");
    }

    @Test
    void notFoundPageAndThemeAssetsAreWritten() {
        Document notFound = site.page("/404.html");
        assertThat(notFound.select("a[href=/]")).isNotEmpty();
        assertThat(site.exists("/assets/style.css")).isTrue();
        String stylesheet = notFound.select("link[rel=stylesheet]").attr("href");
        assertThat(stylesheet).matches("/assets/style\\.[0-9a-f]{10}\\.css");
        assertThat(site.outputFile(stylesheet)).hasSameBinaryContentAs(site.outputFile("/assets/style.css"));
    }

    @Test
    void pagesNeedNoScriptAndNoExternalResources() {
        for (String path : new String[] {"/", "/2022/12/22/treaty/", "/category/politics/", "/archive/"}) {
            Document page = site.page(path);
            assertThat(page.select("script:not([type=application/ld+json])")).as(path).isEmpty();
            assertThat(page.select("link[rel=stylesheet][href^=http], link[rel=preload], img[src^=http]")).as(path).isEmpty();
        }
    }
}
