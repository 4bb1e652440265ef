package dev.gazette.check;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether one link of a page works: resolves it the way a browser does, maps it to a file
 * of the output folder and looks up its fragment among the target page's anchors.
 */
final class LinkChecker {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    /** Characters browsers percent-encode in a URL but {@link URI} rejects. */
    private static final String TO_ESCAPE = " \"<>\\^`{|}";
    /** Where the preview server serves its live-reload script, at the host root; never part of the output. */
    private static final String PREVIEW_PATH = "/__gazette/";

    private final URI base;
    private final String basePath;
    private final Set<String> files;
    private final Map<String, Set<String>> anchorsByPage;

    /**
     * @param baseUrl the site's absolute base URL, ending in "/"
     * @param files every file of the output folder, relative with forward slashes
     * @param anchorsByPage the anchors of every HTML page, by the same relative path
     */
    LinkChecker(String baseUrl, Set<String> files, Map<String, Set<String>> anchorsByPage) {
        this.base = URI.create(baseUrl);
        this.basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        this.files = Set.copyOf(files);
        this.anchorsByPage = Map.copyOf(anchorsByPage);
    }

    /** The absolute URL a page is served at, e.g. {@code https://example.org/news/2022/index.html}. */
    static String pageUrl(String baseUrl, String page) {
        try {
            return URI.create(baseUrl).resolve(new URI(null, null, page, null).getRawPath()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a URL of " + page, e);
        }
    }

    /**
     * What is wrong with a link, or null when it works or leads off the site.
     *
     * @param page the page holding the link
     * @param pageBase the URL the page's relative links resolve against
     * @param raw the attribute value
     */
    String problem(String page, String pageBase, String raw) {
        String link = clean(raw);
        if (link.isEmpty()) {
            return null;
        }
        var scheme = SCHEME.matcher(link);
        boolean hasScheme = scheme.find();
        if (hasScheme) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("javascript")) {
                return "javascript: link";
            }
            if (!name.equals("http") && !name.equals("https")) {
                return null;
            }
        }
        int hash = link.indexOf('#');
        String fragment = hash < 0 ? null : link.substring(hash + 1);
        String address = hash < 0 ? link : link.substring(0, hash);
        URI target;
        try {
            URI from = new URI(escape(pageBase));
            // URI.resolve follows RFC 2396, where "" and "?q" lose the last segment; browsers keep the page.
            target = address.isEmpty() || address.startsWith("?") ? from : from.resolve(new URI(escape(address))).normalize();
        } catch (URISyntaxException e) {
            return "malformed URL";
        }
        if (!sameOrigin(target)) {
            return null;
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        if (path.startsWith(PREVIEW_PATH)) {
            return null;
        }
        if (path.equals(basePath.substring(0, basePath.length() - 1))) {
            path = basePath;
        }
        if (!path.startsWith(basePath)) {
            // A full URL to another part of the same host is someone else's page.
            return hasScheme || link.startsWith("//") ? null : "outside the base path " + basePath;
        }
        String rest = path.substring(basePath.length());
        String decoded = percentDecode(rest);
        if (decoded == null) {
            return "bad percent-encoding";
        }
        if (("/" + decoded + "/").contains("/../")) {
            return "above the site root";
        }
        String file = decoded.isEmpty() || decoded.endsWith("/") ? decoded + "index.html" : decoded;
        if (!files.contains(file) && files.contains(file + "/index.html")) {
            // Static hosts redirect a folder without its slash to the folder.
            file = file + "/index.html";
        }
        if (!files.contains(file)) {
            return (file.endsWith(".html") ? "no such page (" : "no such file (") + file + ")";
        }
        return fragmentProblem(page, file, fragment);
    }

    private String fragmentProblem(String page, String file, String fragment) {
        Set<String> anchors = anchorsByPage.get(file);
        // "#" and "#top" always work: browsers scroll to the top without a target.
        if (fragment == null || fragment.isEmpty() || fragment.equalsIgnoreCase("top") || anchors == null) {
            return null;
        }
        String decoded = percentDecode(fragment);
        if (anchors.contains(fragment) || (decoded != null && anchors.contains(decoded))) {
            return null;
        }
        String id = decoded != null ? decoded : fragment;
        return "no element with id \"" + id + "\"" + (file.equals(page) ? " on this page" : " in " + file);
    }

    private boolean sameOrigin(URI target) {
        return target.getScheme() != null && target.getScheme().equalsIgnoreCase(base.getScheme())
                && target.getHost() != null && target.getHost().equalsIgnoreCase(base.getHost())
                && port(target) == port(base);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Strips what browsers strip from a URL: surrounding spaces and controls, tabs and newlines inside. */
    private static String clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        return raw.substring(start, end).replaceAll("[\t\n\r]", "");
    }

    /** Percent-encodes what browsers would, so that {@link URI} accepts the link. */
    private static String escape(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean strayPercent = c == '%' && !(isHex(url, i + 1) && isHex(url, i + 2));
            if (TO_ESCAPE.indexOf(c) >= 0 || c < ' ' || c == 0x7f || strayPercent) {
                out.append(String.format(Locale.ROOT, "%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /** Decodes %XX sequences as UTF-8; null when they do not form valid UTF-8. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
