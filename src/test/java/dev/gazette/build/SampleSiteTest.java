package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's own sample site (content/, templates/, gazette.yaml) builds into a complete news site. */
class SampleSiteTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "Built (\\d+) articles into (\\d+) files in .+ in \\d+\\.\\d\\d s \\((\\d+) written, 0 unchanged, 0 removed\\)\\.");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    @TempDir
    static Path dir;
    static Path repo;
    static FixtureSite site;
    static FixtureSite.Run run;
    static Map<String, Document> articles = new LinkedHashMap<>();

    @BeforeAll
    static void build() throws IOException {
        repo = Path.of("").toAbsolutePath();
        assertThat(repo.resolve("gazette.yaml")).as("tests run from the repository root").isRegularFile();
        FixtureSite.copyTree(repo.resolve("content"), dir.resolve("content"));
        FixtureSite.copyTree(repo.resolve("templates"), dir.resolve("templates"));
        Files.copy(repo.resolve("gazette.yaml"), dir.resolve("gazette.yaml"));
        site = FixtureSite.write(dir, "");
        run = site.build();
        assertThat(run.exitCode()).as(run.err()).isZero();
        FixtureSite.tree(site.output()).forEach((path, bytes) -> {
            if (path.endsWith(".html")) {
                Document page = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "https://example.org/");
                if (page.selectFirst("article.story") != null) {
                    articles.put("/" + path.replaceFirst("index\\.html$", ""), page);
                }
            }
        });
    }

    @Test
    void buildPrintsItsSummaryWithTheArticleCount() {
        Matcher m = SUMMARY.matcher(run.out().strip());
        assertThat(m.matches()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(articles.size());
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(FixtureSite.tree(site.output()).size());
        assertThat(m.group(3)).isEqualTo(m.group(2));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void atLeastTwelveArticlesArePublishedAndAllAreOnTheHomePages() {
        assertThat(articles).hasSizeGreaterThanOrEqualTo(12);
        List<String> listed = new ArrayList<>();
        for (int n = 1; n == 1 || site.exists("/page/" + n + "/"); n++) {
            listed.addAll(site.page(n == 1 ? "/" : "/page/" + n + "/").select(".article-list h2 a").eachAttr("href"));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(articles.keySet());
    }

    @Test
    void atLeastFourCategoriesHaveArticles() {
        Document sections = site.page("/category/");
        List<String> categories = sections.select(".index-list a").eachAttr("href");
        assertThat(categories).hasSizeGreaterThanOrEqualTo(4);
        int nonEmpty = 0;
        for (String category : categories) {
            if (!site.page(category).select(".article-list article").isEmpty()) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).isGreaterThanOrEqualTo(4);
    }

    @Test
    void archiveCoversAtLeastTwoYears() {
        List<String> years = site.page("/archive/").select("a[href~=^/\\d{4}/$]").eachAttr("href");
        assertThat(years).hasSizeGreaterThanOrEqualTo(2);
        for (String year : years) {
            assertThat(site.page(year).select(".article-list article")).as(year).isNotEmpty();
        }
    }

    @Test
    void treatyArticleIsInPoliticsWithItsLocalTimeAndMoreNews() {
        Document treaty = site.page("/2022/12/22/uzbekistan-kazakhstan-alliance-treaty/");
        assertThat(treaty.select("h1").text()).contains("treaty");
        assertThat(treaty.select("article a.category").text()).isEqualTo("Politics");
        assertThat(treaty.select("article a.category").attr("href")).isEqualTo("/category/politics/");
        assertThat(treaty.select("article time").first().attr("datetime")).isEqualTo("2022-12-22T20:26:00+05:00");

        List<String> related = treaty.select(".more-news h3 a").eachAttr("href");
        assertThat(related).isNotEmpty().doesNotContain("/2022/12/22/uzbekistan-kazakhstan-alliance-treaty/");
        assertThat(articles.keySet()).containsAll(related);

        assertThat(site.page("/category/politics/").select(".article-list h2 a").eachAttr("href"))
                .contains("/2022/12/22/uzbekistan-kazakhstan-alliance-treaty/");
        assertThat(site.page("/2022/12/22/").select(".article-list h2 a").eachAttr("href"))
                .contains("/2022/12/22/uzbekistan-kazakhstan-alliance-treaty/");
    }

    @Test
    void anArticleWithACyrillicTitleHasAnAsciiUrl() {
        List<String> cyrillic = articles.entrySet().stream()
                .filter(e -> CYRILLIC.matcher(e.getValue().select("h1").text()).find())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(cyrillic).isNotEmpty();
        assertThat(cyrillic).allMatch(url -> url.matches("/[a-z0-9/-]+/"));
    }

    @Test
    void draftsAreNotPublished() throws IOException {
        List<String> draftTitles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(repo.resolve("content"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(file);
                String frontMatter = text.substring(0, text.indexOf("\n---", 3));
                if (frontMatter.lines().anyMatch(l -> l.strip().equals("draft: true"))) {
                    Matcher title = Pattern.compile("(?m)^title: *[\"']?(.*?)[\"']?$").matcher(frontMatter);
                    assertThat(title.find()).as(file.toString()).isTrue();
                    draftTitles.add(title.group(1));
                }
            }
        }
        assertThat(draftTitles).as("the sample site has a draft").isNotEmpty();
        FixtureSite.tree(site.output()).forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (String title : draftTitles) {
                assertThat(text).as(path).doesNotContain(title);
            }
        });
        for (Document article : articles.values()) {
            assertThat(draftTitles).doesNotContain(article.select("h1").text());
        }
    }

    @Test
    void contentFilesAreCopiedAndTheSvgImageIsShown() throws IOException {
        List<String> svgs = new ArrayList<>();
        Path content = repo.resolve("content");
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).toList()) {
                String rel = content.relativize(file).toString().replace('\\', '/');
                assertThat(site.output().resolve(rel)).as(rel).hasSameBinaryContentAs(file);
                if (rel.endsWith(".svg")) {
                    svgs.add("/" + rel);
                }
            }
        }
        assertThat(svgs).isNotEmpty();
        List<String> shown = new ArrayList<>();
        for (Document article : articles.values()) {
            for (Element img : article.select("article.story img")) {
                shown.add(img.attr("src"));
            }
        }
        assertThat(shown).containsAnyElementsOf(svgs);
    }

    @Test
    void everyInternalLinkPointsAtAPublishedFile() {
        Map<String, byte[]> tree = FixtureSite.tree(site.output());
        tree.forEach((path, bytes) -> {
            if (!path.endsWith(".html")) {
                return;
            }
            Document page = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
            for (Element e : page.select("a[href^=/], link[href^=/], img[src^=/]")) {
                String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                String target = link.replaceFirst("#.*$", "").substring(1);
                if (target.isEmpty() || target.endsWith("/")) {
                    target += "index.html";
                }
                assertThat(tree).as(path + " links to " + link).containsKey(target);
            }
        });
    }

}
