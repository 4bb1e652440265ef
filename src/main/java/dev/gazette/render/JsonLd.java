package dev.gazette.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org JSON-LD for article pages. JSON inside {@code <script>} is not HTML-escaped by the
 * browser, so {@code <}, {@code >} and {@code &} are written as {@code \}{@code u003c}-style escapes: a
 * title containing {@code </script>} cannot end the element.
 */
final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private JsonLd() {
    }

    /** The parts of a NewsArticle that vary per article. */
    record NewsArticle(String headline, String description, String url, String image, String datePublished,
            String dateModified, List<Map<String, String>> authors, String section, List<String> keywords,
            String language, String publisherName, String publisherUrl) {
    }

    static String newsArticle(NewsArticle a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("headline", a.headline());
        if (!a.description().isEmpty()) {
            json.put("description", a.description());
        }
        // Ordered maps only: Map.of iterates in an order that changes from one JVM run to the next.
        Map<String, String> page = new LinkedHashMap<>();
        page.put("@type", "WebPage");
        page.put("@id", a.url());
        json.put("mainEntityOfPage", page);
        json.put("url", a.url());
        if (a.image() != null) {
            json.put("image", List.of(a.image()));
        }
        json.put("datePublished", a.datePublished());
        json.put("dateModified", a.dateModified());
        List<Map<String, String>> authors = new ArrayList<>();
        for (Map<String, String> author : a.authors()) {
            Map<String, String> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.putAll(author);
            authors.add(person);
        }
        if (!authors.isEmpty()) {
            json.put("author", authors);
        }
        Map<String, String> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", a.publisherName());
        publisher.put("url", a.publisherUrl());
        json.put("publisher", publisher);
        json.put("articleSection", a.section());
        if (!a.keywords().isEmpty()) {
            json.put("keywords", a.keywords());
        }
        json.put("inLanguage", a.language());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Line and paragraph separators end a JavaScript string in older parsers.
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
