package dev.gazette.render;

import dev.gazette.index.Category;
import dev.gazette.index.Term;
import java.util.List;

/**
 * Site-wide values every template receives as {@code site}.
 *
 * @param baseUrl absolute URL of the site root, ending in "/"
 * @param basePath path part of baseUrl, "/" or e.g. "/news/"
 * @param categories categories in navigation order
 * @param tags every tag, by name
 * @param authors every author, by name
 */
public record SiteView(String title, String description, String language, String baseUrl, String basePath,
        List<Category> categories, List<Term> tags, List<Term> authors, String version) {
}
