package dev.gazette.render;

import dev.gazette.cache.Hashes;
import dev.gazette.index.Page;
import dev.gazette.parse.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A hash of everything a page shows. Articles enter through their own fingerprints (source text
 * and resolved links), everything else through the page's record values; with the same templates
 * and config, the same fingerprint means the same bytes.
 */
final class PageFingerprints {

    private PageFingerprints() {
    }

    static String of(Page page, String siteHash) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        StringBuilder key = new StringBuilder(256).append(siteHash).append('|').append(page.kind()).append('|')
                .append(page.sitePath()).append('|').append(page.template()).append('|').append(page.title())
                .append('|').append(page.description()).append('|');
        List<Article> articles = List.of();
        if (page instanceof Page.ArticlePage p) {
            key.append(p.article().fingerprint());
            articles = p.related();
        } else if (page instanceof Page.ListPage p) {
            key.append(p.pagination()).append('|').append(p.category()).append('|').append(p.term()).append('|')
                    .append(p.period());
            articles = p.articles();
        } else {
            key.append(page);
        }
        digest.update(key.toString().getBytes(StandardCharsets.UTF_8));
        // Listed articles enter by the first 64 bits of their own fingerprints: a list page names
        // twenty of them, and hashing their hex in full was most of the cost of a rebuild's check.
        byte[] bits = new byte[Long.BYTES * articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            long head = head(articles.get(i));
            for (int b = 0; b < Long.BYTES; b++) {
                bits[i * Long.BYTES + b] = (byte) (head >>> (8 * b));
            }
        }
        return HexFormat.of().formatHex(digest.digest(bits));
    }

    /** The first 64 bits of an article's fingerprint: all a page's fingerprint takes of it. */
    static long head(Article article) {
        return Long.parseUnsignedLong(article.fingerprint(), 0, 16, 16);
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

    /** One digest per thread: pages are fingerprinted in parallel. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Hashes::digest);
}
