package dev.gazette.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.FixtureSite;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.index.SiteIndexer;
import dev.gazette.index.SiteModel;
import dev.gazette.load.ContentLoader;
import dev.gazette.load.LoadedContent;
import dev.gazette.parse.Article;
import dev.gazette.parse.ArticleParser;
import dev.gazette.render.OutputFile;
import dev.gazette.url.SiteUrls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class SitemapsTest {

    /** The fixture's buildTime, 2022-12-23T12:00:00+05:00. */
    static final Instant BUILD_TIME = Instant.parse("2022-12-23T07:00:00Z");

    static final String SITE = """
            -- gazette.yaml --
            title: Test Courier
            baseUrl: https://example.org/
            timezone: Asia/Tashkent
            categories: [Politics, Economy, Society, Culture]
            buildTime: 2022-12-23T12:00:00+05:00
            -- content/2022/12/latest.md --
            ---
            title: Just published
            date: 2022-12-23T12:00:00+05:00
            category: Society
            lang: uz-Cyrl
            ---
            Published at the build time.
            -- content/2022/12/recent.md --
            ---
            title: Talks & <progress>
            date: 2022-12-21T13:00:00+05:00
            category: Politics
            tags: [Tashkent]
            author: Dilnoza Karimova
            ---
            Published 47 hours before the build.
            -- content/2022/12/edge.md --
            ---
            title: Exactly two days old
            date: 2022-12-21T12:00:00+05:00
            category: Economy
            ---
            Published 48 hours before the build.
            -- content/2022/12/stale.md --
            ---
            title: Stale story
            date: 2022-12-21T11:00:00+05:00
            category: Economy
            ---
            Published 49 hours before the build.
            -- content/2022/12/future.md --
            ---
            title: Scheduled story
            date: 2022-12-24T09:00:00+05:00
            category: Politics
            ---
            Dated after the build.
            -- content/2022/11/budget.md --
            ---
            title: Budget passed
            date: 2022-11-30 10:00
            updated: 2022-12-22 15:00
            category: Society
            ---
            The budget for next year.
            -- content/2022/12/hidden.md --
            ---
            title: Hidden notice
            date: 2022-12-23 08:00
            category: Politics
            noindex: true
            ---
            Not for search engines.
            """;

    @TempDir
    static Path dir;
    static FixtureSite site;
    static Schema sitemapSchema;
    static Schema indexSchema;

    @BeforeAll
    static void build() {
        // With the news schema beside it, the sitemap schema's strict wildcard can check news: elements.
        sitemapSchema = schema("sitemap-news.xsd", "sitemap.xsd");
        indexSchema = schema("siteindex.xsd");
        site = FixtureSite.write(dir, SITE).buildOk();
    }

    @Test
    void sitemapValidatesAndListsEveryIndexablePage() {
        validate(sitemapSchema, site.output().resolve("sitemap.xml"));
        Document sitemap = xml(site, "sitemap.xml");
        assertThat(sitemap.selectFirst("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> locs = sitemap.select("url > loc").eachText();
        assertThat(locs).doesNotHaveDuplicates();
        assertThat(locs).contains("https://example.org/", "https://example.org/2022/12/21/recent/",
                "https://example.org/2022/12/24/future/", "https://example.org/2022/11/30/budget/",
                "https://example.org/category/", "https://example.org/category/politics/",
                "https://example.org/category/culture/", "https://example.org/archive/", "https://example.org/2022/",
                "https://example.org/2022/12/", "https://example.org/2022/12/21/");
        assertThat(locs).noneMatch(loc -> loc.contains("404") || loc.contains("hidden"));
        // Exactly the HTML pages written, but the 404 page and the noindex article.
        assertThat(new TreeSet<>(locs)).isEqualTo(htmlPages(site).stream()
                .filter(url -> !url.endsWith("/404.html") && !url.endsWith("/hidden/"))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void lastmodIsTheLatestChangeShownOnEachPage() {
        Map<String, String> lastmod = lastmods(xml(site, "sitemap.xml"));
        assertThat(lastmod).containsEntry("https://example.org/2022/12/21/recent/", "2022-12-21T13:00:00+05:00")
                // An article page changes when the article is updated.
                .containsEntry("https://example.org/2022/11/30/budget/", "2022-12-22T15:00:00+05:00")
                // A list changes with the latest change among its articles.
                .containsEntry("https://example.org/2022/11/", "2022-12-22T15:00:00+05:00")
                .containsEntry("https://example.org/category/society/", "2022-12-23T12:00:00+05:00")
                .containsEntry("https://example.org/category/economy/", "2022-12-21T12:00:00+05:00")
                // Pages without articles of their own follow the newest article of the site.
                .containsEntry("https://example.org/category/culture/", "2022-12-24T09:00:00+05:00")
                .containsEntry("https://example.org/category/", "2022-12-24T09:00:00+05:00")
                .containsEntry("https://example.org/archive/", "2022-12-24T09:00:00+05:00")
                .containsEntry("https://example.org/", "2022-12-24T09:00:00+05:00");
        assertThat(lastmod.values()).doesNotContainNull();
    }

    @Test
    void newsSitemapListsTheArticlesOfTheTwoDaysBeforeTheBuild() {
        validate(sitemapSchema, site.output().resolve("news-sitemap.xml"));
        Document news = xml(site, "news-sitemap.xml");
        // Not the future one, not the ones 48 and 49 hours old, not the noindex one.
        assertThat(news.select("url > loc").eachText()).containsExactly(
                "https://example.org/2022/12/23/latest/", "https://example.org/2022/12/21/recent/");
        Element recent = news.select("url").get(1);
        assertThat(recent.selectFirst("news|publication > news|name").text()).isEqualTo("Test Courier");
        assertThat(recent.selectFirst("news|publication > news|language").text()).isEqualTo("en");
        assertThat(recent.selectFirst("news|publication_date").text()).isEqualTo("2022-12-21T13:00:00+05:00");
        assertThat(recent.selectFirst("news|title").text()).isEqualTo("Talks & <progress>");
        // ISO 639 only: the script subtag of the article's language goes.
        assertThat(news.select("url").get(0).selectFirst("news|language").text()).isEqualTo("uz");
    }

    @Test
    void theSchemasRejectANewsEntryWithoutItsTitle() {
        String bad = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" \
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://example.org/a/</loc><news:news><news:publication><news:name>N</news:name>
                  <news:language>en</news:language></news:publication>
                  <news:publication_date>2022-12-21T13:00:00+05:00</news:publication_date></news:news></url>
                </urlset>
                """;
        assertThatThrownBy(() -> validate(sitemapSchema, bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("title");
    }

    @Test
    void robotsTxtNamesBothSitemaps() throws IOException {
        assertThat(Files.readString(site.output().resolve("robots.txt"))).isEqualTo("""
                User-agent: *
                Allow: /

                Sitemap: https://example.org/sitemap.xml
                Sitemap: https://example.org/news-sitemap.xml
                """);
    }

    @Test
    void aLargeSiteIsSplitUnderASitemapIndex() throws Exception {
        SiteModel model = model(site.root());
        SiteUrls urls = SiteUrls.of(model.config().baseUrl());
        Map<String, byte[]> files = new LinkedHashMap<>();
        sitemaps(model, urls, BUILD_TIME, 3).forEach(f -> files.put(f.path(), f.bytes()));

        validate(indexSchema, files.get("sitemap.xml"));
        Document index = xml(files.get("sitemap.xml"));
        List<String> parts = index.select("sitemapindex > sitemap > loc").eachText();
        List<String> expectedLocs = xml(site, "sitemap.xml").select("url > loc").eachText();
        assertThat(expectedLocs.size()).isGreaterThan(6);
        assertThat(parts).hasSize((expectedLocs.size() + 2) / 3);

        List<String> splitLocs = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String name = "sitemap-" + (i + 1) + ".xml";
            assertThat(parts.get(i)).isEqualTo("https://example.org/" + name);
            validate(sitemapSchema, files.get(name));
            Document part = xml(files.get(name));
            List<String> locs = part.select("url > loc").eachText();
            assertThat(locs).as(name).hasSizeBetween(1, 3);
            splitLocs.addAll(locs);
            String latest = part.select("url > lastmod").eachText().stream()
                    .max(Comparator.comparing(OffsetDateTime::parse)).orElseThrow();
            assertThat(index.select("sitemapindex > sitemap").get(i).selectFirst("lastmod").text())
                    .as(name).isEqualTo(latest);
        }
        assertThat(splitLocs).containsExactlyElementsOf(expectedLocs);
        assertThat(files).containsKeys("news-sitemap.xml", "robots.txt");

        // Up to the limit, one plain sitemap: the same bytes the build wrote.
        List<OutputFile> unsplit = sitemaps(model, urls, BUILD_TIME, expectedLocs.size());
        assertThat(unsplit).extracting(OutputFile::path).containsExactly("sitemap.xml", "news-sitemap.xml", "robots.txt");
        assertThat(unsplit.get(0).bytes()).isEqualTo(Files.readAllBytes(site.output().resolve("sitemap.xml")));
    }

    @Test
    void aRebuildWithTheSameBuildTimeIsByteIdentical(@TempDir Path rebuildDir) {
        FixtureSite twice = FixtureSite.write(rebuildDir, SITE).buildOk();
        List<String> files = List.of("sitemap.xml", "news-sitemap.xml", "robots.txt", "feed.xml", "atom.xml",
                "category/politics/feed.xml", "category/politics/atom.xml");
        Map<String, byte[]> before = read(twice, files);
        twice.buildOk();
        Map<String, byte[]> after = read(twice, files);
        for (String file : files) {
            assertThat(after.get(file)).as(file).isEqualTo(before.get(file));
        }
        assertThat(new String(before.get("sitemap.xml"), StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void emptySiteHasSitemapsWithoutDates(@TempDir Path emptyDir) {
        FixtureSite empty = FixtureSite.write(emptyDir, """
                -- gazette.yaml --
                title: Empty Courier
                baseUrl: https://example.org/news/
                buildTime: 2022-12-23T12:00:00+05:00
                """).buildOk();
        validate(sitemapSchema, empty.output().resolve("sitemap.xml"));
        Document sitemap = xml(empty, "sitemap.xml");
        assertThat(sitemap.select("url > loc").eachText()).contains("https://example.org/news/");
        assertThat(sitemap.select("lastmod")).isEmpty();
        // Written even when empty, so the file search engines were told about never disappears.
        assertThat(xml(empty, "news-sitemap.xml").select("urlset")).hasSize(1);
        assertThat(xml(empty, "news-sitemap.xml").select("url")).isEmpty();
        assertThat(FeedsTest.text(empty, "robots.txt"))
                .contains("Sitemap: https://example.org/news/sitemap.xml\n")
                .contains("Sitemap: https://example.org/news/news-sitemap.xml\n");
    }

    /** Loads, parses and indexes the site the way a build does, without rendering it. */
    static SiteModel model(Path root) {
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(root, null, diagnostics);
        LoadedContent content = ContentLoader.load(root, diagnostics);
        List<Article> articles = new ArticleParser(config, false).parse(content, diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
        return SiteIndexer.index(articles, config);
    }

    /**
     * {@code SitemapWriter.sitemaps(model, urls, now, maxUrls)}, which lowers the 50,000 URL
     * limit. It is package-private in {@code dev.gazette.render}, so reflection reaches it.
     */
    @SuppressWarnings("unchecked")
    static List<OutputFile> sitemaps(SiteModel model, SiteUrls urls, Instant now, int maxUrls) throws Exception {
        Method method = Class.forName("dev.gazette.render.SitemapWriter")
                .getDeclaredMethod("sitemaps", SiteModel.class, SiteUrls.class, Instant.class, int.class);
        method.setAccessible(true);
        try {
            return (List<OutputFile>) method.invoke(null, model, urls, now, maxUrls);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** The schemas under src/test/resources/schemas, read offline. */
    static Schema schema(String... names) {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            // Nothing may be fetched while schemas are read.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Source[] sources = new Source[names.length];
            for (int i = 0; i < names.length; i++) {
                InputStream in = SitemapsTest.class.getResourceAsStream("/schemas/" + names[i]);
                assertThat(in).as(names[i]).isNotNull();
                sources[i] = new StreamSource(in, "schemas/" + names[i]);
            }
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new AssertionError(e);
        }
    }

    static void validate(Schema schema, Path file) {
        try {
            validate(schema, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AssertionError e) {
            throw new AssertionError(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static void validate(Schema schema, byte[] xml) {
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new AssertionError("invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document xml(FixtureSite site, String path) {
        return FeedsTest.xml(site, path);
    }

    static Document xml(byte[] bytes) {
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    static Map<String, String> lastmods(Document sitemap) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element url : sitemap.select("url")) {
            Element lastmod = url.selectFirst("lastmod");
            out.put(url.selectFirst("loc").text(), lastmod == null ? null : lastmod.text());
        }
        return out;
    }

    /** The absolute URL of every HTML file written. */
    static List<String> htmlPages(FixtureSite site) {
        List<String> out = new ArrayList<>();
        for (String path : FixtureSite.tree(site.output()).keySet()) {
            if (path.endsWith(".html")) {
                out.add("https://example.org/" + (path.endsWith("index.html")
                        ? path.substring(0, path.length() - "index.html".length()) : path));
            }
        }
        return out;
    }

    static Map<String, byte[]> read(FixtureSite site, List<String> files) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String file : files) {
            try {
                out.put(file, Files.readAllBytes(site.output().resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
