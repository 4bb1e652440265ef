package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The build daemon's builds, which keep their session from one run to the next: every case of
 * {@link IncrementalBuildTest} again through one {@link KeptBuilds}, and the cases where the kept
 * session must be used, and where it must not.
 */
class KeptBuildsTest extends IncrementalBuildTest {

    private static final String NOW = "2022-12-23T12:00:00+05:00";

    private final KeptBuilds kept = new KeptBuilds();

    @Override
    SiteBuild.Runner builds() {
        return kept::run;
    }

    @AfterEach
    void closeSession() {
        kept.close();
    }

    @Test
    void editsNewArticlesDeletionsAndFilesAreBuiltInTheKeptSession() throws IOException {
        FixtureSite site = siteWithKeptSession();
        assertThat(kept.keptRuns()).isZero();

        site.file("content/2022/12/story-5.md", FixtureSite.article(
                "title: Story 5 rewritten\ndate: 2022-12-15 10:00\ncategory: Economy\ntags: [Tashkent, tag2]",
                "A new body for story 5."));
        site.buildOk("--now", NOW);
        assertThat(kept.keptRuns()).isEqualTo(1);
        assertThat(site.page("/2022/12/15/story-5/").select("article").text()).contains("A new body for story 5.");

        site.file("content/2022/12/map.svg", "<svg>1</svg>");
        site.buildOk("--now", NOW);
        site.file("content/2022/12/map.svg", "<svg>2</svg>");
        site.buildOk("--now", NOW);
        assertThat(Files.readString(site.output().resolve("2022/12/map.svg"))).isEqualTo("<svg>2</svg>");

        site.file("content/2022/12/story-12.md", FixtureSite.article(
                "title: Story twelve\ndate: 2022-12-22 08:00\ncategory: Culture\ntags: [Bukhara]",
                "New, and in a new section."));
        Files.delete(dir.resolve("content/2022/12/story-8.md"));
        site.file("content/2022/12/story-3.md", FixtureSite.article(
                "title: Story 3\ndate: 2022-12-01 10:00\ncategory: Politics\ntags: [Tashkent]", "Moved to another day."));
        site.buildOk("--now", NOW);
        assertThat(kept.keptRuns()).isEqualTo(4);
        assertThat(site.exists("/category/culture/")).isTrue();
        assertThat(site.exists("/2022/12/18/story-8/")).isFalse();

        // Aged sources count as changed once; after that, a run with nothing changed does nothing.
        ageContent();
        assertThat(site.build("--now", NOW).out()).contains("(0 written");
        FixtureSite.Run again = site.build("--now", NOW, "--timings");
        assertThat(again.out()).contains("(0 written").contains("check").doesNotContain("render");
        assertThat(kept.keptRuns()).isEqualTo(6);

        assertSameAsColdBuild(site, FixtureSite.tree(site.output()));
    }

    @Test
    void afterAnotherBuildOfTheSiteTheKeptSessionIsNotTrusted() throws IOException {
        // Story 2 is changed and built without the daemon, then changed back: the kept session
        // knows the pages of its first text, but the output folder holds those of the second.
        FixtureSite site = siteWithKeptSession();
        Path story = dir.resolve("content/2022/12/story-2.md");
        String first = Files.readString(story);
        site.file("content/2022/12/story-2.md", FixtureSite.article(
                "title: Story 2 by another build\ndate: 2022-12-12 10:00\ncategory: Politics", "Built without the daemon."));
        BuildOptions options = new BuildOptions(dir, site.output(), null, false, OffsetDateTime.parse(NOW).toInstant());
        assertThat(SiteBuild.run(options).ok()).isTrue();

        Files.writeString(story, first);
        site.buildOk("--now", NOW);
        assertThat(site.page("/2022/12/12/story-2/").title()).startsWith("Story 2 —");
        assertThat(kept.keptRuns()).isZero();
        assertSameAsColdBuild(site, FixtureSite.tree(site.output()));
    }

