package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site without templates/ uses the packaged default theme; a site file overrides just that file. */
class PackagedThemeTest {

    @TempDir
    Path dir;

    private static final String CONTENT = """
            -- gazette.yaml --
            title: Bare Courier
            timezone: Asia/Tashkent
            -- content/treaty.md --
            ---
            title: Allied treaty signed
            date: 2022-12-22 20:26
            category: Politics
            ---
            The treaty was signed.
            """;

    /** The repository's templates/ folder, which is what Gazette packages as its default theme. */
    private static Path repositoryTheme() {
        Path theme = Path.of("").toAbsolutePath().resolve("templates");
        assertThat(theme.resolve("base.html")).as("run from the repository root").isRegularFile();
        return theme;
    }

    @Test
    void aSiteTeaserIsShownInEveryListOfTheDefaultTheme() {
        FixtureSite site = FixtureSite.write(dir, CONTENT + """
                -- content/other.md --
                ---
                title: Cotton <harvest> & more
                date: 2022-11-02 12:00
                category: Economy
                ---
                Body.
                -- templates/partials/teaser.html --
                <p class="my-teaser">{{ a.title }} in {{ site.title }}</p>
                """).buildOk();
        for (String list : new String[] {"/", "/category/politics/", "/category/economy/", "/2022/", "/2022/11/02/"}) {
            assertThat(site.page(list).select(".article-list p.my-teaser").eachText()).as(list).isNotEmpty()
                    .allSatisfy(text -> assertThat(text).endsWith(" in Bare Courier"));
        }
        assertThat(site.page("/").select("p.my-teaser").eachText())
                .containsExactly("Allied treaty signed in Bare Courier", "Cotton <harvest> & more in Bare Courier");
        assertThat(site.page("/").select("article.teaser")).isEmpty();
    }

