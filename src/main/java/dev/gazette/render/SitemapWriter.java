package dev.gazette.render;

import dev.gazette.cache.Hashes;
import dev.gazette.index.Page;
import dev.gazette.index.SiteModel;
import dev.gazette.parse.Article;
import dev.gazette.url.SiteUrls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * {@code sitemap.xml} (split into {@code sitemap-1.xml}, ... under a sitemap index above 50,000
 * URLs), {@code news-sitemap.xml} for Google News and {@code robots.txt} naming both.
 */
final class SitemapWriter {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    /** The sitemap protocol's limit of URLs per file. */
    static final int MAX_URLS = 50_000;
    /** Google News reads at most this many entries per news sitemap. */
    static final int MAX_NEWS = 1_000;
    /** Google News wants articles of the last two days only. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** The last URL list and the files made of it: most rebuilds change no page's URL or date. */
    private List<Entry> lastEntries;
    private List<OutputFile> lastUrlsets;
    /** The entries of article and list pages, which depend on the page alone: most pages are the same instances. */
    private Map<Page, Entry> lastByPage = new IdentityHashMap<>();

    /** Forgets the URL lists of the last call: the next one makes its files again. */
    void forget() {
        lastEntries = null;
        lastUrlsets = null;
    }

    /** One {@code <url>}: an absolute location and its last change, or null when unknown. */
    private record Entry(String loc, ZonedDateTime lastmod) {
    }

    /**
     * The sitemaps of {@code model}, remembering the URL lists for the next call.
     *
     * @param now the build time: the news sitemap lists the articles of the 48 hours before it
     */
    List<OutputFile> sitemaps(SiteModel model, SiteUrls urls, Instant now) {
        return sitemaps(model, urls, now, null);
    }

    /**
     * As {@link #sitemaps(SiteModel, SiteUrls, Instant)}; {@code previous}, when given, may supply
     * the URL lists from the last build's output when their entries hash the same.
     */
    List<OutputFile> sitemaps(SiteModel model, SiteUrls urls, Instant now, KeyedFiles previous) {
        Map<Page, Entry> byPage = new IdentityHashMap<>(model.pages().size() * 2);
        List<Entry> entries = entries(model, urls, lastByPage, byPage);
        lastByPage = byPage;
        if (!entries.equals(lastEntries)) {
            lastUrlsets = previous == null ? urlsets(entries, urls, MAX_URLS)
                    : previous.reuseOrMake(urlsetPaths(entries.size()), hash(entries),
                            () -> urlsets(entries, urls, MAX_URLS));
            lastEntries = entries;
        }
        return withNewsAndRobots(lastUrlsets, model, urls, now);
    }

    /** The files {@link #urlsets} makes of {@code count} entries. */
    private static List<String> urlsetPaths(int count) {
        List<String> paths = new ArrayList<>();
        paths.add("sitemap.xml");
        for (int n = 1; count > MAX_URLS && (n - 1) * (long) MAX_URLS < count; n++) {
            paths.add("sitemap-" + n + ".xml");
        }
        return paths;
    }

    private static String hash(List<Entry> entries) {
        StringBuilder all = new StringBuilder(entries.size() * 80);
        for (Entry entry : entries) {
            // The instant and offset fix the RFC 3339 text, without formatting 10,000 dates.
            ZonedDateTime lastmod = entry.lastmod();
            all.append(entry.loc()).append(' ');
            if (lastmod != null) {
                all.append(lastmod.toEpochSecond()).append('.').append(lastmod.getNano()).append('/')
                        .append(lastmod.getOffset().getTotalSeconds());
            }
            all.append('\n');
        }
        return Hashes.content(all.toString());
    }

    /** As {@link #sitemaps(SiteModel, SiteUrls, Instant)}, splitting above {@code maxUrls} URLs. */
    static List<OutputFile> sitemaps(SiteModel model, SiteUrls urls, Instant now, int maxUrls) {
        return withNewsAndRobots(urlsets(entries(model, urls, Map.of(), new IdentityHashMap<>()), urls, maxUrls),
                model, urls, now);
    }

    private static List<OutputFile> withNewsAndRobots(List<OutputFile> urlsets, SiteModel model, SiteUrls urls,
            Instant now) {
        List<OutputFile> out = new ArrayList<>(urlsets);
        out.add(OutputFile.rendered("news-sitemap.xml", news(model, urls, now), "news sitemap", 0));
        out.add(OutputFile.rendered("robots.txt", robots(urls), "robots.txt", 0));
        return out;
    }

    /** {@code sitemap.xml}, or an index of {@code sitemap-N.xml} files of at most {@code maxUrls} each. */
    private static List<OutputFile> urlsets(List<Entry> entries, SiteUrls urls, int maxUrls) {
        if (maxUrls < 1) {
            throw new IllegalArgumentException("maxUrls must be positive: " + maxUrls);
        }
        List<OutputFile> out = new ArrayList<>();
        if (entries.size() <= maxUrls) {
            out.add(OutputFile.rendered("sitemap.xml", urlset(entries), "sitemap", 0));
        } else {
            List<Entry> parts = new ArrayList<>();
            for (int from = 0, n = 1; from < entries.size(); from += maxUrls, n++) {
                List<Entry> part = entries.subList(from, Math.min(entries.size(), from + maxUrls));
                String name = "sitemap-" + n + ".xml";
                out.add(OutputFile.rendered(name, urlset(part), "sitemap", 0));
                parts.add(new Entry(urls.absolute("/" + name), latest(part)));
            }
            out.add(0, OutputFile.rendered("sitemap.xml", index(parts), "sitemap index", 0));
        }
        return out;
    }

