package dev.gazette.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Parses one page with jsoup's HTML5 parser and collects its links, anchors, ids and head facts. */
final class PageScanner {

    /** Elements that carry one URL, and the attribute that holds it. */
    private static final Map<String, String> URL_ATTRIBUTES = Map.ofEntries(
            Map.entry("a", "href"),
            Map.entry("area", "href"),
            Map.entry("link", "href"),
            Map.entry("img", "src"),
            Map.entry("script", "src"),
            Map.entry("source", "src"),
            Map.entry("iframe", "src"),
            Map.entry("video", "src"),
            Map.entry("audio", "src"),
            Map.entry("track", "src"),
            Map.entry("embed", "src"));

    /** Open Graph properties whose content is a URL of the page or its image. */
    private static final Set<String> URL_PROPERTIES = Set.of("og:image", "og:url");

    private PageScanner() {
    }

    /**
     * @param file the HTML file
     * @param page its path relative to the output folder
     * @param pageUrl the absolute URL it is served at
     */
    static PageScan scan(Path file, String page, String pageUrl) {
        Document doc;
        try {
            doc = Jsoup.parse(file.toFile(), "UTF-8", pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Set<String> links = new HashSet<>();
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> idCounts = new HashMap<>();
        List<String> canonicals = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            String attribute = URL_ATTRIBUTES.get(tag);
            if (attribute != null && e.hasAttr(attribute)) {
                add(links, e.attr(attribute));
            }
            if ((tag.equals("img") || tag.equals("source")) && e.hasAttr("srcset")) {
                srcsetUrls(e.attr("srcset")).forEach(url -> add(links, url));
            }
            if (tag.equals("video") && e.hasAttr("poster")) {
                add(links, e.attr("poster"));
            }
            if (tag.equals("meta") && URL_PROPERTIES.contains(e.attr("property")) && e.hasAttr("content")) {
                add(links, e.attr("content"));
            }
            if (tag.equals("link") && relTokens(e).contains("canonical")) {
                canonicals.add(e.attr("href"));
            }
            String id = e.id();
            if (!id.isEmpty()) {
                anchors.add(id);
                idCounts.merge(id, 1, Integer::sum);
            }
            if (tag.equals("a") && !e.attr("name").isEmpty()) {
                anchors.add(e.attr("name"));
            }
        }
        Map<String, Integer> duplicates = new HashMap<>();
        idCounts.forEach((id, n) -> {
            if (n > 1) {
                duplicates.put(id, n);
            }
        });
        return new PageScan(page, doc.baseUri(), links, anchors, duplicates, doc.title(), canonicals);
    }

    /** Adds a URL without the spaces around it, which browsers ignore; an empty one links to the page itself. */
    private static void add(Set<String> links, String url) {
        String stripped = url.strip();
        if (!stripped.isEmpty()) {
            links.add(stripped);
        }
    }

    private static Set<String> relTokens(Element link) {
        Set<String> tokens = new HashSet<>();
        for (String token : link.attr("rel").toLowerCase(Locale.ROOT).split("[ \t\n\f\r]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /**
     * The URLs of a {@code srcset}: candidates are separated by commas, each a URL followed by an
     * optional width or density; a URL may itself contain commas, but not at its end.
     */
    static List<String> srcsetUrls(String srcset) {
        List<String> urls = new ArrayList<>();
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (isSpace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(srcset.charAt(i))) {
                i++;
            }
            String url = srcset.substring(start, i);
            boolean endsCandidate = url.endsWith(",");
            while (url.endsWith(",")) {
                url = url.substring(0, url.length() - 1);
            }
            if (!url.isEmpty()) {
                urls.add(url);
            }
            if (!endsCandidate) {
                // Skip the descriptor up to the next comma; a comma inside parentheses does not count.
                int depth = 0;
                while (i < n && (srcset.charAt(i) != ',' || depth > 0)) {
                    char c = srcset.charAt(i);
                    depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                    i++;
                }
            }
        }
        return urls;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
