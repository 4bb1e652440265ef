package dev.gazette.index;

import dev.gazette.parse.Article;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the "More news" block: articles of the same category first, then those sharing the most
 * tags, then the closest in time. Candidates come from a window around the article in each of its
 * lists (category, tags), so the cost per article stays constant however large the archive grows.
 */
final class RelatedArticles {

    static final int COUNT = 5;
    private static final int WINDOW = 24;

    private final Map<String, List<Article>> byCategory;
    private final Map<String, List<Article>> byTag;
    private final Comparator<Article> newestFirst;

    /**
     * @param byCategory articles of each category slug, newest first
     * @param byTag articles of each tag slug, newest first
     */
    RelatedArticles(Map<String, List<Article>> byCategory, Map<String, List<Article>> byTag,
            Comparator<Article> newestFirst) {
        this.byCategory = byCategory;
        this.byTag = byTag;
        this.newestFirst = newestFirst;
    }

    List<Article> of(Article article, List<String> tagSlugs) {
        // Identity, not record equality: equality would hash whole article bodies.
        Set<Article> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        addWindow(candidates, byCategory.get(article.categorySlug()), article);
        for (String tag : tagSlugs) {
            addWindow(candidates, byTag.get(tag), article);
        }
        candidates.remove(article);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<String> tags = new HashSet<>(tagSlugs);
        Map<Article, int[]> scores = new IdentityHashMap<>();
        for (Article candidate : candidates) {
            int shared = 0;
            for (String tag : SiteIndexer.tagSlugs(candidate)) {
                if (tags.contains(tag)) {
                    shared++;
                }
            }
            int sameCategory = candidate.categorySlug().equals(article.categorySlug()) ? 1 : 0;
            scores.put(candidate, new int[] {sameCategory, shared});
        }
        long when = article.date().toEpochSecond();
        List<Article> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.<Article>comparingInt(a -> -scores.get(a)[0])
                .thenComparingInt(a -> -scores.get(a)[1])
                .thenComparingLong(a -> Math.abs(a.date().toEpochSecond() - when))
                .thenComparing(newestFirst));
        return Collections.unmodifiableList(ranked.subList(0, Math.min(COUNT, ranked.size())));
    }

    private void addWindow(Set<Article> out, List<Article> list, Article article) {
        if (list == null) {
            return;
        }
        int at = Collections.binarySearch(list, article, newestFirst);
        if (at < 0) {
            at = -at - 1;
        }
        int from = Math.max(0, at - WINDOW);
        int to = Math.min(list.size(), at + WINDOW + 1);
        out.addAll(list.subList(from, to));
    }
}
