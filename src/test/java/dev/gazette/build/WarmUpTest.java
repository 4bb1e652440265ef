package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build daemon's warm-up builds a copy of the site: the site itself must not change at all. */
class WarmUpTest {

    @TempDir
    Path dir;

    private FixtureSite site() {
        StringBuilder spec = new StringBuilder("-- gazette.yaml --\ntitle: Courier\ntimezone: Asia/Tashkent\n");
        spec.append("-- templates/partials/footer.peb --\n<footer>Our own footer</footer>\n");
        for (int i = 1; i <= 12; i++) {
            spec.append("-- content/2022/12/story-").append(i).append(".md --\n")
                    .append("---\ntitle: Story ").append(i).append("\ndate: 2022-12-").append(10 + i)
                    .append(" 10:00\ncategory: Politics\n---\nBody of story ").append(i).append(".\n");
        }
        return FixtureSite.write(dir, spec.toString()).buildOk();
    }

    /** Every file under {@code dir} with its size and time, and every folder. */
    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "folder"
                        : Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Test
    void theWarmUpBuildsASampleCopyAndLeavesTheSiteAsItWas() {
        FixtureSite site = site();
        Map<String, String> before = snapshot(site.root());

        int builds = WarmUp.run(site.root(), 5, 4, () -> false);

        assertThat(builds).as("the cold build and four edit builds of the copy").isEqualTo(5);
        assertThat(snapshot(site.root())).containsExactlyEntriesOf(before);
        assertThat(site.root().resolve(WarmUp.DIR)).doesNotExist();
    }

    @Test
    void theWarmUpsEditsAfterTheFirstRunInAKeptSessionAsTheDaemonsDo() throws IOException {
        // The copy keeps the times of config and templates: aged here, they are trusted there.
        FixtureSite site = site();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.startsWith(dir.resolve("content"))).toList()) {
                Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(0));
            }
        }
        KeptBuilds kept = new KeptBuilds();

        assertThat(WarmUp.run(site.root(), 5, 4, () -> false, kept)).isEqualTo(5);

        // The cold build rewrites the parse cache and the first edit makes a session to keep.
        assertThat(kept.keptRuns()).isEqualTo(3);
    }

    @Test
    void thePreviewsWarmUpRebuildsACopyInOneSessionAndLeavesTheSiteAsItWas() {
        FixtureSite site = site();
        Map<String, String> before = snapshot(site.root());

        int builds = WarmUp.runPreview(site.root(), 5, 4, () -> false);

        assertThat(builds).as("the first build and four rebuilds of the copy").isEqualTo(5);
        assertThat(snapshot(site.root())).containsExactlyEntriesOf(before);
        assertThat(site.root().resolve(WarmUp.PREVIEW_DIR)).doesNotExist();
    }

    @Test
    void theWarmUpStopsWhenAsked() {
        FixtureSite site = site();
        AtomicInteger checks = new AtomicInteger();

        int builds = WarmUp.run(site.root(), 5, 10, () -> checks.incrementAndGet() > 2);

        assertThat(builds).isEqualTo(3);
        assertThat(site.root().resolve(WarmUp.DIR)).doesNotExist();
    }
}
