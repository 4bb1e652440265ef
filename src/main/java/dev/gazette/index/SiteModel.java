package dev.gazette.index;

import dev.gazette.config.SiteConfig;
import dev.gazette.parse.Article;
import java.util.List;

/**
 * The whole site, ready to render.
 *
 * @param articles published articles, newest first
 * @param categories categories in navigation order: declared ones first, then the rest by name
 * @param pages every HTML page, in a stable order
 */
public record SiteModel(SiteConfig config, List<Article> articles, List<Category> categories, List<Page> pages) {
    public SiteModel {
        articles = List.copyOf(articles);
        categories = List.copyOf(categories);
        pages = List.copyOf(pages);
    }
}
