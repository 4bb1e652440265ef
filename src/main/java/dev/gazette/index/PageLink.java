package dev.gazette.index;

/**
 * One entry of a pagination bar: a numbered page with its root-relative link, or a gap ("…")
 * standing for the pages left out between two entries.
 *
 * @param number the page number, or 0 for a gap
 * @param url the page's link, or null for a gap
 */
public record PageLink(int number, String url, boolean current) {

    static PageLink ellipsis() {
        return new PageLink(0, null, false);
    }

    /** Whether this entry stands for left-out pages rather than a page. */
    public boolean gap() {
        return number == 0;
    }
}