    /**
     * Every page but the 404 page and hidden articles, in the model's order. Entries of pages in
     * {@code known} are taken from there; those of article and list pages are put in {@code made}.
     */
    private static List<Entry> entries(SiteModel model, SiteUrls urls, Map<Page, Entry> known, Map<Page, Entry> made) {
        // Pages that show no article's date change when an article is published.
        ZonedDateTime siteLastmod = model.articles().isEmpty() ? null : model.articles().get(0).date();
        // Each article's last change, converted once: list pages compare them by the thousand.
        Map<Article, Long> nanos = new IdentityHashMap<>();
        List<Entry> out = new ArrayList<>(model.pages().size());
        for (Page page : model.pages()) {
            if (page instanceof Page.NotFoundPage) {
                continue;
            }
            Entry entry = known.get(page);
            if (entry != null) {
                made.put(page, entry);
                out.add(entry);
                continue;
            }
            ZonedDateTime lastmod = siteLastmod;
            if (page instanceof Page.ArticlePage p) {
                if (!listed(p.article())) {
                    continue;
                }
                lastmod = updatedOrDate(p.article());
            } else if (page instanceof Page.ListPage p && !p.articles().isEmpty()) {
                Article latest = null;
                long latestNanos = Long.MIN_VALUE;
                for (Article article : p.articles()) {
                    long at = nanos.computeIfAbsent(article, SitemapWriter::lastChangeNanos);
                    if (at > latestNanos) {
                        latest = article;
                        latestNanos = at;
                    }
                }
                lastmod = updatedOrDate(latest);
            }
            entry = new Entry(urls.absolute(page.sitePath()), lastmod);
            if (page instanceof Page.ArticlePage || page instanceof Page.ListPage p && !p.articles().isEmpty()) {
                made.put(page, entry);
            }
            out.add(entry);
        }
        return out;
    }

    private static byte[] urlset(List<Entry> entries) {
        XmlOutput xml = new XmlOutput();
        xml.start("urlset").defaultNamespace(SITEMAP);
        for (Entry entry : entries) {
            xml.start("url").text("loc", entry.loc());
            if (entry.lastmod() != null) {
                xml.text("lastmod", RFC_3339.format(entry.lastmod()));
            }
            xml.end();
        }
        xml.end();
        return xml.bytes();
    }

    private static byte[] index(List<Entry> parts) {
        XmlOutput xml = new XmlOutput();
        xml.start("sitemapindex").defaultNamespace(SITEMAP);
        for (Entry part : parts) {
            xml.start("sitemap").text("loc", part.loc());
            if (part.lastmod() != null) {
                xml.text("lastmod", RFC_3339.format(part.lastmod()));
            }
            xml.end();
        }
        xml.end();
        return xml.bytes();
    }

    /**
     * Articles published in the {@link #NEWS_WINDOW} up to {@code now}, newest first, at most
     * {@link #MAX_NEWS}. Always written, so the file Google is told about never disappears.
     */
    private static byte[] news(SiteModel model, SiteUrls urls, Instant now) {
        Instant since = now.minus(NEWS_WINDOW);
        String name = model.config().title();
        XmlOutput xml = new XmlOutput();
        xml.start("urlset").defaultNamespace(SITEMAP).namespace("news", NEWS);
        int count = 0;
        for (Article article : model.articles()) {
            if (count == MAX_NEWS) {
                break;
            }
            Instant published = article.date().toInstant();
            if (!published.isAfter(since)) {
                break; // newest first: all the rest are older still
            }
            if (!listed(article) || published.isAfter(now)) {
                continue;
            }
            count++;
            String language = newsLanguage(article.lang() != null ? article.lang() : model.config().language());
            xml.start("url").text("loc", urls.absolute(article.url()))
                    .start("news", "news", NEWS)
                    .start("news", "publication", NEWS)
                    .text("news", "name", NEWS, name)
                    .text("news", "language", NEWS, language)
                    .end()
                    .text("news", "publication_date", NEWS, RFC_3339.format(article.date()))
                    .text("news", "title", NEWS, article.title())
                    .end()
                    .end();
        }
        xml.end();
        return xml.bytes();
    }

    /**
     * Google News takes ISO 639 codes, except that Chinese must say zh-cn or zh-tw:
     * {@code uz-Cyrl} becomes {@code uz}, {@code zh-TW} stays {@code zh-tw}.
     */
    static String newsLanguage(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        if (lower.equals("zh-cn") || lower.equals("zh-tw")) {
            return lower;
        }
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    private static byte[] robots(SiteUrls urls) {
        String text = "User-agent: *\n"
                + "Allow: /\n"
                + "\n"
                + "Sitemap: " + urls.absolute("/sitemap.xml") + "\n"
                + "Sitemap: " + urls.absolute("/news-sitemap.xml") + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean listed(Article article) {
        return !article.noindex() && !article.draft();
    }

    private static long lastChangeNanos(Article article) {
        ZonedDateTime at = updatedOrDate(article);
        return at.toEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static ZonedDateTime updatedOrDate(Article article) {
        return article.updated() != null ? article.updated() : article.date();
    }

    private static ZonedDateTime latest(List<Entry> entries) {
        ZonedDateTime latest = null;
        for (Entry entry : entries) {
            latest = later(latest, entry.lastmod());
        }
        return latest;
    }

    private static ZonedDateTime later(ZonedDateTime a, ZonedDateTime b) {
        if (a == null) {
            return b;
        }
        return b != null && b.toInstant().isAfter(a.toInstant()) ? b : a;
    }
}
