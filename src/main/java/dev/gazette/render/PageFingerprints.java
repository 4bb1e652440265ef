package dev.gazette.render;

import dev.gazette.cache.Hashes;
import dev.gazette.index.Page;
import dev.gazette.index.PageLink;
import dev.gazette.index.Pagination;
import dev.gazette.index.Period;
import dev.gazette.index.PeriodLink;
import dev.gazette.index.TemplateReads;
import dev.gazette.parse.Article;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A hash of everything a page shows. Articles enter through their own fingerprints (source text
 * and resolved links), everything else through the page's record values; with the same templates
 * and config, the same fingerprint means the same bytes.
 *
 * <p>What the page's templates read last time ({@link TemplateReads}) leads the fingerprint, and
 * decides what it covers: a page that printed no other article's body takes the articles it
 * lists without their bodies; one that printed no count, or not the lists of tags and authors,
 * takes the site without them; one that printed articles' tags and authors takes their names and
 * links. A page is rendered again only if its fingerprint changed, and then its reads are taken
 * afresh.
 */
final class PageFingerprints {

    private PageFingerprints() {
    }

    /** What fingerprints take of the site and of articles, worked out once per build. */
    interface Inputs {
        /** The hash of the site values as a page that made {@code reads} sees them. */
        String siteHash(int reads);

        /** {@link PageFingerprints#teaserHead}. */
        long teaserHead(Article article);

        /** A hash of the article's tags and authors as the site names them, with counts or not. */
        long termsHead(Article article, boolean counts);
    }

    /** The fingerprint of a page whose templates made {@code reads}. */
    static String of(Page page, int reads, Inputs inputs) {
        StringBuilder key = new StringBuilder(256).append(inputs.siteHash(reads)).append('|')
                .append(page.kind()).append('|').append(page.sitePath()).append('|').append(page.template())
                .append('|').append(page.title()).append('|').append(page.description()).append('|');
        List<Article> articles = List.of();
        boolean terms = (reads & TemplateReads.ARTICLE_TERMS) != 0;
        boolean counts = (reads & TemplateReads.COUNTS) != 0;
        if (page instanceof Page.ArticlePage p) {
            key.append(p.article().fingerprint());
            if (terms) {
                key.append('|').append(inputs.termsHead(p.article(), counts));
            }
            articles = p.related();
        } else if (page instanceof Page.ListPage p) {
            appendPagination(key, p.pagination());
            key.append('|').append(p.category()).append('|').append(p.term()).append('|');
            appendPeriod(key, p.period());
            articles = p.articles();
        } else {
            key.append(page);
        }
        byte[] text = key.toString().getBytes(StandardCharsets.UTF_8);
        // Listed articles enter by 64 bits each: a list page names twenty of them, and hashing
        // their hex in full was most of the cost of a rebuild's check.
        boolean bodies = (reads & TemplateReads.OTHER_BODIES) != 0;
        int perArticle = terms ? 2 : 1;
        byte[] all = Arrays.copyOf(text, text.length + Long.BYTES * perArticle * articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            put(all, text.length, i * perArticle, bodies ? head(article) : inputs.teaserHead(article));
            if (terms) {
                put(all, text.length, i * perArticle + 1, inputs.termsHead(article, counts));
            }
        }
        // MurmurHash3, not SHA-256: a cold build fingerprints every page, and SHA-256 runs as plain
        // Java under the quick compiler (see Hashes#content).
        return (char) ('0' + reads) + Hashes.content(all);
    }

    /**
     * The pagination's values, as its record would print them but without the method handles a
     * record's toString goes through, slow under the quick compiler (half a percent of a cold build).
     */
    private static void appendPagination(StringBuilder key, Pagination p) {
        if (p == null) {
            key.append("n;");
            return;
        }
        key.append(p.number()).append(',').append(p.total()).append(',');
        Hashes.appendField(key, p.prevUrl());
        Hashes.appendField(key, p.nextUrl());
        key.append(p.pages().size()).append(';');
        for (PageLink link : p.pages()) {
            key.append(link.number()).append(link.current() ? '*' : ',');
            Hashes.appendField(key, link.url());
        }
    }