    @Test
    void aTeaserSeesOnlyTheSiteAndItsArticle() {
        // One rendering serves every list, so a teaser cannot depend on the page it is shown on.
        FixtureSite site = FixtureSite.write(dir, CONTENT + """
                -- templates/partials/teaser.html --
                <p>{{ a.title }} on {{ page.kind }}</p>
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("templates/partials/teaser.html:1:").contains("page");
    }

    @Test
    void aSharedPartialSeesOnlyTheSiteAndTheValuesItIsGiven() {
        FixtureSite site = FixtureSite.write(dir, CONTENT + """
                -- templates/partials/site-nav.html --
                <li>{{ kind }} on {{ page.url }}</li>
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("templates/partials/site-nav.html:1:").contains("page");
    }

    /** Its values are the key its rendering is kept under: a page, a list or a map would not do. */
    @Test
    void aSharedPartialTakesPlainValuesOnly() {
        FixtureSite site = FixtureSite.write(dir, CONTENT + """
                -- templates/article.html --
                {% extends "base.html" %}
                {% block content %}{{ shared('partials/site-nav.html', {'kind': page}) }}{% endblock %}
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("templates/article.html:2:").contains("shared() values")
                .contains("kind = PageView");
    }

    @Test
    void siteWithoutTemplatesBuildsWithTheDefaultTheme() throws Exception {
        FixtureSite site = FixtureSite.write(dir, CONTENT).buildOk();
        assertThat(dir.resolve("templates")).doesNotExist();

        for (String path : new String[] {"/", "/2022/12/22/treaty/", "/category/politics/", "/archive/", "/404.html"}) {
            Document page = site.page(path);
            assertThat(page.select("nav.site-nav a[href=/category/politics/]").text()).as(path).isEqualTo("Politics");
            assertThat(page.select("link[rel=stylesheet]").attr("href")).as(path).matches("/assets/style\\.[0-9a-f]{10}\\.css");
            assertThat(page.select("footer .built-with").text()).as(path).startsWith("Built with Gazette");
        }
        assertThat(site.page("/2022/12/22/treaty/").select("article.story h1").text()).isEqualTo("Allied treaty signed");
        assertThat(site.outputFile("/assets/style.css"))
                .hasSameBinaryContentAs(repositoryTheme().resolve("assets/style.css"));
        assertThat(Files.size(site.outputFile("/assets/style.css"))).isPositive();
    }

    @Test
    void overridingOnlyTheNotFoundPageKeepsTheDefaultThemeEverywhereElse() {
        FixtureSite site = FixtureSite.write(dir, CONTENT + """
                -- templates/404.html --
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Lost</title></head>
                <body><p class="our-own-404">Nothing here, {{ site.title }}.</p></body></html>
                """).buildOk();

        Document notFound = site.page("/404.html");
        assertThat(notFound.title()).isEqualTo("Lost");
        assertThat(notFound.select("p.our-own-404").text()).isEqualTo("Nothing here, Bare Courier.");
        assertThat(notFound.select("nav.site-nav")).isEmpty();

        Document home = site.page("/");
        assertThat(home.select("nav.site-nav a").eachText()).contains("Politics", "Archive");
        assertThat(home.select(".our-own-404")).isEmpty();
        assertThat(site.page("/2022/12/22/treaty/").select("article.story h1").text()).isEqualTo("Allied treaty signed");
        assertThat(site.outputFile("/assets/style.css"))
                .hasSameBinaryContentAs(repositoryTheme().resolve("assets/style.css"));
    }

    @Test
    void siteTemplateCanExtendTheDefaultLayout() {
        FixtureSite site = FixtureSite.write(dir, CONTENT + """
                -- templates/404.html --
                {% extends "base.html" %}
                {% block content %}<h1 class="page-title">Gone fishing</h1>{% endblock %}
                """).buildOk();

        Document notFound = site.page("/404.html");
        assertThat(notFound.select("h1").text()).isEqualTo("Gone fishing");
        assertThat(notFound.select("nav.site-nav a[href=/category/politics/]")).isNotEmpty();
        assertThat(notFound.title()).isEqualTo("Page not found — Bare Courier");
    }

    /** Pebble resolves "./" and "../" against the including template; other names from the root. */
    @Test
    void siteTemplatesIncludeByRelativeAndRootNames() {
        FixtureSite site = FixtureSite.write(dir, CONTENT + """
                -- templates/404.html --
                {% extends "base.html" %}
                {% block content %}{% include "./parts/gone.html" %}{% endblock %}
                -- templates/parts/gone.html --
                <h1 class="page-title">Gone</h1>{% include "../parts/extra/more.html" %}{% include "parts/plain.html" %}
                -- templates/parts/extra/more.html --
                <p class="more">Try the home page.</p>
                -- templates/parts/plain.html --
                <p class="plain">Or search.</p>
                """).buildOk();

        Document notFound = site.page("/404.html");
        assertThat(notFound.select("h1.page-title").text()).isEqualTo("Gone");
        assertThat(notFound.select("p.more").text()).isEqualTo("Try the home page.");
        assertThat(notFound.select("p.plain").text()).isEqualTo("Or search.");
    }

    @Test
    void siteStylesheetOverridesTheDefaultOneAndOtherAssetsAreAdded() {
        FixtureSite site = FixtureSite.write(dir, CONTENT + """
                -- templates/assets/style.css --
                body { color: rebeccapurple; }
                -- templates/assets/print.css --
                body { color: black; }
                """).buildOk();

        assertThat(site.outputFile("/assets/style.css")).content().contains("rebeccapurple");
        assertThat(site.outputFile("/assets/style.css")).hasSameBinaryContentAs(dir.resolve("templates/assets/style.css"));
        assertThat(site.outputFile("/assets/print.css")).hasSameBinaryContentAs(dir.resolve("templates/assets/print.css"));
        assertThat(site.page("/").select("nav.site-nav")).isNotEmpty();
    }
}
