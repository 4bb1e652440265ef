package dev.gazette.index;

import java.util.List;

/**
 * Where a page stands in its list.
 *
 * @param number 1-based page number
 * @param total number of pages (at least 1)
 * @param prevUrl link to the previous page, or null on the first
 * @param nextUrl link to the next page, or null on the last
 */
public record Pagination(int number, int total, String prevUrl, String nextUrl, List<PageLink> pages) {
    public Pagination {
        if (number < 1 || number > total) {
            throw new IllegalArgumentException("page " + number + " of " + total);
        }
        pages = List.copyOf(pages);
    }
}
