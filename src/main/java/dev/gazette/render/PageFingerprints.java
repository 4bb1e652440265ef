package dev.gazette.render;

import dev.gazette.index.Page;
import dev.gazette.parse.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash of everything a page shows. Articles enter through their own fingerprints (source text
 * and resolved links), everything else through the page's record values; with the same templates
 * and config, the same fingerprint means the same bytes.
 */
final class PageFingerprints {

    private PageFingerprints() {
    }

    static String of(Page page, String siteHash) {
        StringBuilder key = new StringBuilder(256).append(siteHash).append('|').append(page.kind()).append('|')
                .append(page.sitePath()).append('|').append(page.template()).append('|').append(page.title())
                .append('|').append(page.description()).append('|');
        if (page instanceof Page.ArticlePage p) {
            key.append(p.article().fingerprint());
            append(key, p.related());
        } else if (page instanceof Page.ListPage p) {
            key.append(p.pagination()).append('|').append(p.category()).append('|').append(p.term()).append('|')
                    .append(p.period());
            append(key, p.articles());
        } else {
            key.append(page);
        }
        return sha256(key.toString());
    }

    private static void append(StringBuilder key, List<Article> articles) {
        for (Article article : articles) {
            key.append('|').append(article.fingerprint());
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 in hex: the one hash of the render stage (pages, assets, templates). */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
