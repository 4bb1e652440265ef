package dev.gazette.index;

/**
 * A category of the site.
 *
 * @param url root-relative link to its index, with the base path
 * @param count number of articles in it
 */
public record Category(String name, String slug, String url, int count) {

    /** The count, noted as read when a template asks (see {@link TemplateReads}). */
    @Override
    public int count() {
        TemplateReads.read(TemplateReads.COUNTS);
        return count;
    }

    /** As a record prints itself; printing shows the count, so it is noted as read too. */
    @Override
    public String toString() {
        TemplateReads.read(TemplateReads.COUNTS);
        return "Category[name=" + name + ", slug=" + slug + ", url=" + url + ", count=" + count + "]";
    }
}