    private static void appendPeriod(StringBuilder key, Period period) {
        if (period == null) {
            key.append("n;");
            return;
        }
        Hashes.appendField(key, period.kind());
        Hashes.appendField(key, period.label());
        Hashes.appendField(key, period.url());
        for (PeriodLink link : new PeriodLink[] {period.parent(), period.prev(), period.next()}) {
            if (link == null) {
                key.append("n;");
            } else {
                Hashes.appendField(key, link.label());
                Hashes.appendField(key, link.url());
                key.append(link.count()).append(';');
            }
        }
    }

    private static void put(byte[] bytes, int from, int index, long value) {
        for (int b = 0; b < Long.BYTES; b++) {
            bytes[from + index * Long.BYTES + b] = (byte) (value >>> (8 * b));
        }
    }

    /** What the page's templates read when it was fingerprinted; all for an unknown page. */
    static int reads(String fingerprint) {
        if (fingerprint == null || fingerprint.isEmpty()) {
            return TemplateReads.ALL;
        }
        int reads = fingerprint.charAt(0) - '0';
        return reads >= 0 && reads <= TemplateReads.ALL ? reads : TemplateReads.ALL;
    }

    /** The first 64 bits of an article's fingerprint: all a page's fingerprint takes of it. */
    static long head(Article article) {
        return Long.parseUnsignedLong(article.fingerprint(), 0, 16, 16);
    }

    /**
     * A hash of everything about an article but its body: what a page that prints no other
     * article's body can show of it. Each value is prefixed by its length (lists and maps by their
     * size), so that text moving from one field or element to the next cannot give the same hash.
     */
    static long teaserHead(Article a) {
        return hashOf(a.source(), a.urlLine(), a.url(), a.title(), a.slug(), a.date(), a.updated(), a.category(),
                a.categorySlug(), a.tags(), a.authors(), a.summary(), a.draft(), a.noindex(), a.image(), a.imageAlt(),
                a.lang(), a.params());
    }

    /** A 64-bit hash of the values (see {@link Hashes#appendField}). */
    static long hashOf(Object... values) {
        StringBuilder key = new StringBuilder(512);
        for (Object value : values) {
            Hashes.appendField(key, value);
        }
        return Hashes.content64(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the page shows any of {@code articles} (compared by identity). Overviews of
     * categories, tags and years show names and counts only, which follow from the index keys.
     */
    static boolean shows(Page page, Set<Article> articles) {
        if (page instanceof Page.ArticlePage p) {
            return articles.contains(p.article()) || anyOf(p.related(), articles);
        }
        return page instanceof Page.ListPage p && anyOf(p.articles(), articles);
    }

    private static boolean anyOf(List<Article> list, Set<Article> articles) {
        for (Article article : list) {
            if (articles.contains(article)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code a} and {@code b} differ at most in the bodies of the articles they list: an
     * article page's own article must be equal, body included. The preview's in-memory test, as
     * {@link #teaserHead} is the build's.
     */
    static boolean sameApartFromBodies(Page a, Page b) {
        if (a instanceof Page.ArticlePage x && b instanceof Page.ArticlePage y) {
            return x.article().equals(y.article()) && sameApartFromBodies(x.related(), y.related());
        }
        if (a instanceof Page.ListPage x && b instanceof Page.ListPage y) {
            return x.kind().equals(y.kind()) && x.sitePath().equals(y.sitePath()) && x.template().equals(y.template())
                    && x.title().equals(y.title()) && x.description().equals(y.description())
                    && x.pagination().equals(y.pagination()) && Objects.equals(x.category(), y.category())
                    && Objects.equals(x.term(), y.term()) && Objects.equals(x.period(), y.period())
                    && sameApartFromBodies(x.articles(), y.articles());
        }
        return a.equals(b);
    }

    private static boolean sameApartFromBodies(List<Article> a, List<Article> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameApartFromBody(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
