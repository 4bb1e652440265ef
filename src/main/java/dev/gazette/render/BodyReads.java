package dev.gazette.render;

import dev.gazette.index.Page;
import dev.gazette.parse.Article;
import java.util.List;

/**
 * Whether a page, while it rendered, printed the body of an article other than its own. One that
 * did not is the same for two versions of the articles it lists that differ only in their bodies:
 * its template never saw them. The preview keeps such pages (list pages, "More news" blocks) when
 * an edit changes nothing but a body, which is most edits.
 */
final class BodyReads {

    private static final ThreadLocal<BodyReads> CURRENT = new ThreadLocal<>();

    private final String ownSource;
    private final BodyReads outer;
    private boolean others;

    private BodyReads(String ownSource, BodyReads outer) {
        this.ownSource = ownSource;
        this.outer = outer;
    }

    /** Starts watching this thread's rendering of a page whose own article is {@code own} (or null). */
    static BodyReads begin(Article own) {
        BodyReads reads = new BodyReads(own == null ? null : own.source(), CURRENT.get());
        CURRENT.set(reads);
        return reads;
    }

    /** Stops watching; what was read counts for the rendering this one was nested in too. */
    void end() {
        if (outer != null && others) {
            outer.others = true;
        }
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** Whether the body of an article other than the page's own was printed. */
    boolean others() {
        return others;
    }

    /** A template asked for {@code article}'s body. */
    static void bodyOf(Article article) {
        BodyReads reads = CURRENT.get();
        if (reads != null && !article.source().equals(reads.ownSource)) {
            reads.others = true;
        }
    }

    /** Something rendered earlier that printed another article's body (a kept teaser) is reused. */
    static void otherBodies() {
        BodyReads reads = CURRENT.get();
        if (reads != null) {
            reads.others = true;
        }
    }

    /**
     * Whether {@code a} and {@code b} differ at most in the bodies of the articles they list: an
     * article page's own article must be equal, body included.
     */
    static boolean sameApartFromBodies(Page a, Page b) {
        if (a instanceof Page.ArticlePage x && b instanceof Page.ArticlePage y) {
            return x.article().equals(y.article()) && sameApartFromBodies(x.related(), y.related());
        }
        if (a instanceof Page.ListPage x && b instanceof Page.ListPage y) {
            return x.kind().equals(y.kind()) && x.sitePath().equals(y.sitePath()) && x.template().equals(y.template())
                    && x.title().equals(y.title()) && x.description().equals(y.description())
                    && x.pagination().equals(y.pagination()) && java.util.Objects.equals(x.category(), y.category())
                    && java.util.Objects.equals(x.term(), y.term()) && java.util.Objects.equals(x.period(), y.period())
                    && sameApartFromBodies(x.articles(), y.articles());
        }
        return a.equals(b);
    }

    private static boolean sameApartFromBodies(List<Article> a, List<Article> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameApartFromBody(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
