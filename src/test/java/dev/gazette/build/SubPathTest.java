package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site served from {@code https://example.org/news/}: every root-relative link carries /news/. */
class SubPathTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- gazette.yaml --
            title: Sub Courier
            baseUrl: https://example.org/news/
            timezone: Asia/Tashkent
            pageSize: 2
            -- content/2022/12/treaty.md --
            ---
            title: Treaty signed
            date: 2022-12-22 20:26
            category: Politics
            tags: [Kazakhstan]
            image: photo.svg
            ---
            See [the archive](/archive/), [the already prefixed front page](/news/),
            [the roads story](roads.md), [the photo](photo.svg) and [a site](https://example.com/x).

            ![Photo](photo.svg)
            -- content/2022/12/photo.svg --
            <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>
            -- content/2022/12/roads.md --
            ---
            title: Roads closed
            date: 2022-12-22 09:40
            category: Society
            tags: [Kazakhstan]
            ---
            Streets closed.
            -- content/2023/trade.md --
            ---
            title: Trade record
            date: 2023-03-01
            category: Politics
            ---
            Figures.
            """;

    /** Every href and src in every page of the output, with the page it is on. */
    private static List<String> rootRelativeLinks(FixtureSite site) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : FixtureSite.tree(site.output()).entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            Document page = Jsoup.parse(new String(file.getValue(), StandardCharsets.UTF_8));
            for (Element e : page.select("[href], [src]")) {
                String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (link.startsWith("/")) {
                    out.add(file.getKey() + ": " + link);
                }
            }
        }
        return out;
    }

    @Test
    void everyRootRelativeLinkStartsWithTheBasePath() {
        FixtureSite site = FixtureSite.write(dir, SITE).buildOk();
        List<String> links = rootRelativeLinks(site);
        assertThat(links).hasSizeGreaterThan(50);
        assertThat(links).allSatisfy(link -> assertThat(link.substring(link.indexOf(": ") + 2)).as(link)
                .startsWith("/news/").doesNotStartWith("/news/news/"));
        // the output folder itself is not nested under news/
        assertThat(site.exists("/index.html")).isTrue();
        assertThat(site.exists("/news/index.html")).isFalse();
    }

    @Test
    void stylesheetNavigationAndPaginationUseTheBasePath() {
        FixtureSite site = FixtureSite.write(dir, SITE).buildOk();
        Document home = site.page("/");
        assertThat(home.select("link[rel=stylesheet]").attr("href")).matches("/news/assets/style\\.[0-9a-f]{10}\\.css");
        assertThat(home.select("a.site-name").attr("href")).isEqualTo("/news/");
        assertThat(home.select("nav.site-nav a").eachAttr("href"))
                .contains("/news/category/politics/", "/news/archive/", "/news/category/");
        assertThat(home.select("a[rel=next]").attr("href")).isEqualTo("/news/page/2/");
        assertThat(site.page("/page/2/").select("a[rel=prev]").attr("href")).isEqualTo("/news/");
        assertThat(site.page("/404.html").select("link[rel=stylesheet]").attr("href"))
                .matches("/news/assets/style\\.[0-9a-f]{10}\\.css");
        assertThat(site.exists("/assets/style.css")).isTrue();
    }

    @Test
    void linksWrittenByAuthorsGetTheBasePath() {
        FixtureSite site = FixtureSite.write(dir, SITE).buildOk();
        Document article = site.page("/2022/12/22/treaty/");
        assertThat(article.select(".story-body a:contains(the archive)").attr("href")).isEqualTo("/news/archive/");
        assertThat(article.select(".story-body a:contains(already prefixed)").attr("href")).isEqualTo("/news/");
        assertThat(article.select(".story-body a:contains(roads story)").attr("href"))
                .isEqualTo("/news/2022/12/22/roads/");
        assertThat(article.select(".story-body a:contains(the photo)").attr("href"))
                .isEqualTo("/news/2022/12/photo.svg");
        assertThat(article.select(".story-body a:contains(a site)").attr("href")).isEqualTo("https://example.com/x");
        assertThat(article.select(".story-body img").attr("src")).isEqualTo("/news/2022/12/photo.svg");
        assertThat(article.select("figure img").attr("src")).isEqualTo("/news/2022/12/photo.svg");
        assertThat(article.select(".more-news h3 a").eachAttr("href")).contains("/news/2023/03/01/trade/");
        assertThat(site.exists("/2022/12/photo.svg")).isTrue();
    }

    @Test
    void baseUrlOptionOverridesTheConfig() {
        FixtureSite site = FixtureSite.write(dir, SITE).buildOk("--base-url", "https://example.com/sub/");
        List<String> links = rootRelativeLinks(site);
        assertThat(links).isNotEmpty();
        assertThat(links).allSatisfy(link -> assertThat(link.substring(link.indexOf(": ") + 2)).as(link)
                .startsWith("/sub/"));
        Document article = site.page("/2022/12/22/treaty/");
        assertThat(article.select("link[rel=stylesheet]").attr("href")).matches("/sub/assets/style\\.[0-9a-f]{10}\\.css");
        assertThat(article.select(".story-body a:contains(the archive)").attr("href")).isEqualTo("/sub/archive/");
        assertThat(article.select(".story-body a:contains(roads story)").attr("href"))
                .isEqualTo("/sub/2022/12/22/roads/");
    }

    @Test
    void baseUrlWithoutTrailingSlashMeansTheSameSubPath() {
        FixtureSite site = FixtureSite.write(dir, SITE).buildOk("--base-url", "https://example.com/sub");
        assertThat(site.page("/").select("link[rel=stylesheet]").attr("href")).matches("/sub/assets/style\\.[0-9a-f]{10}\\.css");
    }
}
