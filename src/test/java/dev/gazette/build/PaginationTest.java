package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lists with {@code pageSize: 2}: the home page, a category, and the year, month and day
 * archives all split the same way, page 1 at the list's own path and page n at {@code page/n/}.
 */
class PaginationTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            -- gazette.yaml --
            title: Paged Courier
            timezone: Asia/Tashkent
            pageSize: 2
            """;

    /** Up to three articles on one day in one category, oldest first in the array. */
    private static final String[] ARTICLES = {
        """
        -- content/oldest.md --
        ---
        title: Oldest story
        date: 2022-12-22 09:00
        category: World
        ---
        First.
        """,
        """
        -- content/middle.md --
        ---
        title: Middle story
        date: 2022-12-22 12:00
        category: World
        ---
        Second.
        """,
        """
        -- content/newest.md --
        ---
        title: Newest story
        date: 2022-12-22 18:00
        category: World
        ---
        Third.
        """,
    };

    /** Every list that paginates: home, category, year, month and day. */
    private static final List<String> LISTS = List.of("/", "/category/world/", "/2022/", "/2022/12/", "/2022/12/22/");

    private FixtureSite siteWith(int articles) {
        StringBuilder spec = new StringBuilder(CONFIG);
        for (int i = 0; i < articles; i++) {
            spec.append(ARTICLES[i]);
        }
        return FixtureSite.write(dir, spec.toString()).buildOk();
    }

    private static List<String> titles(Document page) {
        return page.select(".article-list h2 a").eachText();
    }

    @Test
    void homeOfASiteWithNoArticlesIsAValidPageSayingNoArticlesYet() {
        FixtureSite site = siteWith(0);
        Document home = site.page("/");
        assertThat(home.select("html").attr("lang")).isEqualTo("en");
        assertThat(home.title()).isEqualTo("Paged Courier");
        assertThat(home.select("link[rel=stylesheet]").attr("href")).matches("/assets/style\\.[0-9a-f]{10}\\.css");
        assertThat(home.select("h1").text()).isEqualTo("Latest news");
        assertThat(home.select(".article-list .empty").text()).isEqualTo("No articles yet.");
        assertThat(home.select(".article-list article")).isEmpty();
        assertThat(home.select("nav.pagination")).isEmpty();
        assertThat(site.exists("/page/2/")).isFalse();
        assertThat(site.exists("/archive/")).isTrue();
        assertThat(site.exists("/404.html")).isTrue();
        assertNoPageOneAnywhere(site);
    }

    @Test
    void oneArticleFitsOnOnePageWithoutPaginationLinks() {
        FixtureSite site = siteWith(1);
        for (String list : LISTS) {
            Document page = site.page(list);
            assertThat(titles(page)).as(list).containsExactly("Oldest story");
            assertThat(page.select("nav.pagination")).as(list).isEmpty();
            assertThat(site.exists(list + "page/2/")).as(list + "page/2/").isFalse();
        }
        assertNoPageOneAnywhere(site);
    }

    @Test
    void exactlyPageSizeArticlesStayOnOnePage() {
        FixtureSite site = siteWith(2);
        for (String list : LISTS) {
            Document page = site.page(list);
            assertThat(titles(page)).as(list).containsExactly("Middle story", "Oldest story");
            assertThat(page.select("nav.pagination")).as(list).isEmpty();
            assertThat(page.select("a[rel=next], a[rel=prev]")).as(list).isEmpty();
            assertThat(site.exists(list + "page/2/")).as(list + "page/2/").isFalse();
        }
        assertNoPageOneAnywhere(site);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/category/world/", "/2022/", "/2022/12/", "/2022/12/22/"})
    void onePastPageSizeAddsASecondPageHoldingTheOldestArticle(String list) {
        FixtureSite site = siteWith(3);
        String second = list + "page/2/";

        Document first = site.page(list);
        assertThat(titles(first)).containsExactly("Newest story", "Middle story");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.select("a[rel=next]").eachAttr("href")).containsExactly(second);
        assertThat(first.select("nav.pagination [aria-current=page]").eachText()).containsExactly("1");
        assertThat(first.select("nav.pagination li a").eachAttr("href")).containsExactly(second);
        assertThat(first.select("nav.pagination li a").eachText()).containsExactly("2");

        Document page2 = site.page(second);
        assertThat(titles(page2)).containsExactly("Oldest story");
        assertThat(page2.select("a[rel=next]")).isEmpty();
        assertThat(page2.select("a[rel=prev]").eachAttr("href")).containsExactly(list);
        assertThat(page2.select("nav.pagination [aria-current=page]").eachText()).containsExactly("2");
        assertThat(page2.select("nav.pagination li a").eachAttr("href")).containsExactly(list);
        assertThat(page2.select("nav.pagination li a").eachText()).containsExactly("1");
        assertThat(page2.select("h1 .page-number").text()).contains("Page 2");
        assertThat(page2.title()).isNotEqualTo(first.title()).contains("2").endsWith("Paged Courier");

        assertThat(site.exists(list + "page/3/")).isFalse();
        assertNoPageOneAnywhere(site);
    }

    @Test
    void articlePagesAreNotPaginatedAndEveryArticleIsOnExactlyOneHomePage() {
        FixtureSite site = siteWith(3);
        List<String> all = new java.util.ArrayList<>(titles(site.page("/")));
        all.addAll(titles(site.page("/page/2/")));
        assertThat(all).containsExactly("Newest story", "Middle story", "Oldest story");
        assertThat(site.exists("/2022/12/22/oldest/page/2/")).isFalse();
    }

    /** Page 1 lives at the list's own path: no file and no link may name {@code page/1/}. */
    private static void assertNoPageOneAnywhere(FixtureSite site) {
        Map<String, byte[]> tree = FixtureSite.tree(site.output());
        assertThat(tree.keySet()).noneMatch(p -> p.contains("page/1/"));
        tree.forEach((path, bytes) -> {
            if (path.endsWith(".html")) {
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path).doesNotContain("page/1/");
            }
        });
    }
}
