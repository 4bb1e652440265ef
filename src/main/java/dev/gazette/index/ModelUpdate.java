package dev.gazette.index;

import dev.gazette.parse.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Updates a site model for edited articles without indexing again, when no edit touches what the
 * index is made of. While a reporter writes, most saves change the body, the title or the summary:
 * the order of articles, the lists they are in and the "More news" picks stay as they were, so the
 * new articles simply take the old ones' places. Anything else (a new date, category, tag or
 * author, an added or removed article) needs a full index.
 */
final class ModelUpdate {

    private ModelUpdate() {
    }

    /**
     * The model for {@code articles}, made from {@code previous} by replacing articles in place;
     * null when some article changed in a way that moves it between lists or pages.
     */
    static SiteModel replacing(SiteModel previous, List<Article> articles) {
        if (articles.size() != previous.articles().size()) {
            return null;
        }
        Map<String, Article> before = new HashMap<>(previous.articles().size() * 2);
        for (Article article : previous.articles()) {
            before.put(article.source(), article);
        }
        Map<Article, Article> replaced = new IdentityHashMap<>();
        for (Article article : articles) {
            Article old = before.remove(article.source());
            if (old == null) {
                return null;
            }
            if (old != article) {
                if (!IndexKeys.same(old, article)) {
                    return null;
                }
                replaced.put(old, article);
            }
        }
        if (replaced.isEmpty()) {
            return previous;
        }
        List<Page> pages = new ArrayList<>(previous.pages().size());
        for (Page page : previous.pages()) {
            pages.add(replace(page, replaced));
        }
        return new SiteModel(previous.config(), replace(previous.articles(), replaced), previous.categories(),
                previous.tags(), previous.authors(), pages);
    }

    private static Page replace(Page page, Map<Article, Article> replaced) {
        if (page instanceof Page.ArticlePage p) {
            Article article = replaced.getOrDefault(p.article(), p.article());
            List<Article> related = replace(p.related(), replaced);
            return article == p.article() && related == p.related() ? page : new Page.ArticlePage(article, related);
        }
        if (page instanceof Page.ListPage p) {
            List<Article> list = replace(p.articles(), replaced);
            return list == p.articles() ? page : new Page.ListPage(p.kind(), p.sitePath(), p.template(), p.title(),
                    p.description(), list, p.pagination(), p.category(), p.term(), p.period());
        }
        // Category, term and archive overviews show names and counts only.
        return page;
    }

    /** The list with replaced articles swapped in; the same list when none is in it. */
    private static List<Article> replace(List<Article> list, Map<Article, Article> replaced) {
        List<Article> out = null;
        for (int i = 0; i < list.size(); i++) {
            Article now = replaced.get(list.get(i));
            if (now != null) {
                if (out == null) {
                    out = new ArrayList<>(list);
                }
                out.set(i, now);
            }
        }
        return out == null ? list : List.copyOf(Objects.requireNonNull(out));
    }
}