    @Test
    void aFailedBuildFailsAgainUntilFixed() throws IOException {
        FixtureSite site = siteWithKeptSession();
        // Old enough to be trusted by its size and time: only the failure makes the next run build again.
        site.file("content/2022/12/story-5.md", "---\ntitle: [broken\n---\nBody.\n");
        Files.setLastModifiedTime(dir.resolve("content/2022/12/story-5.md"), FileTime.from(Instant.parse("2020-01-02T00:00:00Z")));
        FixtureSite.Run failed = site.build("--now", NOW);
        assertThat(failed.exitCode()).isEqualTo(1);
        String problem = failed.err().lines().filter(line -> line.startsWith("content/2022/12/story-5.md:"))
                .findFirst().orElseThrow();
        FixtureSite.Run again = site.build("--now", NOW);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains(problem);

        site.file("content/2022/12/story-5.md", FixtureSite.article(
                "title: Story 5\ndate: 2022-12-15 10:00\ncategory: Economy\ntags: [Tashkent, tag2]", "Fixed."));
        site.buildOk("--now", NOW);
        assertThat(kept.keptRuns()).isEqualTo(3);
        assertSameAsColdBuild(site, FixtureSite.tree(site.output()));
    }

    @Test
    void anEditOfTheSameSizeAndTimeAsTheLastIsNotMissed() throws IOException {
        FixtureSite site = siteWithKeptSession();
        Path story = dir.resolve("content/2022/12/story-3.md");
        String text = Files.readString(story);
        Files.writeString(story, text.replace("Body of story 3", "Body of story Y"));
        site.buildOk("--now", NOW);
        FileTime time = Files.getLastModifiedTime(story);
        Files.writeString(story, text.replace("Body of story 3", "Body of story Z"));
        Files.setLastModifiedTime(story, time);
        site.buildOk("--now", NOW);
        assertThat(site.page("/2022/12/13/story-3/").select("article").text()).contains("Body of story Z");
        assertThat(kept.keptRuns()).isEqualTo(2);
    }

