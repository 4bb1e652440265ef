package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.render.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caches a build leaves for the next are keyed by the Gazette that wrote them, down to when
 * it was compiled: one compiled again from changed sources keeps its version number, and must not
 * take the last build's parses and pages for its own.
 */
class CacheIdentityTest {

    @TempDir
    Path dir;

    @Test
    void knowsWhenThisGazetteWasCompiled() {
        assertThat(Version.build()).startsWith(Version.get() + "+").doesNotContain("${")
                .isNotEqualTo(Version.get() + "+dev").matches(".*\\+\\d{8}T\\d{6}\\.\\d{3}Z");
    }

    @Test
    void keysTheParseAndPageCachesByIt() throws IOException {
        FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Courier
                timezone: Asia/Tashkent
                -- content/2022/12/treaty.md --
                ---
                title: Treaty signed
                date: 2022-12-22 20:26
                category: Politics
                ---
                Body.
                """).buildOk();
        for (String cache : new String[] {"parse.bin", "render.bin"}) {
            String text = new String(Files.readAllBytes(dir.resolve(".gazette/cache").resolve(cache)),
                    StandardCharsets.ISO_8859_1);
            assertThat(text).as(cache).contains(Version.build());
        }
    }
}
