package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.Category;
import dev.gazette.index.SiteModel;
import dev.gazette.parse.Article;
import dev.gazette.url.SiteUrls;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSS 2.0 ({@code feed.xml}) and Atom 1.0 ({@code atom.xml}) feeds for the whole site, at its root,
 * and for each category, next to its page ({@code category/<slug>/}). Feed dates come from the
 * articles, never from the clock, so a rebuild gives the same bytes.
 */
final class FeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    /** RFC 822 as RSS wants it, with English names whatever the site language. */
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** What an empty feed reports as its last change. */
    private static final ZonedDateTime EPOCH = Instant.EPOCH.atZone(ZoneOffset.UTC);

    /** An opening tag, for finding {@code href}/{@code src} only inside markup, never in text. */
    private static final Pattern TAG = Pattern.compile("<[A-Za-z][^<>]*>");
    /** A root-relative {@code href} or {@code src} value, quoted or not; "//" starts a host, not a path. */
    private static final Pattern ROOT_RELATIVE =
            Pattern.compile("(?i)(\\s(?:href|src)\\s*=\\s*[\"']?)(/(?!/))");

    private FeedWriter() {
    }

    /** One feed in both formats: its title, the page it follows and its newest articles. */
    private record Channel(String title, String description, String pagePath, String feedDir, String origin,
            List<Article> items) {
    }

    /** The files {@link #feeds} writes for {@code model}, in its order. */
    static List<String> paths(SiteModel model) {
        List<String> paths = new ArrayList<>(List.of("feed.xml", "atom.xml"));
        for (Category category : model.categories()) {
            paths.add("category/" + category.slug() + "/feed.xml");
            paths.add("category/" + category.slug() + "/atom.xml");
        }
        return paths;
    }

    static List<OutputFile> feeds(SiteModel model, SiteUrls urls) {
        SiteConfig config = model.config();
        List<Article> listed = new ArrayList<>();
        for (Article article : model.articles()) {
            if (!article.noindex() && !article.draft()) {
                listed.add(article);
            }
        }
        Map<String, String> categoryNames = new HashMap<>();
        for (Category category : model.categories()) {
            categoryNames.put(category.slug(), category.name());
        }
        ChannelWriter writer = new ChannelWriter(config, urls, categoryNames);
        List<OutputFile> out = new ArrayList<>();
        String siteDescription = config.description().isBlank()
                ? "Latest news from " + config.title() : config.description();
        writer.write(new Channel(config.title(), siteDescription, "/", "/", "site feed",
                newest(listed, null, config.feedSize())), out);
        for (Category category : model.categories()) {
            String path = "/category/" + category.slug() + "/";
            writer.write(new Channel(category.name() + " — " + config.title(),
                    category.name() + " news from " + config.title(), path, path,
                    "feed of category " + category.slug(), newest(listed, category.slug(), config.feedSize())), out);
        }
        return out;
    }

    private static List<Article> newest(List<Article> articles, String categorySlug, int size) {
        List<Article> out = new ArrayList<>(Math.min(size, articles.size()));
        for (Article article : articles) {
            if (out.size() == size) {
                break;
            }
            if (categorySlug == null || categorySlug.equals(article.categorySlug())) {
                out.add(article);
            }
        }
        return out;
    }

    /**
     * Makes every root-relative {@code href} and {@code src} in {@code html} absolute by putting
     * {@code origin} (scheme and host, e.g. {@code https://example.org}) in front: feed readers
     * show content away from the site. Bodies already carry the base path, so only the origin is
     * missing. Text outside tags is left alone.
     */
    static String absoluteLinks(String html, String origin) {
        if (html.indexOf('/') < 0) {
            return html;
        }
        Matcher tags = TAG.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (tags.find()) {
            String tag = tags.group();
            String fixed = ROOT_RELATIVE.matcher(tag).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + origin + "/"));
            tags.appendReplacement(out, Matcher.quoteReplacement(fixed));
        }
        tags.appendTail(out);
        return out.toString();
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Scheme, host and port of {@code baseUrl}, without a path. */
    static String origin(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static ZonedDateTime updatedOrDate(Article article) {
        return article.updated() != null ? article.updated() : article.date();
    }

    /** The latest change among the items, or the epoch for an empty feed. */
    private static ZonedDateTime lastChange(List<Article> items) {
        ZonedDateTime latest = null;
        for (Article article : items) {
            ZonedDateTime changed = updatedOrDate(article);
            if (latest == null || changed.toInstant().isAfter(latest.toInstant())) {
                latest = changed;
            }
        }
        return latest != null ? latest : EPOCH;
    }

    private static final class ChannelWriter {
        private final SiteConfig config;
        private final SiteUrls urls;
        private final Map<String, String> categoryNames;
        private final String origin;

        ChannelWriter(SiteConfig config, SiteUrls urls, Map<String, String> categoryNames) {
            this.config = config;
            this.urls = urls;
            this.categoryNames = categoryNames;
            this.origin = origin(urls.baseUrl());
        }

        void write(Channel channel, List<OutputFile> out) {
            out.add(OutputFile.rendered(channel.feedDir().substring(1) + "feed.xml", rss(channel),
                    "RSS " + channel.origin(), 0));
            out.add(OutputFile.rendered(channel.feedDir().substring(1) + "atom.xml", atom(channel),
                    "Atom " + channel.origin(), 0));
        }

        private byte[] rss(Channel channel) {
            XmlOutput xml = new XmlOutput();
            xml.start("rss").attribute("version", "2.0")
                    .namespace("atom", ATOM).namespace("dc", DC).namespace("content", CONTENT);
            xml.start("channel")
                    .text("title", channel.title())
                    .text("link", urls.absolute(channel.pagePath()))
                    .text("description", channel.description())
                    .text("language", config.language())
                    .text("lastBuildDate", RFC_822.format(lastChange(channel.items())))
                    .emptyPrefixed("atom", "link", ATOM, "href", urls.absolute(channel.feedDir() + "feed.xml"),
                            "rel", "self", "type", "application/rss+xml");
            for (Article article : channel.items()) {
                String link = urls.absolute(article.url());
                xml.start("item")
                        .text("title", article.title())
                        .text("link", link)
                        .textWithAttributes("guid", link, "isPermaLink", "true")
                        .text("pubDate", RFC_822.format(article.date()));
                for (String author : article.authors()) {
                    xml.text("dc", "creator", DC, author);
                }
                for (String category : categories(article)) {
                    xml.text("category", category);
                }
                // Readers treat an RSS description as HTML; the summary is plain text.
                xml.text("description", escapeHtml(article.summary()));
                if (config.feedFullContent()) {
                    xml.text("content", "encoded", CONTENT, absoluteLinks(article.bodyHtml(), origin));
                }
                xml.end();
            }
            xml.end();
            xml.end();
            return xml.bytes();
        }

        private byte[] atom(Channel channel) {
            XmlOutput xml = new XmlOutput();
            xml.start("feed").defaultNamespace(ATOM).lang(config.language());
            String page = urls.absolute(channel.pagePath());
            xml.text("id", page)
                    .text("title", channel.title())
                    .text("subtitle", channel.description())
                    .text("updated", RFC_3339.format(lastChange(channel.items())))
                    .empty("link", "rel", "alternate", "type", "text/html", "href", page)
                    .empty("link", "rel", "self", "type", "application/atom+xml",
                            "href", urls.absolute(channel.feedDir() + "atom.xml"));
            // Atom requires an author per entry; the feed's covers articles without a byline.
            xml.start("author").text("name", config.title()).end();
            for (Article article : channel.items()) {
                String link = urls.absolute(article.url());
                xml.start("entry")
                        .text("id", link)
                        .text("title", article.title())
                        .empty("link", "rel", "alternate", "type", "text/html", "href", link)
                        .text("published", RFC_3339.format(article.date()))
                        .text("updated", RFC_3339.format(updatedOrDate(article)));
                for (String author : article.authors()) {
                    xml.start("author").text("name", author).end();
                }
                for (String category : categories(article)) {
                    xml.empty("category", "term", category);
                }
                if (!article.summary().isEmpty()) {
                    xml.textWithAttributes("summary", article.summary(), "type", "text");
                }
                if (config.feedFullContent()) {
                    xml.textWithAttributes("content", absoluteLinks(article.bodyHtml(), origin), "type", "html");
                }
                xml.end();
            }
            xml.end();
            return xml.bytes();
        }

        /** The article's category, then its tags, each once. */
        private List<String> categories(Article article) {
            Set<String> out = new LinkedHashSet<>();
            out.add(categoryNames.getOrDefault(article.categorySlug(), article.category()));
            out.addAll(article.tags());
            return List.copyOf(out);
        }
    }
}
