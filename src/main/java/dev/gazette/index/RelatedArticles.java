package dev.gazette.index;

import dev.gazette.parse.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the "More news" block: articles of the same category first, then those sharing the most
 * tags, then the closest in time. Candidates come from a small window around the article in each
 * of its lists (its category, its tags), so the cost per article stays constant however large the
 * archive grows: a ten-year archive indexes as fast per article as a month's.
 *
 * <p>Articles are handled by their rank in the site's newest-first order and tags by number: this
 * runs once per article on every build, and comparing strings and objects made it the costliest
 * part of indexing a large archive.
 */
final class RelatedArticles {

    static final int COUNT = 5;
    private static final int CATEGORY_WINDOW = 8;
    private static final int TAG_WINDOW = 4;
    private static final long MAX_DISTANCE = (1L << 40) - 1;

    private final List<Article> articles;
    private final Map<Article, Integer> rank = new IdentityHashMap<>();
    private final long[] epochSeconds;
    private final int[] category;
    /** Each article's tags as numbers, in the order of its tag list (a repeated slug repeats). */
    private final int[][] tags;
    /** The ranks of each category's articles and of each tag's, ascending (newest first). */
    private final int[][] byCategory;
    private final int[][] byTag;

    /**
     * @param articles every article, newest first
     * @param byCategory articles of each category slug, newest first
     * @param byTag articles of each tag slug, newest first
     * @param tagSlugsOf each article's tag slugs
     */
    RelatedArticles(List<Article> articles, Map<String, List<Article>> byCategory, Map<String, List<Article>> byTag,
            Map<Article, List<String>> tagSlugsOf) {
        this.articles = articles;
        int n = articles.size();
        for (int i = 0; i < n; i++) {
            rank.put(articles.get(i), i);
        }
        this.epochSeconds = new long[n];
        this.category = new int[n];
        this.tags = new int[n][];
        Map<String, Integer> categoryIds = new HashMap<>();
        this.byCategory = ranks(byCategory, categoryIds);
        Map<String, Integer> tagIds = new HashMap<>();
        this.byTag = ranks(byTag, tagIds);
        for (int i = 0; i < n; i++) {
            Article article = articles.get(i);
            epochSeconds[i] = article.date().toEpochSecond();
            category[i] = categoryIds.getOrDefault(article.categorySlug(), -1);
            List<String> slugs = tagSlugsOf.get(article);
            tags[i] = new int[slugs.size()];
            for (int t = 0; t < slugs.size(); t++) {
                tags[i][t] = tagIds.getOrDefault(slugs.get(t), -1);
            }
        }
    }

    /** Numbers each key of {@code lists} and turns its articles into ranks. */
    private int[][] ranks(Map<String, List<Article>> lists, Map<String, Integer> ids) {
        int[][] out = new int[lists.size()][];
        for (Map.Entry<String, List<Article>> entry : lists.entrySet()) {
            int id = ids.size();
            ids.put(entry.getKey(), id);
            List<Article> list = entry.getValue();
            out[id] = new int[list.size()];
            for (int i = 0; i < list.size(); i++) {
                out[id][i] = rank.get(list.get(i));
            }
        }
        return out;
    }

    /** The related articles of the article at {@code self} in the newest-first order. */
    List<Article> of(int self) {
        // Candidates, each once, in the order first met; the article itself is never one.
        Pool pool = new Pool(self);
        if (category[self] >= 0) {
            pool.addWindow(byCategory[category[self]], CATEGORY_WINDOW);
        }
        for (int tag : tags[self]) {
            if (tag >= 0) {
                pool.addWindow(byTag[tag], TAG_WINDOW);
            }
        }
        int size = pool.size;
        if (size == 0) {
            return List.of();
        }
        long when = epochSeconds[self];
        long[] keys = new long[size];
        int[] ranks = pool.ranks;
        for (int i = 0; i < size; i++) {
            int candidate = ranks[i];
            int shared = 0;
            for (int tag : tags[candidate]) {
                if (tag >= 0 && contains(tags[self], tag)) {
                    shared++;
                }
            }
            long sameCategory = category[candidate] == category[self] ? 1 : 0;
            long distance = Math.min(Math.abs(epochSeconds[candidate] - when), MAX_DISTANCE);
            keys[i] = (sameCategory << 60) | ((long) Math.min(shared, 255) << 48) | (MAX_DISTANCE - distance);
        }
        // Highest key first, then newest (lowest rank): a selection of the best few.
        List<Article> out = new ArrayList<>(COUNT);
        for (int picked = 0; picked < Math.min(COUNT, size); picked++) {
            int best = picked;
            for (int i = picked + 1; i < size; i++) {
                if (keys[i] > keys[best] || keys[i] == keys[best] && ranks[i] < ranks[best]) {
                    best = i;
                }
            }
            swap(keys, ranks, picked, best);
            out.add(articles.get(ranks[picked]));
        }
        return Collections.unmodifiableList(out);
    }

    /** The candidates of one article, as ranks. */
    private static final class Pool {
        private final int self;
        int[] ranks = new int[32];
        int size;

        Pool(int self) {
            this.self = self;
        }

        /** Adds the ranks within {@code window} places of the article in {@code list} that are new. */
        void addWindow(int[] list, int window) {
            int at = Arrays.binarySearch(list, self);
            if (at < 0) {
                at = -at - 1;
            }
            for (int i = Math.max(0, at - window); i < Math.min(list.length, at + window + 1); i++) {
                int candidate = list[i];
                if (candidate != self && !contains(ranks, size, candidate)) {
                    if (size == ranks.length) {
                        ranks = Arrays.copyOf(ranks, size * 2);
                    }
                    ranks[size++] = candidate;
                }
            }
        }
    }

    private static boolean contains(int[] values, int value) {
        return contains(values, values.length, value);
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static void swap(long[] keys, int[] pool, int a, int b) {
        long key = keys[a];
        keys[a] = keys[b];
        keys[b] = key;
        int rank = pool[a];
        pool[a] = pool[b];
        pool[b] = rank;
    }
}