    @Test
    void aSessionWhoseBuildRewroteTheParseCacheIsNotKept() throws IOException {
        // Over 64 parses changed: the build rewrites the parse cache, replacing the body file the
        // session's parses point into. Kept, the session would hold that file open, unnamed; the
        // next run starts a session from the new cache instead.
        FixtureSite site = siteWithKeptSession();
        editStory(site, 2, "second");
        site.buildOk("--now", NOW);
        assertThat(kept.keptRuns()).isEqualTo(1);

        addArticles(site, "first");
        site.buildOk("--now", NOW);
        assertThat(kept.keptRuns()).isEqualTo(2);
        assertThat(heldDeletedBodyFiles()).isZero();
        editStory(site, 3, "third");
        site.buildOk("--now", NOW);
        editStory(site, 4, "fourth");
        site.buildOk("--now", NOW);
        assertThat(kept.keptRuns()).isEqualTo(3);

        kept.close();
        try (Stream<Path> files = Files.list(dir.resolve(".gazette/cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
        assertSameAsColdBuild(site, FixtureSite.tree(site.output()));
    }

    @Test
    void aParseCacheRewrittenByAnotherBuildEndsTheSession() throws IOException {
        // A build without the daemon that fails writes no output, but saves the parses it made.
        FixtureSite site = siteWithKeptSession();
        addArticles(site, "first");
        site.file("content/2022/11/broken.md", "---\ntitle: [broken\n---\nBody.\n");
        BuildOptions options = new BuildOptions(dir, site.output(), null, false, OffsetDateTime.parse(NOW).toInstant());
        assertThat(SiteBuild.run(options).ok()).isFalse();

        Files.delete(dir.resolve("content/2022/11/broken.md"));
        site.buildOk("--now", NOW);
        assertThat(heldDeletedBodyFiles()).isZero();
        assertThat(kept.keptRuns()).isZero();
        assertSameAsColdBuild(site, FixtureSite.tree(site.output()));
    }

    @Test
    void theDaemonPreparesTheSessionOfTheFirstBuildWithoutWritingThePages() throws IOException {
        FixtureSite site = site();
        ageSources();
        BuildOptions options = new BuildOptions(dir, site.output(), null, false, OffsetDateTime.parse(NOW).toInstant());
        assertThat(SiteBuild.run(options).ok()).isTrue();
        Path story = site.outputFile("/2022/12/15/story-5/");
        Files.setLastModifiedTime(story, FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));
        assertThat(SiteBuild.run(options).ok()).isTrue(); // records the output as it is now
        FileTime written = Files.getLastModifiedTime(story);
        KeptBuilds daemon = new KeptBuilds(options);
        try {
            daemon.prepare();
            assertThat(Files.getLastModifiedTime(story)).isEqualTo(written);

            editStory(site, 5, "first");
            assertThat(daemon.run(options, () -> { }).ok()).isTrue();
            assertThat(daemon.keptRuns()).isEqualTo(1);
            assertThat(site.page("/2022/12/15/story-5/").select("article").text()).contains("The first edit of story 5.");
        } finally {
            daemon.close();
        }
        assertSameAsColdBuild(site, FixtureSite.tree(site.output()));
    }

    @Test
    void aSessionMadeForTheSiteByOneNameServesRunsThatNameItAnother() throws IOException {
        // The daemon names the site by the path it was started with, a client by its own.
        FixtureSite site = site();
        ageSources();
        Instant now = OffsetDateTime.parse(NOW).toInstant();
        Path relative = Path.of("").toAbsolutePath().relativize(dir);
        BuildOptions absolute = new BuildOptions(dir, site.output(), null, false, now);
        BuildOptions named = new BuildOptions(relative, relative.resolve("site"), null, false, now);
        assertThat(SiteBuild.run(absolute).ok()).isTrue();
        KeptBuilds daemon = new KeptBuilds(absolute);
        try {
            daemon.prepare();
            editStory(site, 5, "first");
            assertThat(daemon.run(named, () -> { }).ok()).isTrue();
            assertThat(daemon.keptRuns()).isEqualTo(1);
            assertThat(daemon.lastChanged()).isEqualTo(1);
            assertThat(site.page("/2022/12/15/story-5/").select("article").text()).contains("The first edit of story 5.");
        } finally {
            daemon.close();
        }
    }

    @Test
    void noSessionIsPreparedForALargerSiteThanItsLimit() throws IOException {
        FixtureSite site = site();
        ageSources();
        BuildOptions options = new BuildOptions(dir, site.output(), null, false, OffsetDateTime.parse(NOW).toInstant());
        assertThat(SiteBuild.run(options).ok()).isTrue();
        int files = FixtureSite.tree(site.output()).size();
        for (int limit : new int[] {files - 1, files}) {
            ageContent();
            assertThat(SiteBuild.run(options).ok()).isTrue(); // the site as the last build left it
            KeptBuilds daemon = new KeptBuilds(options, limit);
            try {
                daemon.prepare();
                editStory(site, 5, "limit " + limit);
                assertThat(daemon.run(options, () -> { }).ok()).isTrue();
                assertThat(daemon.keptRuns()).as("limit %d for %d files", limit, files).isEqualTo(limit < files ? 0 : 1);
            } finally {
                daemon.close();
            }
        }
    }

    @Test
    void noSessionIsPreparedForSourcesChangedSinceTheLastBuild() throws IOException {
        // Such a session would build the change on its own: that is for the next build to do.
        FixtureSite site = site();
        ageSources();
        BuildOptions options = new BuildOptions(dir, site.output(), null, false, OffsetDateTime.parse(NOW).toInstant());
        assertThat(SiteBuild.run(options).ok()).isTrue();
        editStory(site, 6, "first");
        KeptBuilds daemon = new KeptBuilds(options);
        try {
            daemon.prepare();
            assertThat(site.page("/2022/12/16/story-6/").select("article").text()).doesNotContain("The first edit");
            assertThat(daemon.run(options, () -> { }).ok()).isTrue();
            assertThat(daemon.keptRuns()).isZero();
            assertThat(site.page("/2022/12/16/story-6/").select("article").text()).contains("The first edit of story 6.");
        } finally {
            daemon.close();
        }
    }

    /**
     * The fixture site built cold, then after an edit: the session of that second build is kept
     * (the cold build's is not, as it writes the parse cache).
     */
    private FixtureSite siteWithKeptSession() throws IOException {
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        editStory(site, 1, "first");
        site.buildOk("--now", NOW);
        return site;
    }

    private static void editStory(FixtureSite site, int n, String version) {
        site.file("content/2022/12/story-" + n + ".md", FixtureSite.article("title: Story " + n + "\ndate: 2022-12-1" + n
                + " 10:00\ncategory: Economy\ntags: [Tashkent]", "The " + version + " edit of story " + n + "."));
    }

    private static void addArticles(FixtureSite site, String version) {
        for (int i = 20; i < 100; i++) {
            site.file("content/2022/11/more-" + i + ".md", FixtureSite.article("title: More " + i + "\ndate: 2022-11-0"
                    + (1 + i % 9) + " 10:00\ncategory: Economy", "The " + version + " body of " + i + "."));
        }
    }

    /** Body files of this site's parse cache that this JVM holds open after they were deleted or replaced. */
    private long heldDeletedBodyFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return ""; // closed meanwhile
                }
            }).filter(target -> target.startsWith(dir.toString()) && target.contains("bodies")
                    && target.endsWith("(deleted)")).count();
        }
    }

    private void ageContent() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
            }
        }
    }
}
