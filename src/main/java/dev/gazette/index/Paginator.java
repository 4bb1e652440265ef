package dev.gazette.index;

import dev.gazette.url.SiteUrls;
import java.util.ArrayList;
import java.util.List;

/** Splits a list into pages: page 1 at the list's own path, page n at {@code <path>page/n/}. */
final class Paginator {

    /** The articles of one page with its site path and pagination. */
    record Slice<T>(String sitePath, List<T> items, Pagination pagination) {
    }

    private Paginator() {
    }

    static <T> List<Slice<T>> paginate(List<T> items, int pageSize, String basePath, SiteUrls urls) {
        int total = Math.max(1, (items.size() + pageSize - 1) / pageSize);
        List<PageLink> all = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            all.add(new PageLink(n, urls.link(pagePath(basePath, n)), false));
        }
        List<Slice<T>> slices = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            List<PageLink> links = window(all, n);
            String prev = n > 1 ? all.get(n - 2).url() : null;
            String next = n < total ? all.get(n).url() : null;
            List<T> pageItems = items.subList(Math.min(items.size(), (n - 1) * pageSize),
                    Math.min(items.size(), n * pageSize));
            slices.add(new Slice<>(pagePath(basePath, n), pageItems, new Pagination(n, total, prev, next, links)));
        }
        return slices;
    }

    /**
     * The bar for page {@code n}: the first and last pages, two on each side of {@code n}, and gaps
     * between. Listing every page would make each of a large archive's pages grow with the archive;
     * so would looking at every page to pick them (the home page of 100,000 articles has 5,000).
     */
    static List<PageLink> window(List<PageLink> all, int n) {
        List<PageLink> links = new ArrayList<>(2 * WINDOW + 5);
        int last = 0;
        int total = all.size();
        int[] ranges = {1, 1, Math.max(1, n - WINDOW), Math.min(total, n + WINDOW), total, total};
        for (int range = 0; range < ranges.length; range += 2) {
            for (int k = Math.max(ranges[range], last + 1); k <= ranges[range + 1]; k++) {
                if (last != 0 && k > last + 1) {
                    links.add(PageLink.ellipsis());
                }
                PageLink link = all.get(k - 1);
                links.add(k == n ? new PageLink(k, link.url(), true) : link);
                last = k;
            }
        }
        return links;
    }

    private static final int WINDOW = 2;

    static String pagePath(String basePath, int n) {
        return n == 1 ? basePath : basePath + "page/" + n + "/";
    }
}
