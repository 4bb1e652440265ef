package dev.gazette.index;

import dev.gazette.parse.Article;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the "More news" block: articles of the same category first, then those sharing the most
 * tags, then the closest in time. Candidates come from a small window around the article in each
 * of its lists (its category, its tags), so the cost per article stays constant however large the
 * archive grows: a ten-year archive indexes as fast per article as a month's.
 */
final class RelatedArticles {

    static final int COUNT = 5;
    private static final int CATEGORY_WINDOW = 8;
    private static final int TAG_WINDOW = 4;

    private final Map<String, List<Article>> byCategory;
    private final Map<String, List<Article>> byTag;
    private final Map<Article, List<String>> tagSlugsOf;
    /** Each article's place in the site's newest-first order; every list is in that order too. */
    private final Map<Article, Integer> rank = new IdentityHashMap<>();
    private final long[] epochSeconds;
    private final Comparator<Article> newestFirst;

    /**
     * @param articles every article, newest first
     * @param byCategory articles of each category slug, newest first
     * @param byTag articles of each tag slug, newest first
     * @param tagSlugsOf each article's tag slugs
     */
    RelatedArticles(List<Article> articles, Map<String, List<Article>> byCategory, Map<String, List<Article>> byTag,
            Map<Article, List<String>> tagSlugsOf) {
        this.byCategory = byCategory;
        this.byTag = byTag;
        this.tagSlugsOf = tagSlugsOf;
        this.epochSeconds = new long[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            rank.put(articles.get(i), i);
            epochSeconds[i] = articles.get(i).date().toEpochSecond();
        }
        // Comparing ranks is comparing dates then URLs, without converting dates on every step.
        this.newestFirst = Comparator.comparingInt(rank::get);
    }

    /** A candidate with its rank: higher {@code key} first, then newest. */
    private record Candidate(Article article, long key) {
    }

    List<Article> of(Article article) {
        // Identity, not record equality: equality would compare whole article bodies.
        Set<Article> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(article);
        List<Article> pool = new ArrayList<>();
        addWindow(pool, seen, byCategory.get(article.categorySlug()), article, CATEGORY_WINDOW);
        List<String> tags = tagSlugsOf.get(article);
        for (String tag : tags) {
            addWindow(pool, seen, byTag.get(tag), article, TAG_WINDOW);
        }
        if (pool.isEmpty()) {
            return List.of();
        }
        long when = epochSeconds[rank.get(article)];
        List<Candidate> ranked = new ArrayList<>(pool.size());
        for (Article candidate : pool) {
            int shared = 0;
            for (String tag : tagSlugsOf.get(candidate)) {
                if (tags.contains(tag)) {
                    shared++;
                }
            }
            long sameCategory = candidate.categorySlug().equals(article.categorySlug()) ? 1 : 0;
            long distance = Math.min(Math.abs(epochSeconds[rank.get(candidate)] - when), (1L << 40) - 1);
            long key = (sameCategory << 60) | ((long) Math.min(shared, 255) << 48) | ((1L << 40) - 1 - distance);
            ranked.add(new Candidate(candidate, key));
        }
        ranked.sort(Comparator.comparingLong(Candidate::key).reversed()
                .thenComparing(Candidate::article, newestFirst));
        List<Article> out = new ArrayList<>(COUNT);
        for (int i = 0; i < Math.min(COUNT, ranked.size()); i++) {
            out.add(ranked.get(i).article());
        }
        return Collections.unmodifiableList(out);
    }

    private void addWindow(List<Article> pool, Set<Article> seen, List<Article> list, Article article, int window) {
        if (list == null) {
            return;
        }
        int at = Collections.binarySearch(list, article, newestFirst);
        if (at < 0) {
            at = -at - 1;
        }
        for (int i = Math.max(0, at - window); i < Math.min(list.size(), at + window + 1); i++) {
            Article candidate = list.get(i);
            if (seen.add(candidate)) {
                pool.add(candidate);
            }
        }
    }
}
