package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.load.ContentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse cache on disk gives back exactly the articles that went in, or nothing. */
class ParseCacheTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- gazette.yaml --
            title: Courier
            timezone: Asia/Tashkent
            -- content/2022/12/treaty.md --
            ---
            title: "Treaty signed: \\"a new chapter\\""
            date: 2022-12-22 20:26
            updated: 2022-12-23T08:00:00+03:00
            category: Politics
            tags: [Tashkent, Договор, "O'zbekiston"]
            authors: [Staff Reporter]
            image: photo.svg
            imageAlt: A signing table
            lang: uz-Cyrl
            noindex: true
            rating: 5
            sources:
              - name: Ministry
                url: https://example.org/
              - ~
            ---
            Тело статьи with a [link](other.md) and a footnote.[^1]

            [^1]: The note.
            -- content/2022/12/other.md --
            ---
            title: Other
            date: 2022-12-20T09:00:00Z
            category: Economy
            author: [Staff Reporter]
            ---
            Short.
            -- content/2022/12/follow-up.md --
            ---
            title: After the treaty
            date: 2022-12-23 10:00
            category: Politics
            tags: [Договор, Tashkent]
            author: Staff Reporter
            imageAlt: A signing table
            lang: uz-Cyrl
            ---
            Values shared with the first article are written once in the file.
            -- content/2022/12/photo.svg --
            <svg xmlns="http://www.w3.org/2000/svg"/>
            -- content/2022/12/draft.md --
            ---
            title: Draft
            date: 2022-12-21 09:00
            category: Economy
            draft: true
            ---
            Not yet.
            """;

    @Test
    void savedEntriesReadBackEqual() {
        FixtureSite.write(dir, SITE);
        ParseCache cache = parsed("key-1");
        Path file = dir.resolve("cache/parse.bin");
        cache.save(file);

        ParseCache loaded = ParseCache.load(file, "key-1");
        assertThat(loaded.entries.keySet()).isEqualTo(cache.entries.keySet()).hasSize(4);
        for (Map.Entry<String, ParseCache.Entry> e : cache.entries.entrySet()) {
            ParseCache.Entry back = loaded.entries.get(e.getKey());
            assertThat(back).as(e.getKey()).isEqualTo(e.getValue());
            if (back.article() != null) {
                // Equal field by field, dates to the zone and offset, bodies to the byte.
                assertThat(back.article().date().getZone()).isEqualTo(e.getValue().article().date().getZone());
                assertThat(back.article().updated()).isEqualTo(e.getValue().article().updated());
                assertThat(back.article().bodyHtml()).isEqualTo(e.getValue().article().bodyHtml());
                assertThat(back.article().params()).isEqualTo(e.getValue().article().params());
            }
        }
        Article treaty = loaded.entries.get("content/2022/12/treaty.md").article();
        assertThat(treaty.bodyHtml()).contains("Тело статьи").contains("footnote");
        assertThat(treaty.params()).containsKey("sources");
        assertThat(loaded.entries.get("content/2022/12/draft.md").draft()).isTrue();
        Article followUp = loaded.entries.get("content/2022/12/follow-up.md").article();
        assertThat(followUp.tags()).containsExactly("Договор", "Tashkent");
        assertThat(followUp.category()).isEqualTo("Politics");
        assertThat(followUp.authors()).containsExactly("Staff Reporter");
        assertThat(followUp.source()).isEqualTo("content/2022/12/follow-up.md");
    }

    @Test
    void loadedPrivatelyTheBodiesOutliveTheirFileAndLeaveNothingBehind() throws IOException {
        // The preview holds its cache for hours while builds replace the body file, and keeps the
        // bodies in a file of its own rather than in memory.
        FixtureSite.write(dir, SITE);
        ParseCache cache = parsed("key-1");
        Path file = dir.resolve("cache/parse.bin");
        cache.save(file);
        Path own = dir.resolve("own");
        ParseCache loaded = ParseCache.loadPrivately(file, "key-1", own);
        Files.write(dir.resolve("cache/parse.bin.bodies"), new byte[] {1, 2, 3});

        assertThat(loaded.entries.keySet()).isEqualTo(cache.entries.keySet());
        for (Map.Entry<String, ParseCache.Entry> e : cache.entries.entrySet()) {
            if (e.getValue().article() != null) {
                Body body = loaded.entries.get(e.getKey()).article().body();
                assertThat(body.isIn(loaded.fresh)).as(e.getKey() + " on disk").isTrue();
                assertThat(body.html()).as(e.getKey()).isEqualTo(e.getValue().article().bodyHtml());
            }
        }
        try (java.util.stream.Stream<Path> files = Files.list(own)) {
            assertThat(files).as("the own body file is open but has no name").isEmpty();
        }
        loaded.close();
        assertThat(ParseCache.loadPrivately(file, "key-1", own).entries).isEmpty();
    }

    @Test
    void anotherKeyOrAMismatchedBodyFileGivesAnEmptyCache() throws IOException {
        FixtureSite.write(dir, SITE);
        Path file = dir.resolve("cache/parse.bin");
        parsed("key-1").save(file);
        assertThat(ParseCache.load(file, "key-2").entries).isEmpty();

        // A crash between the two renames of a save leaves entries and bodies of different saves.
        Path bodies = dir.resolve("cache/parse.bin.bodies");
        byte[] firstBodies = Files.readAllBytes(bodies);
        parsed("key-1").save(file);
        Files.write(bodies, firstBodies);
        assertThat(ParseCache.load(file, "key-1").entries).isEmpty();

        Files.writeString(file, "garbage");
        assertThat(ParseCache.load(file, "key-1").entries).isEmpty();
    }

    private ParseCache parsed(String key) {
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(dir, null, diagnostics);
        ParseCache cache = new ParseCache(key);
        List<Article> articles = new ArticleParser(config, false, cache).parse(ContentLoader.load(dir, diagnostics),
                diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(articles).hasSize(3);
        return cache;
    }
}
