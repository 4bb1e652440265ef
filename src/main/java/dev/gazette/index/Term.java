package dev.gazette.index;

/**
 * A tag or an author. Spellings that give the same slug ("Tashkent", "tashkent", "Ташкент")
 * are one term, shown with its most used spelling.
 *
 * @param url root-relative link to its page, with the base path
 * @param count number of articles with it
 */
public record Term(String name, String slug, String url, int count) {

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
        return "Term[name=" + name + ", slug=" + slug + ", url=" + url + ", count=" + count + "]";
    }
}
