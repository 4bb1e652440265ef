package dev.gazette.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.gazette.FixtureSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsTest {

    static final String SITE = """
            -- gazette.yaml --
            title: Test Courier
            description: News of the region
            baseUrl: https://example.org/
            timezone: Asia/Tashkent
            feedSize: 3
            categories: [Politics, Economy, Society, Culture]
            buildTime: 2022-12-23T12:00:00+05:00
            -- content/2022/12/images/map.png --
            not really a png
            -- content/2022/12/treaty.md --
            ---
            title: Allied treaty signed
            date: 2022-12-22 20:26
            updated: 2022-12-23 09:15
            category: Politics
            tags: [Uzbekistan, Kazakhstan]
            author: [Dilnoza Karimova, Aziz Rakhimov]
            summary: The presidents signed the treaty.
            ---
            The two presidents signed the treaty in Tashkent.

            ![Route map](images/map.png)

            See [the closed roads](roads.md), [the archive](/archive/) and
            [another paper](https://other.example/treaty).

            <p><a href='/2022/12/22/roads/'>Roads, raw HTML</a></p>

            Text that says href="/not-a-link" stays text.
            -- content/2022/12/roads.md --
            ---
            title: Roads closed for the visit
            date: 2022-12-22 09:40
            category: Society
            tags: [Tashkent]
            author: Aziz Rakhimov
            ---
            Several streets were closed.
            -- content/2022/12/prices.md --
            ---
            title: 'Prices <script>alert(1)</script> & "wages" rise'
            date: 2022-12-21T18:00:00+05:00
            category: Economy
            summary: 'Costs <up> & wages "flat"'
            ---
            Prices rose.
            -- content/2022/11/budget.md --
            ---
            title: Budget passed
            date: 2022-11-30
            category: Politics
            ---
            The budget for next year.
            -- content/2022/12/hidden.md --
            ---
            title: Hidden notice
            date: 2022-12-23 08:00
            category: Politics
            noindex: true
            ---
            Not for search engines or feeds.
            -- content/2022/12/draft.md --
            ---
            title: Draft story
            date: 2022-12-23 09:00
            category: Politics
            draft: true
            ---
            Not ready.
            """;

    static final String PRICES = "Prices <script>alert(1)</script> & \"wages\" rise";

    @TempDir
    static Path dir;
    static FixtureSite site;

    @BeforeAll
    static void build() {
        // --drafts puts the draft into the model, so the feeds have to leave it out themselves.
        site = FixtureSite.write(dir, SITE).buildOk("--drafts");
    }

    @Test
    void siteFeedsHoldTheNewestListedArticlesUpToFeedSize() {
        for (String path : List.of("feed.xml", "atom.xml")) {
            assertThat(titles(feed(site, path))).as(path)
                    .containsExactly("Allied treaty signed", "Roads closed for the visit", PRICES);
        }
    }

    @Test
    void itemLinksAreAbsoluteAndIdsAreThoseLinks() {
        List<String> expected = List.of("https://example.org/2022/12/22/treaty/",
                "https://example.org/2022/12/22/roads/", "https://example.org/2022/12/21/prices/");
        for (String path : List.of("feed.xml", "atom.xml")) {
            List<SyndEntry> entries = feed(site, path).getEntries();
            assertThat(entries).extracting(SyndEntry::getLink).as(path).containsExactlyElementsOf(expected);
            assertThat(entries).extracting(SyndEntry::getUri).as(path).containsExactlyElementsOf(expected);
        }
        assertThat(text(site, "feed.xml"))
                .contains("<guid isPermaLink=\"true\">https://example.org/2022/12/22/treaty/</guid>");
    }

    @Test
    void publishedAndUpdatedAreTheFrontMatterInstantsWithTheSiteOffset() {
        for (String path : List.of("feed.xml", "atom.xml")) {
            List<SyndEntry> entries = feed(site, path).getEntries();
            assertThat(entries.get(0).getPublishedDate()).as(path).isEqualTo(instant("2022-12-22T20:26:00+05:00"));
            assertThat(entries.get(1).getPublishedDate()).as(path).isEqualTo(instant("2022-12-22T09:40:00+05:00"));
            assertThat(entries.get(2).getPublishedDate()).as(path).isEqualTo(instant("2022-12-21T18:00:00+05:00"));
        }
        List<SyndEntry> atom = feed(site, "atom.xml").getEntries();
        assertThat(atom.get(0).getUpdatedDate()).isEqualTo(instant("2022-12-23T09:15:00+05:00"));
        assertThat(atom.get(1).getUpdatedDate()).isEqualTo(instant("2022-12-22T09:40:00+05:00"));

        assertThat(text(site, "feed.xml")).contains("<pubDate>Thu, 22 Dec 2022 20:26:00 +0500</pubDate>");
        assertThat(text(site, "atom.xml"))
                .contains("<published>2022-12-22T20:26:00+05:00</published>")
                .contains("<updated>2022-12-23T09:15:00+05:00</updated>");
    }

    @Test
    void channelDescribesTheSiteAndIsDatedByItsLatestChangeNotTheClock() {
        Document rss = xml(site, "feed.xml");
        assertThat(rss.selectFirst("rss > channel > title").text()).isEqualTo("Test Courier");
        assertThat(rss.selectFirst("rss > channel > link").text()).isEqualTo("https://example.org/");
        assertThat(rss.selectFirst("rss > channel > description").text()).isEqualTo("News of the region");
        assertThat(rss.selectFirst("rss > channel > language").text()).isEqualTo("en");
        assertThat(rss.selectFirst("rss > channel > lastBuildDate").text()).isEqualTo("Fri, 23 Dec 2022 09:15:00 +0500");
        Element self = rss.selectFirst("channel > atom|link");
        assertThat(self.attr("rel")).isEqualTo("self");
        assertThat(self.attr("href")).isEqualTo("https://example.org/feed.xml");

        Document atom = xml(site, "atom.xml");
        assertThat(atom.selectFirst("feed > id").text()).isEqualTo("https://example.org/");
        assertThat(atom.selectFirst("feed > title").text()).isEqualTo("Test Courier");
        assertThat(atom.selectFirst("feed > updated").text()).isEqualTo("2022-12-23T09:15:00+05:00");
        assertThat(atom.selectFirst("feed > link[rel=self]").attr("href")).isEqualTo("https://example.org/atom.xml");
        assertThat(atom.selectFirst("feed > link[rel=alternate]").attr("href")).isEqualTo("https://example.org/");
        assertThat(feed(site, "atom.xml").getLinks()).extracting(SyndLink::getRel).contains("self", "alternate");
    }

    @Test
    void itemsNameTheirAuthorsAndCategoryAndTags() {
        SyndEntry rssTreaty = feed(site, "feed.xml").getEntries().get(0);
        DCModule dc = (DCModule) rssTreaty.getModule(DCModule.URI);
        assertThat(dc.getCreators()).containsExactly("Dilnoza Karimova", "Aziz Rakhimov");
        assertThat(rssTreaty.getCategories()).extracting(SyndCategory::getName)
                .containsExactly("Politics", "Uzbekistan", "Kazakhstan");
        // RSS <author> must be an e-mail address; names go in dc:creator.
        assertThat(text(site, "feed.xml")).doesNotContain("<author>");

        SyndEntry atomTreaty = feed(site, "atom.xml").getEntries().get(0);
        assertThat(atomTreaty.getAuthors()).extracting(SyndPerson::getName)
                .containsExactly("Dilnoza Karimova", "Aziz Rakhimov");
        assertThat(atomTreaty.getCategories()).extracting(SyndCategory::getName)
                .containsExactly("Politics", "Uzbekistan", "Kazakhstan");
        SyndEntry atomRoads = feed(site, "atom.xml").getEntries().get(1);
        assertThat(atomRoads.getAuthors()).extracting(SyndPerson::getName).containsExactly("Aziz Rakhimov");
        assertThat(atomRoads.getCategories()).extracting(SyndCategory::getName).containsExactly("Society", "Tashkent");
    }

    @Test
    void itemsCarryTheSummaryAndTheFullBodyWithAbsoluteLinks() {
        for (String path : List.of("feed.xml", "atom.xml")) {
            SyndEntry treaty = feed(site, path).getEntries().get(0);
            assertThat(treaty.getDescription().getValue()).as(path).isEqualTo("The presidents signed the treaty.");
            assertThat(treaty.getContents()).as(path).hasSize(1);
            Document body = Jsoup.parseBodyFragment(treaty.getContents().get(0).getValue());
            assertThat(body.text()).as(path).contains("The two presidents signed the treaty in Tashkent.");
            assertThat(body.select("img").attr("src")).as(path).isEqualTo("https://example.org/2022/12/images/map.png");
            assertThat(body.select("a").eachAttr("href")).as(path).containsExactly(
                    "https://example.org/2022/12/22/roads/", "https://example.org/archive/",
                    "https://other.example/treaty", "https://example.org/2022/12/22/roads/");
            assertThat(body.text()).as(path).contains("href=\"/not-a-link\"");
        }
        SyndEntry roads = feed(site, "feed.xml").getEntries().get(1);
        assertThat(roads.getDescription().getValue()).isEqualTo("Several streets were closed.");
    }

    @Test
    void categoryFeedsHoldOnlyTheirCategory() {
        for (String name : List.of("feed.xml", "atom.xml")) {
            SyndFeed politics = feed(site, "category/politics/" + name);
            assertThat(politics.getTitle()).as(name).isEqualTo("Politics — Test Courier");
            // ROME reports an Atom feed's self link as its link, so look for the alternate.
            assertThat(politics.getLinks().isEmpty() ? List.of(politics.getLink())
                    : politics.getLinks().stream().filter(l -> "alternate".equals(l.getRel())).map(SyndLink::getHref).toList())
                    .as(name).containsExactly("https://example.org/category/politics/");
            assertThat(titles(politics)).as(name).containsExactly("Allied treaty signed", "Budget passed");
            assertThat(politics.getEntries()).allSatisfy(e -> assertThat(e.getCategories().get(0).getName())
                    .isEqualTo("Politics"));
            assertThat(titles(feed(site, "category/economy/" + name))).as(name).containsExactly(PRICES);
            assertThat(titles(feed(site, "category/culture/" + name))).as(name).isEmpty();
        }
        assertThat(xml(site, "category/politics/feed.xml").selectFirst("channel > atom|link").attr("href"))
                .isEqualTo("https://example.org/category/politics/feed.xml");
        assertThat(xml(site, "category/politics/atom.xml").selectFirst("feed > link[rel=self]").attr("href"))
                .isEqualTo("https://example.org/category/politics/atom.xml");
        // An empty feed is dated by no article and no clock.
        assertThat(xml(site, "category/culture/atom.xml").selectFirst("feed > updated").text())
                .isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void noindexArticlesAndDraftsStayOutOfEveryFeed() {
        for (String path : List.of("feed.xml", "atom.xml", "category/politics/feed.xml", "category/politics/atom.xml")) {
            assertThat(titles(feed(site, path))).as(path).doesNotContain("Hidden notice", "Draft story");
        }
        // Both are built as pages, so leaving them out is the feeds' own doing.
        assertThat(site.exists("/2022/12/23/hidden/")).isTrue();
        assertThat(site.exists("/2022/12/23/draft/")).isTrue();
    }

    @Test
    void markupInTitlesIsEscapedAndRoundTrips() {
        String raw = text(site, "feed.xml") + text(site, "atom.xml");
        assertThat(raw).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(feed(site, "feed.xml").getEntries().get(2).getTitle()).isEqualTo(PRICES);
        assertThat(feed(site, "atom.xml").getEntries().get(2).getTitle()).isEqualTo(PRICES);
    }

    @Test
    void plainTextSummariesStayPlainText() {
        // Atom says its summary is text; an RSS description is read as HTML, so it is escaped once more.
        assertThat(feed(site, "atom.xml").getEntries().get(2).getDescription().getValue())
                .isEqualTo("Costs <up> & wages \"flat\"");
        String rss = feed(site, "feed.xml").getEntries().get(2).getDescription().getValue();
        assertThat(Jsoup.parseBodyFragment(rss).text()).isEqualTo("Costs <up> & wages \"flat\"");
    }

    @Test
    void summaryModeLeavesTheBodyOut(@TempDir Path summaryDir) {
        FixtureSite summary = FixtureSite.write(summaryDir, SITE.replace("feedSize: 3", "feedContent: summary"))
                .buildOk();
        for (String path : List.of("feed.xml", "atom.xml")) {
            SyndFeed feed = feed(summary, path);
            // The default size (30) takes every listed article.
            assertThat(titles(feed)).as(path).hasSize(4);
            assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getContents()).isEmpty());
            assertThat(feed.getEntries().get(0).getDescription().getValue())
                    .isEqualTo("The presidents signed the treaty.");
        }
        assertThat(text(summary, "feed.xml")).doesNotContain("content:encoded").doesNotContain("in Tashkent.");
        assertThat(text(summary, "atom.xml")).doesNotContain("<content").doesNotContain("in Tashkent.");
    }

    @Test
    void subPathBaseUrlIsInEveryFeedLink(@TempDir Path subDir) {
        FixtureSite sub = FixtureSite.write(subDir, SITE.replace("baseUrl: https://example.org/",
                "baseUrl: https://example.org/news/")).buildOk();
        SyndFeed rss = feed(sub, "feed.xml");
        assertThat(rss.getLink()).isEqualTo("https://example.org/news/");
        assertThat(rss.getEntries().get(0).getLink()).isEqualTo("https://example.org/news/2022/12/22/treaty/");
        assertThat(rss.getEntries().get(0).getUri()).isEqualTo("https://example.org/news/2022/12/22/treaty/");
        Document body = Jsoup.parseBodyFragment(rss.getEntries().get(0).getContents().get(0).getValue());
        assertThat(body.select("img").attr("src")).isEqualTo("https://example.org/news/2022/12/images/map.png");
        assertThat(body.select("a").eachAttr("href")).startsWith(
                "https://example.org/news/2022/12/22/roads/", "https://example.org/news/archive/",
                "https://other.example/treaty");
        SyndFeed atom = feed(sub, "category/politics/atom.xml");
        assertThat(atom.getEntries().get(0).getLink()).isEqualTo("https://example.org/news/2022/12/22/treaty/");
        assertThat(xml(sub, "category/politics/atom.xml").selectFirst("feed > link[rel=self]").attr("href"))
                .isEqualTo("https://example.org/news/category/politics/atom.xml");
        assertThat(xml(sub, "feed.xml").selectFirst("channel > atom|link").attr("href"))
                .isEqualTo("https://example.org/news/feed.xml");
    }

    @Test
    void charactersXmlCannotHoldAreDropped(@TempDir Path controlDir) {
        FixtureSite control = FixtureSite.write(controlDir, """
                -- gazette.yaml --
                baseUrl: https://example.org/
                """);
        control.file("content/a.md", FixtureSite.article("""
                title: Control characters
                date: 2022-12-22T10:00:00Z
                category: News
                summary: A summary
                """, "Bell\u0007 and escape\u001b gone.\n")).buildOk();
        for (String path : List.of("feed.xml", "atom.xml")) {
            SyndEntry entry = feed(control, path).getEntries().get(0);
            assertThat(entry.getContents().get(0).getValue()).as(path).contains("Bell and escape gone.");
        }
    }

    @Test
    void emptySiteHasValidFeedsDatedAtTheEpoch(@TempDir Path emptyDir) {
        FixtureSite empty = FixtureSite.write(emptyDir, """
                -- gazette.yaml --
                title: Empty Courier
                baseUrl: https://example.org/
                """).buildOk();
        assertThat(feed(empty, "feed.xml").getEntries()).isEmpty();
        assertThat(feed(empty, "atom.xml").getEntries()).isEmpty();
        assertThat(xml(empty, "feed.xml").selectFirst("lastBuildDate").text())
                .isEqualTo("Thu, 01 Jan 1970 00:00:00 +0000");
        assertThat(xml(empty, "atom.xml").selectFirst("feed > updated").text()).isEqualTo("1970-01-01T00:00:00Z");
    }

    static SyndFeed feed(FixtureSite site, String path) {
        Path file = site.output().resolve(path);
        assertThat(file).as(path).isRegularFile();
        try (XmlReader reader = new XmlReader(file.toFile())) {
            return new SyndFeedInput().build(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FeedException e) {
            throw new AssertionError(path + " is not a valid feed: " + e.getMessage(), e);
        }
    }

    static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    static String text(FixtureSite site, String path) {
        try {
            return Files.readString(site.output().resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document xml(FixtureSite site, String path) {
        return Jsoup.parse(text(site, path), "", Parser.xmlParser());
    }

    static Date instant(String rfc3339) {
        return Date.from(OffsetDateTime.parse(rfc3339).toInstant());
    }
}
