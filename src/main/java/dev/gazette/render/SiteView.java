package dev.gazette.render;

import dev.gazette.index.Category;
import dev.gazette.index.TemplateReads;
import dev.gazette.index.Term;
import java.util.List;
import java.util.Objects;

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

    /*
     * Equality and printing written out, as a record has them: a record makes its own at the first
     * call from method handles (and String.format to print), tens of milliseconds of a fresh JVM
     * when rendering starts. Fingerprints print the site; each render call compares it with the last.
     */

    @Override
    public boolean equals(Object other) {
        return other instanceof SiteView that && Objects.equals(title, that.title)
                && Objects.equals(description, that.description) && Objects.equals(language, that.language)
                && Objects.equals(baseUrl, that.baseUrl) && Objects.equals(basePath, that.basePath)
                && Objects.equals(categories, that.categories) && Objects.equals(tags, that.tags)
                && Objects.equals(authors, that.authors) && Objects.equals(version, that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, description, language, baseUrl, basePath, categories, tags, authors, version);
    }

    @Override
    public String toString() {
        return "SiteView[title=" + title + ", description=" + description + ", language=" + language + ", baseUrl="
                + baseUrl + ", basePath=" + basePath + ", categories=" + categories + ", tags=" + tags + ", authors="
                + authors + ", version=" + version + "]";
    }

    private static List<Term> withoutCounts(List<Term> terms) {
        return terms.stream().map(t -> new Term(t.name(), t.slug(), t.url(), 0)).toList();
    }
}
