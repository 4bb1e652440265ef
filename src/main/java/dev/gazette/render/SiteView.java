package dev.gazette.render;

import dev.gazette.index.Category;
import dev.gazette.index.TemplateReads;
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

    /** Every tag; asking for them is noted (see {@link TemplateReads}). */
    @Override
    public List<Term> tags() {
        TemplateReads.read(TemplateReads.TAG_LIST);
        return tags;
    }

    /** Every author; asking for them is noted (see {@link TemplateReads}). */
    @Override
    public List<Term> authors() {
        TemplateReads.read(TemplateReads.AUTHOR_LIST);
        return authors;
    }

    /**
     * The values as a page that made {@code reads} sees them: without counts unless it read one,
     * without the lists of tags and authors unless it read them.
     */
    SiteView seenWith(int reads) {
        boolean counts = (reads & TemplateReads.COUNTS) != 0;
        return new SiteView(title, description, language, baseUrl, basePath,
                counts ? categories : categories.stream().map(c -> new Category(c.name(), c.slug(), c.url(), 0))
                        .toList(),
                (reads & TemplateReads.TAG_LIST) == 0 ? List.of() : counts ? tags : withoutCounts(tags),
                (reads & TemplateReads.AUTHOR_LIST) == 0 ? List.of() : counts ? authors : withoutCounts(authors),
                version);
    }

    private static List<Term> withoutCounts(List<Term> terms) {
        return terms.stream().map(t -> new Term(t.name(), t.slug(), t.url(), 0)).toList();
    }
}
