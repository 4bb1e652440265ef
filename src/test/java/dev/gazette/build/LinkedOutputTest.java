package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder that is a symbolic link (to a web root, say) stays a link, and the folder it
 * leads to gets the site: a new site is not swapped in for it, which would replace the link and
 * never update that folder. Each changed file is replaced there, and a failed build changes nothing.
 */
class LinkedOutputTest {

    private static final String NOW = "2022-12-23T12:00:00+05:00";

    @TempDir
    Path dir;

    private FixtureSite site() {
        StringBuilder spec = new StringBuilder("-- gazette.yaml --\ntitle: Courier\ntimezone: Asia/Tashkent\npageSize: 2\n");
        for (int i = 1; i <= 5; i++) {
            spec.append("-- content/2022/12/story-").append(i).append(".md --\n---\ntitle: Story ").append(i)
                    .append("\ndate: 2022-12-1").append(i).append(" 10:00\ncategory: Politics\n---\nLead of story ")
                    .append(i).append(".\n");
        }
        return FixtureSite.write(dir.resolve("news"), spec.toString());
    }

    @Test
    void aLinkedOutputFolderStaysALinkAndGetsTheSite() throws IOException {
        FixtureSite site = site();
        Path webRoot = Files.createDirectories(dir.resolve("www/news"));
        Files.writeString(webRoot.resolve("index.html"), "<!DOCTYPE html><title>An older build</title>\n");
        Files.createDirectories(webRoot.resolve("2021/01/01/gone"));
        Files.writeString(webRoot.resolve("2021/01/01/gone/index.html"), "<!DOCTYPE html><title>Gone</title>\n");
        Files.createSymbolicLink(site.output(), webRoot);

        site.buildOk("--now", NOW);
        assertThat(site.output()).isSymbolicLink();
        assertSameAsColdBuild(site, webRoot);

        site.file("content/2022/12/story-2.md", FixtureSite.article(
                "title: Story two\ndate: 2022-12-12 10:00\ncategory: Politics", "Lead of story 2.\n"));
        site.buildOk("--now", NOW);
        assertThat(site.output()).isSymbolicLink();
        assertThat(Files.readString(webRoot.resolve("2022/12/12/story-2/index.html"))).contains("Story two");
        assertSameAsColdBuild(site, webRoot);

        // A template change renders every page again, as a cold build does.
        site.file("templates/partials/teaser.html", "<div class=\"teaser\">{{ a.title }} (teaser)</div>\n");
        site.buildOk("--now", NOW);
        assertThat(site.output()).isSymbolicLink();
        assertThat(Files.readString(webRoot.resolve("page/2/index.html"))).contains("Story two (teaser)");
        assertSameAsColdBuild(site, webRoot);
        assertThat(dir.resolve("news")).isDirectoryNotContaining("glob:**/.site.*");
    }

    @Test
    void aFailedBuildLeavesTheLinkedFolderAsItWas() throws IOException {
        FixtureSite site = site();
        Path webRoot = Files.createDirectories(dir.resolve("www/news"));
        Files.createSymbolicLink(site.output(), webRoot);
        site.buildOk("--now", NOW);
        Map<String, byte[]> before = FixtureSite.tree(webRoot);

        site.file("templates/partials/teaser.html", "<div class=\"teaser\">{{ a.headline }}</div>\n");
        assertThat(site.build("--now", NOW).exitCode()).isEqualTo(1);

        assertThat(site.output()).isSymbolicLink();
        Map<String, byte[]> after = FixtureSite.tree(webRoot);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        assertThat(dir.resolve("news")).isDirectoryNotContaining("glob:**/.site.*");
    }

    /** The same sources built cold, without a cache, into a plain folder give the same tree. */
    private void assertSameAsColdBuild(FixtureSite site, Path webRoot) throws IOException {
        Path cold = dir.resolve("cold");
        deleteIfThere(cold);
        Path cache = site.root().resolve(".gazette");
        Path aside = dir.resolve("cache-aside");
        deleteIfThere(aside);
        if (Files.exists(cache)) {
            Files.move(cache, aside);
        }
        try {
            site.buildOk("--now", NOW, "--output", cold.toString());
        } finally {
            deleteIfThere(cache);
            if (Files.exists(aside)) {
                Files.move(aside, cache);
            }
        }
        Map<String, byte[]> expected = FixtureSite.tree(cold);
        Map<String, byte[]> actual = FixtureSite.tree(webRoot);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
    }

    private static void deleteIfThere(Path path) {
        if (Files.exists(path)) {
            FixtureSite.deleteTree(path);
        }
    }
}
