package dev.gazette.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Makes every link of the site. A "site path" starts with "/" and is relative to the site root
 * (e.g. {@code /2022/12/}); links inside pages are root-relative and carry the base path from
 * {@code baseUrl} ({@code /news/2022/12/}), so moving the site only needs a new {@code baseUrl}.
 * A site path ending in "/" is written as that folder's {@code index.html}.
 */
public record SiteUrls(String baseUrl, String basePath) {

    public SiteUrls {
        Objects.requireNonNull(baseUrl);
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("base path must start and end with /: " + basePath);
        }
    }

    public static SiteUrls of(String baseUrl) {
        return new SiteUrls(baseUrl, URI.create(baseUrl).getRawPath());
    }

    /** Root-relative link for a site path, e.g. {@code /2022/} -> {@code /news/2022/}. */
    public String link(String sitePath) {
        return basePath + encode(requireSitePath(sitePath).substring(1));
    }

    /** Absolute URL for a site path, for feeds, sitemaps and canonical links. */
    public String absolute(String sitePath) {
        return baseUrl + encode(requireSitePath(sitePath).substring(1));
    }

    /** The output file, relative to the output folder, that serves a site path. */
    public static String outputFile(String sitePath) {
        String relative = requireSitePath(sitePath).substring(1);
        return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    }

    /** Expands a permalink pattern such as {@code /:year/:month/:day/:slug/} into a site path. */
    public static String permalink(String pattern, ZonedDateTime date, String slug, String categorySlug) {
        // Hand-padded rather than String.format: once per article, it was a visible part of parsing.
        return pattern
                .replace(":year", pad(date.getYear(), 4))
                .replace(":month", pad(date.getMonthValue(), 2))
                .replace(":day", pad(date.getDayOfMonth(), 2))
                .replace(":slug", slug)
                .replace(":category", categorySlug);
    }

    /** Zero-padded like {@code %0Nd} (a negative number keeps its sign in front). */
    public static String pad(int value, int width) {
        String digits = Integer.toString(Math.abs(value));
        int room = width - digits.length() - (value < 0 ? 1 : 0);
        String zeros = room > 0 ? "0".repeat(room) : "";
        return (value < 0 ? "-" : "") + zeros + digits;
    }

    private static String requireSitePath(String sitePath) {
        if (!sitePath.startsWith("/")) {
            throw new IllegalArgumentException("site path must start with /: " + sitePath);
        }
        return sitePath;
    }

    /** Percent-encodes what is not allowed in a path (spaces, non-ASCII file names), keeping "/". */
    private static String encode(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && "/-._~".indexOf(c) < 0) {
                try {
                    return new URI(null, null, path, null).toASCIIString();
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("cannot encode path " + path, e);
                }
            }
        }
        return path;
    }
}
