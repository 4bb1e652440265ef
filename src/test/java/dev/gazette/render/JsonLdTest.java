package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JsonLd writes its JSON field by field: the same text as a Jackson mapper writes for the same
 * values as ordered maps, with the same HTML-safe escapes, whichever optional fields there are.
 */
class JsonLdTest {

    private static final String[] TEXTS = {"Treaty signed in Tashkent", "Ўзбекистон ва Қозоғистон чегара",
        "</script><script>alert(1)</script> & \"quotes\" 'apostrophes'", "line\u2028separator\u2029paragraph",
        "tab\tnew\nline \u0000 \ud83d\ude00 \\ back"};

    @Test
    void writesWhatAMapperWritesForTheSameValues() throws Exception {
        int n = 0;
        for (String text : TEXTS) {
            for (int variant = 0; variant < 8; variant++) {
                boolean image = (variant & 1) != 0;
                boolean authors = (variant & 2) != 0;
                boolean keywords = (variant & 4) != 0;
                JsonLd.NewsArticle article = new JsonLd.NewsArticle(text, variant == 0 ? "" : text + " summary",
                        "https://example.org/2022/12/22/" + n + "/", image ? "https://example.org/i/" + text + ".jpg" : null,
                        "2022-12-22T20:26:00+05:00", "2022-12-23T09:00:00+05:00",
                        authors ? List.of(person(text), person("Dilnoza Yusupova")) : List.of(), text,
                        keywords ? List.of(text, "Politics") : List.of(), "uz-Cyrl", text, "https://example.org/");
                String written = JsonLd.newsArticle(article);
                assertThat(written).isEqualTo(asMapperWrites(article)).doesNotContain("</script>", "<", ">", "&");
                assertThat(new ObjectMapper().readTree(written).get("headline").asText()).isEqualTo(text);
                n++;
            }
        }
    }

    private static JsonLd.Person person(String name) {
        return new JsonLd.Person(name, "https://example.org/author/" + name.length() + "/");
    }

    /** The same values as ordered maps and lists, written by a mapper with JsonLd's escapes. */
    private static String asMapperWrites(JsonLd.NewsArticle a) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("headline", a.headline());
        if (!a.description().isEmpty()) {
            json.put("description", a.description());
        }
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
        for (JsonLd.Person author : a.authors()) {
            Map<String, String> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", author.name());
            person.put("url", author.url());
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
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(new JsonLd.HtmlSafeEscapes());
        return mapper.writeValueAsString(json);
    }
}
