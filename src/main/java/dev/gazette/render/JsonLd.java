package dev.gazette.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * schema.org JSON-LD for article pages. JSON inside {@code <script>} is not HTML-escaped by the
 * browser, so {@code <}, {@code >} and {@code &} are written as {@code \}{@code u003c}-style escapes: a
 * title containing {@code </script>} cannot end the element.
 */
final class JsonLd {

    /**
     * Written field by field rather than as maps through an ObjectMapper: a mapper finds a
     * serializer for each new type it meets by introspecting the type, 40 ms of a fresh JVM in the
     * middle of rendering for the list type of the first article with an image.
     */
    private static final JsonFactory JSON = new JsonFactory().setCharacterEscapes(new HtmlSafeEscapes());

    private JsonLd() {
    }

    /** The parts of a NewsArticle that vary per article. */
    record NewsArticle(String headline, String description, String url, String image, String datePublished,
            String dateModified, List<Person> authors, String section, List<String> keywords,
            String language, String publisherName, String publisherUrl) {
    }

    /** An author, with the absolute URL of their page. */
    record Person(String name, String url) {
    }

    static String newsArticle(NewsArticle a) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("@context", "https://schema.org");
            json.writeStringField("@type", "NewsArticle");
            json.writeStringField("headline", a.headline());
            if (!a.description().isEmpty()) {
                json.writeStringField("description", a.description());
            }
            json.writeObjectFieldStart("mainEntityOfPage");
            json.writeStringField("@type", "WebPage");
            json.writeStringField("@id", a.url());
            json.writeEndObject();
            json.writeStringField("url", a.url());
            if (a.image() != null) {
                json.writeArrayFieldStart("image");
                json.writeString(a.image());
                json.writeEndArray();
            }
            json.writeStringField("datePublished", a.datePublished());
            json.writeStringField("dateModified", a.dateModified());
            if (!a.authors().isEmpty()) {
                json.writeArrayFieldStart("author");
                for (Person author : a.authors()) {
                    json.writeStartObject();
                    json.writeStringField("@type", "Person");
                    json.writeStringField("name", author.name());
                    json.writeStringField("url", author.url());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeObjectFieldStart("publisher");
            json.writeStringField("@type", "Organization");
            json.writeStringField("name", a.publisherName());
            json.writeStringField("url", a.publisherUrl());
            json.writeEndObject();
            json.writeStringField("articleSection", a.section());
            if (!a.keywords().isEmpty()) {
                json.writeArrayFieldStart("keywords");
                for (String keyword : a.keywords()) {
                    json.writeString(keyword);
                }
                json.writeEndArray();
            }
            json.writeStringField("inLanguage", a.language());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static final class HtmlSafeEscapes extends CharacterEscapes {
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
