package dev.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.build.WarmUp;
import dev.gazette.render.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchTest {

    private static final String TREATY = "content/2022/12/treaty.md";
    private static final String TREATY_URL = "/2022/12/22/treaty/";
    private static final String ROADS_URL = "/2022/12/22/roads/";

    @TempDir
    Path dir;
    FixtureSite site;
    RunningPreview preview;

    @BeforeEach
    void start() throws Exception {
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Watch Courier
                timezone: Asia/Tashkent
                -- content/2022/12/treaty.md --
                ---
                title: Allied treaty signed
                date: 2022-12-22 20:26
                category: Politics
                ---
                The two presidents signed the treaty in Tashkent.
                -- content/2022/12/roads.md --
                ---
                title: Roads closed for the visit
                date: 2022-12-22 09:40
                category: Society
                ---
                Several streets were closed.
                -- templates/article.html --
                {% extends "base.html" %}
                {% block content %}
                <article class="story">
                  <h1>{{ article.title }}</h1>
                  <p class="desk">Filed by the day desk</p>
                  <div class="story-body">{{ article.body | raw }}</div>
                </article>
                {% endblock %}
                """);
        preview = RunningPreview.start(site);
    }

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    /** After start-up the preview rebuilds a copy of the site a few times, then removes it. */
    @Test
    void theWarmUpRunsBesideTheSiteAndLeavesNothingBehind() throws Exception {
        assertThat(preview.preview().awaitWarmUp(Duration.ofSeconds(60))).isTrue();

        assertThat(dir.resolve(WarmUp.PREVIEW_DIR)).doesNotExist();
        try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("content/2022/12/treaty.md", "content/2022/12/roads.md");
        }
        // The preview goes on serving its own site.
        site.file(TREATY, FixtureSite.article("title: Treaty in force\ndate: 2022-12-22 20:26\ncategory: Politics",
                "The treaty took effect."));
        preview.awaitPage(TREATY_URL, "the new title", page -> page.select("h1").text().equals("Treaty in force"));
    }

    @Test
    void editedTitleIsServedAfterTheRebuild() {
        assertThat(preview.page(TREATY_URL).select("h1").text()).isEqualTo("Allied treaty signed");

        site.file(TREATY, treaty("Allied treaty ratified"));

        preview.awaitPage(TREATY_URL, "showing the new title",
                page -> page.select("h1").text().equals("Allied treaty ratified"));
        assertThat(preview.page("/").select(".article-list h2 a").eachText())
                .containsExactly("Allied treaty ratified", "Roads closed for the visit");
    }

    @Test
    void addedArticleGetsItsPageAndIsListedOnTheHome() {
        // A folder that did not exist when watching started, as for the first story of a month.
        site.file("content/2023/05/budget.md", FixtureSite.article("""
                title: Budget passed
                date: 2023-05-10 11:00
                category: Economy
                """, "The parliament passed the budget.\n"));

        Document page = preview.awaitPage("/2023/05/10/budget/", "published", p -> true);
        assertThat(page.select("h1").text()).isEqualTo("Budget passed");
        preview.awaitPage("/", "listing the new article", home -> home.select(".article-list h2 a").eachText()
                .equals(List.of("Budget passed", "Allied treaty signed", "Roads closed for the visit")));
    }

    @Test
    void renamedArticleFileMovesItsPage() throws IOException {
        assertThat(preview.get(ROADS_URL).statusCode()).isEqualTo(200);

        Files.move(dir.resolve("content/2022/12/roads.md"), dir.resolve("content/2022/12/closures.md"));

        preview.await("/2022/12/22/closures/", "published", r -> r.statusCode() == 200);
        preview.await(ROADS_URL, "gone", r -> r.statusCode() == 404);
        assertThat(preview.page("/").select(".article-list h2 a").eachAttr("href"))
                .containsExactly(TREATY_URL, "/2022/12/22/closures/");
        assertThat(site.exists(ROADS_URL)).isFalse();
        assertThat(site.exists("/2022/12/22/closures/")).isTrue();
    }

    @Test
    void deletedArticleDisappearsFromServerHomeAndDisk() throws IOException {
        assertThat(site.exists(ROADS_URL)).isTrue();

        Files.delete(dir.resolve("content/2022/12/roads.md"));

        preview.await(ROADS_URL, "gone", r -> r.statusCode() == 404);
        assertThat(preview.page("/").select(".article-list h2 a").eachText()).containsExactly("Allied treaty signed");
        assertThat(preview.page("/2022/12/22/").select(".article-list h2 a").eachText())
                .containsExactly("Allied treaty signed");
        assertThat(site.exists(ROADS_URL)).isFalse();
        assertThat(Files.exists(site.output().resolve("2022/12/22/roads"))).isFalse();
    }

    @Test
    void brokenEditKeepsTheLastGoodSiteAndStreamsTheProblemUntilFixed() {
        try (EventStream events = EventStream.open(preview.uri("/__gazette/events"))) {
            EventStream.State good = events.await("on connecting", s -> true);
            assertThat(good.problems()).isEmpty();

            site.file(TREATY, """
                    ---
                    title: Allied treaty signed
                    date: 2022-12-22 20:26
                    tags: [Uzbekistan, Kazakhstan
                    category: Politics
                    ---
                    A half-saved edit.
                    """);

            EventStream.State broken = events.await("with problems", s -> !s.problems().isEmpty());
            assertThat(broken.problems()).anySatisfy(p -> assertThat(p).startsWith(TREATY + ":5: invalid YAML"));
            assertThat(broken.version()).isEqualTo(good.version());
            assertThat(preview.console()).contains(TREATY + ":5: invalid YAML");
            Document served = preview.page(TREATY_URL);
            assertThat(served.select("h1").text()).isEqualTo("Allied treaty signed");
            assertThat(served.select(".story-body").text()).isEqualTo("The two presidents signed the treaty in Tashkent.");

            site.file(TREATY, treaty("Allied treaty in force"));

            EventStream.State fixed = events.await("without problems", s -> s.problems().isEmpty());
            assertThat(fixed.version()).isGreaterThan(good.version());
            Document page = preview.page(TREATY_URL);
            assertThat(page.select("h1").text()).isEqualTo("Allied treaty in force");
            // The page names the build it came from, so a tab that connects late still reloads.
            assertThat(page.select("script[src=/__gazette/live.js]").attr("data-version"))
                    .isEqualTo(String.valueOf(fixed.version()));
        }
    }

    @Test
    void templateEditRerendersEveryArticlePage() throws IOException {
        Path template = dir.resolve("templates/article.html");
        Files.writeString(template, Files.readString(template).replace("the day desk", "the night desk"));

        for (String url : new String[] {TREATY_URL, ROADS_URL}) {
            preview.awaitPage(url, "rendered with the edited template",
                    page -> page.select(".desk").text().equals("Filed by the night desk"));
        }
    }

    @Test
    void configTitleChangeShowsOnEveryPage() {
        site.file("gazette.yaml", """
                title: The Evening Watch Courier
                timezone: Asia/Tashkent
                """);

        preview.awaitPage("/", "showing the new site title",
                home -> home.select(".site-name").text().equals("The Evening Watch Courier"));
        List<String> pages = preview.preview().lastOutcome().files().stream()
                .map(OutputFile::path).filter(p -> p.endsWith(".html")).toList();
        assertThat(pages).contains("index.html", "404.html", "2022/12/22/treaty/index.html", "archive/index.html");
        for (String path : pages) {
            Document page = Jsoup.parse(preview.get("/" + path).body());
            assertThat(page.select(".site-name").text()).as(path).isEqualTo("The Evening Watch Courier");
            assertThat(page.select(".site-footer-title").text()).as(path).isEqualTo("The Evening Watch Courier");
            assertThat(page.title()).as(path).endsWith("The Evening Watch Courier");
        }
    }

    private static String treaty(String title) {
        return FixtureSite.article("""
                title: %s
                date: 2022-12-22 20:26
                category: Politics
                """.formatted(title), "The two presidents signed the treaty in Tashkent.\n");
    }
}
