package dev.gazette.index;

import dev.gazette.parse.Article;

/**
 * What a page's templates read, while it renders, that its own record does not show: the body of
 * an article other than its own, a site-wide count (articles in a category, tag or author), the
 * site's lists of tags and authors, an article's tags and authors (names the whole site decides).
 * A page is the same for any two versions of the site that differ only in what it did not read,
 * so an edit that changes only a body, or an added article that changes only counts and lists,
 * leaves most pages alone. Kept per thread: pages render in parallel, each on one thread.
 */
public final class TemplateReads {

    /** Read the body of an article other than the page's own. */
    public static final int OTHER_BODIES = 1;
    /** Read a site-wide count. */
    public static final int COUNTS = 2;
    /** Read the site's list of tags. */
    public static final int TAG_LIST = 4;
    /** Read the site's list of authors. */
    public static final int AUTHOR_LIST = 8;
    /** Read an article's tags or authors (their names and links), or its JSON-LD, which has them. */
    public static final int ARTICLE_TERMS = 16;
    /** Everything: what a page whose reads are unknown is taken to depend on. */
    public static final int ALL = OTHER_BODIES | COUNTS | TAG_LIST | AUTHOR_LIST | ARTICLE_TERMS;

    private static final ThreadLocal<TemplateReads> CURRENT = new ThreadLocal<>();

    private final String ownSource;
    private final TemplateReads outer;
    private int reads;

    private TemplateReads(String ownSource, TemplateReads outer) {
        this.ownSource = ownSource;
        this.outer = outer;
    }

    /** Starts watching this thread's rendering of a page whose own article is {@code own} (or null). */
    public static TemplateReads begin(Article own) {
        TemplateReads reads = new TemplateReads(own == null ? null : own.source(), CURRENT.get());
        CURRENT.set(reads);
        return reads;
    }

    /** Stops watching; what was read counts for the rendering this one was nested in too. */
    public void end() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            outer.reads |= reads;
            CURRENT.set(outer);
        }
    }

    /** What was read: a combination of the constants above. */
    public int reads() {
        return reads;
    }

    /** A template asked for {@code article}'s body. */
    public static void bodyOf(Article article) {
        TemplateReads current = CURRENT.get();
        if (current != null && !article.source().equals(current.ownSource)) {
            current.reads |= OTHER_BODIES;
        }
    }

    /**
     * A template asked for {@code what} (a combination of the constants above), or something
     * rendered earlier with those reads (a kept teaser) is used again.
     */
    public static void read(int what) {
        TemplateReads current = CURRENT.get();
        if (current != null) {
            current.reads |= what;
        }
    }
}
