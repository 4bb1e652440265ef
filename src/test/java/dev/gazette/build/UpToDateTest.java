package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.load.ContentLoader;
import dev.gazette.load.KnownSources;
import dev.gazette.load.TreeStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamp of the sources that lets a build with nothing to do stop at once. */
class UpToDateTest {

    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    /**
     * A file moved in (or out) keeps its old time, so a stamp could count it while a build that
     * listed the sources a moment before did not: only its folder's time tells, and it must make
     * the stamp untrusted.
     */
    @Test
    void aFileMovedInWithItsOldTimeMakesTheStampUntrusted() throws IOException {
        Path site = dir.resolve("news");
        write(site.resolve("content/2022/12/one.md"));
        write(site.resolve("templates/base.html"));
        write(site.resolve("gazette.yaml"));
        Path outside = write(dir.resolve("drafts/two.md"));
        age(dir);
        BuildOptions options = options(site);

        UpToDate.Stamp before = UpToDate.sources(options, "test");
        Files.move(outside, site.resolve("content/2022/12/two.md"));
        UpToDate.Stamp after = UpToDate.sources(options, "test");

        assertThat(before.racy()).isFalse();
        assertThat(Files.getLastModifiedTime(site.resolve("content/2022/12/two.md"))).isEqualTo(OLD);
        assertThat(after.hash()).isNotEqualTo(before.hash());
        assertThat(after.racy()).isTrue();
    }

    @Test
    void aFileMovedIntoContentItselfMakesTheStampUntrustedToo() throws IOException {
        Path site = dir.resolve("news");
        write(site.resolve("content/2022/one.md"));
        Path outside = write(dir.resolve("drafts/two.md"));
        age(dir);
        BuildOptions options = options(site);
        assertThat(UpToDate.sources(options, "test").racy()).isFalse();

        Files.move(outside, site.resolve("content/two.md"));

        assertThat(UpToDate.sources(options, "test").racy()).isTrue();
    }

    /**
     * A build without a manifest takes the stamp of content/ from its own listing: the next build
     * must find the same stamp by its own walk, or it could never skip. Hidden files are in
     * neither, as they are in no build.
     */
    @Test
    void aListingStampsContentAsTheCheckDoesAndHiddenFilesCountInNeither() throws IOException {
        Path site = dir.resolve("news");
        write(site.resolve("content/2022/12/one.md"));
        write(site.resolve("content/two.md"));
        write(site.resolve("content/images/logo.png"));
        Path hidden = write(site.resolve("content/2022/.notes/draft.md"));
        write(site.resolve("content/.todo.md"));
        write(site.resolve("templates/base.html"));
        write(site.resolve("gazette.yaml"));
        age(dir);
        BuildOptions options = options(site);

        Instant listedAt = Instant.now();
        UpToDate.Stamp fromListing = UpToDate.stamp(UpToDate.settings(options, "test"), listing(site), listedAt);
        UpToDate.Stamp checked = UpToDate.sources(options, "test");

        assertThat(fromListing).isEqualTo(checked);
        assertThat(checked.racy()).isFalse();

        Files.writeString(hidden, "---\ntitle: longer than before\n---\n");
        Files.writeString(site.resolve("content/.todo.md"), "---\ntitle: longer than before\n---\n");
        assertThat(UpToDate.sources(options, "test")).isEqualTo(checked);

        Files.writeString(site.resolve("content/two.md"), "---\ntitle: longer than before\n---\n");
        assertThat(UpToDate.sources(options, "test").hash()).isNotEqualTo(checked.hash());
    }

    /** A site without content/ yet: its listing and the check agree on that too. */
    @Test
    void aListingStampsAMissingContentFolderAsTheCheckDoes() throws IOException {
        Path site = dir.resolve("news");
        write(site.resolve("gazette.yaml"));
        age(dir);
        BuildOptions options = options(site);
        Instant listedAt = Instant.now();

        UpToDate.Stamp fromListing = UpToDate.stamp(UpToDate.settings(options, "test"), listing(site), listedAt);

        assertThat(fromListing).isEqualTo(UpToDate.sources(options, "test"));
    }

    /** A file moved in after the listing started is not in it: the stamp made from it is racy. */
    @Test
    void aFileMovedInAfterTheListingMakesItsStampUntrusted() throws IOException {
        Path site = dir.resolve("news");
        write(site.resolve("content/2022/12/one.md"));
        Path outside = write(dir.resolve("drafts/two.md"));
        age(dir);
        BuildOptions options = options(site);
        Instant listedAt = Instant.now();
        UpToDate.Settings settings = UpToDate.settings(options, "test");
        assertThat(UpToDate.stamp(settings, listing(site), listedAt).racy()).isFalse();

        Files.move(outside, site.resolve("content/2022/12/two.md"));

        assertThat(UpToDate.stamp(settings, listing(site), listedAt).racy()).isTrue();
    }

    private static BuildOptions options(Path site) {
        return new BuildOptions(site, site.resolve("site"), null, false);
    }

    /** What a build's listing of content/ stamps. */
    private static TreeStamp listing(Path site) {
        TreeStamp stamp = new TreeStamp();
        ContentLoader.list(site, KnownSources.none(), stamp);
        return stamp;
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "---\ntitle: " + file.getFileName() + "\n---\n");
    }

    /** Every file and folder under {@code root} two seconds old and more. */
    private static void age(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.toList();
        }
        for (Path path : all) {
            Files.setLastModifiedTime(path, OLD);
        }
    }
}
