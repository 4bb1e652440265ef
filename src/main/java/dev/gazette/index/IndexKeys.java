package dev.gazette.index;

import dev.gazette.cache.Hashes;
import dev.gazette.parse.Article;
import java.util.List;

/**
 * What the indexer reads of an article: its source, URL, date, category, tags and authors. With
 * the same config, articles with the same keys give the same pages, lists and "More news" picks,
 * whatever else about them changed.
 */
public final class IndexKeys {

    private IndexKeys() {
    }

    /** Whether two versions of an article sort, group and relate the same way. */
    public static boolean same(Article a, Article b) {
        return a.source().equals(b.source()) && a.url().equals(b.url()) && a.date().equals(b.date())
                && a.category().equals(b.category()) && a.categorySlug().equals(b.categorySlug())
                && a.tags().equals(b.tags()) && a.authors().equals(b.authors());
    }

    /**
     * A hash of every article's keys, in the given order: equal hashes (with the same config) mean
     * the same site model up to the articles' other fields.
     */
    public static String hash(List<Article> articles) {
        String hash = "";
        StringBuilder keys = new StringBuilder(1 << 16);
        for (Article a : articles) {
            Hashes.appendField(keys, a.source());
            Hashes.appendField(keys, a.url());
            keys.append(a.date().toEpochSecond()).append('.').append(a.date().getNano()).append('/')
                    .append(a.date().getOffset().getTotalSeconds()).append('/');
            Hashes.appendField(keys, a.date().getZone().getId());
            Hashes.appendField(keys, a.category());
            Hashes.appendField(keys, a.categorySlug());
            Hashes.appendField(keys, a.tags());
            Hashes.appendField(keys, a.authors());
            if (keys.length() > 60_000) {
                hash = Hashes.content(hash + keys);
                keys.setLength(0);
            }
        }
        return Hashes.content(hash + keys);
    }
}
