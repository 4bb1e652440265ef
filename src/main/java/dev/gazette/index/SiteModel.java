package dev.gazette.index;

import dev.gazette.config.SiteConfig;
import dev.gazette.parse.Article;
import java.util.List;

/**
 * The whole site, ready to render.
 *
 * @param articles published articles, newest first
 * @param categories categories in navigation order: declared ones first, then the rest by name
 * @param tags every tag, by name
 * @param authors every author, by name
 * @param pages every HTML page, in a stable order
 */
public record SiteModel(SiteConfig config, List<Article> articles, List<Category> categories, List<Term> tags,
        List<Term> authors, List<Page> pages) {
    public SiteModel {
        articles = List.copyOf(articles);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        pages = List.copyOf(pages);
    }
}
