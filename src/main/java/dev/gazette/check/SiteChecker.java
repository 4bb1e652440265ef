package dev.gazette.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a built site as a reader's browser and a search engine would see it: every internal
 * link, image and script leads to a file of the output, every {@code #fragment} to an element,
 * ids are unique, and every page has a title and a canonical link.
 */
public final class SiteChecker {

    /** Served by static hosts at any missing URL, so it needs no canonical link or title rule. */
    private static final String NOT_FOUND_PAGE = "404.html";

    private SiteChecker() {
    }

    /**
     * Checks every {@code *.html} file under {@code outputDir}.
     *
     * @param outputDir the built site
     * @param baseUrl the absolute URL the site is published at, ending in "/"; its path is the
     *     base path that root-relative links start with
     * @return every problem found, sorted by page, link and message; empty when the site is fine
     */
    public static List<Problem> check(Path outputDir, String baseUrl) {
        return report(outputDir, baseUrl).problems();
    }

    /** Like {@link #check}, with the number of pages checked. */
    public static CheckReport report(Path outputDir, String baseUrl) {
        Set<String> files = files(outputDir);
        List<String> pages = files.stream().filter(f -> f.endsWith(".html")).toList();
        List<PageScan> scans = pages.parallelStream()
                .map(page -> PageScanner.scan(outputDir.resolve(page), page, LinkChecker.pageUrl(baseUrl, page)))
                .toList();
        LinkChecker checker = new LinkChecker(baseUrl, files,
                scans.stream().collect(Collectors.toMap(PageScan::page, PageScan::anchors)));
        List<Problem> problems = scans.parallelStream()
                .flatMap(scan -> problems(scan, checker).stream())
                .sorted()
                .toList();
        return new CheckReport(pages.size(), problems);
    }

    private static List<Problem> problems(PageScan scan, LinkChecker checker) {
        List<Problem> out = new ArrayList<>();
        String page = scan.page();
        for (String link : new TreeSet<>(scan.links())) {
            String message = checker.problem(page, scan.base(), link);
            if (message != null) {
                out.add(new Problem(page, link, message));
            }
        }
        new TreeMap<>(scan.duplicateIds()).forEach((id, count) ->
                out.add(new Problem(page, "id=\"" + id + "\"", "duplicate id, on " + count + " elements")));
        if (!page.equals(NOT_FOUND_PAGE)) {
            if (scan.title().isBlank()) {
                out.add(new Problem(page, "<title>", "missing or empty"));
            }
            if (scan.canonicals().isEmpty()) {
                out.add(new Problem(page, "<link rel=\"canonical\">", "missing"));
            } else if (scan.canonicals().size() > 1) {
                out.add(new Problem(page, "<link rel=\"canonical\">",
                        scan.canonicals().size() + " canonical links; keep one"));
            }
            for (String canonical : scan.canonicals()) {
                if (!isAbsoluteHttp(canonical)) {
                    out.add(new Problem(page, canonical.isBlank() ? "<link rel=\"canonical\">" : canonical,
                            "canonical link is not an absolute http(s) URL"));
                }
            }
        }
        return out;
    }

    private static boolean isAbsoluteHttp(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Every regular file of the output folder, relative with forward slashes, sorted. */
    private static Set<String> files(Path outputDir) {
        try (Stream<Path> walk = Files.walk(outputDir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> outputDir.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + outputDir, e);
        }
    }
}
