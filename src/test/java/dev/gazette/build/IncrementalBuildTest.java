package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds that reuse the previous run's work (.gazette/cache) must give exactly what a cold build gives. */
class IncrementalBuildTest {

    private static final String NOW = "2022-12-23T12:00:00+05:00";

    @TempDir
    Path dir;

    /** How the tests' builds run: as one-off builds here (see {@link KeptBuildsTest}). */
    SiteBuild.Runner builds() {
        return SiteBuild::run;
    }

    FixtureSite site() {
        StringBuilder spec = new StringBuilder("""
                -- gazette.yaml --
                title: Courier
                timezone: Asia/Tashkent
                pageSize: 3
                feedSize: 2
                """);
        for (int i = 1; i <= 9; i++) {
            spec.append("-- content/2022/12/story-").append(i).append(".md --\n")
                    .append("---\ntitle: Story ").append(i).append("\ndate: 2022-12-").append(10 + i)
                    .append(" 10:00\ncategory: ").append(i % 2 == 0 ? "Politics" : "Economy")
                    .append("\ntags: [Tashkent, tag").append(i % 3).append("]\n---\n")
                    .append("Body of story ").append(i).append(". See [the first](story-1.md).\n");
        }
        return FixtureSite.write(dir, spec.toString()).buildingWith(builds());
    }

    @Test
    void incrementalBuildsGiveTheSameBytesAsAColdBuild() throws IOException {
        FixtureSite site = site().buildOk("--now", NOW);
        site.file("content/2022/12/story-4.md", FixtureSite.article(
                "title: Story four, rewritten\ndate: 2022-12-14 10:00\ncategory: Economy\ntags: [Samarkand]",
                "A new body."));
        site.file("content/2022/12/story-10.md", FixtureSite.article(
                "title: Story ten\ndate: 2022-12-22 09:00\ncategory: Politics\ntags: [Tashkent]",
                "Added later, links to [four](story-4.md)."));
        Files.delete(dir.resolve("content/2022/12/story-7.md"));
        Files.move(dir.resolve("content/2022/12/story-9.md"), dir.resolve("content/2022/12/story-nine.md"));
        site.buildOk("--now", NOW);
        Map<String, byte[]> incremental = FixtureSite.tree(site.output());

        assertSameAsColdBuild(site, incremental);
        assertThat(incremental).containsKey("2022/12/22/story-10/index.html").doesNotContainKey("2022/12/17/story-7/index.html")
                .containsKey("2022/12/19/story-nine/index.html");
    }

    @Test
    void anEditToAnArticleInNoFeedGivesTheSameBytesAsAColdBuild() throws IOException {
        // Story 1 is the oldest: in no feed (two items each) and on no sitemap date, so the feeds and
        // sitemaps of the previous output are taken as they are.
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        site.file("content/2022/12/story-1.md", FixtureSite.article(
                "title: Story 1\ndate: 2022-12-11 10:00\ncategory: Economy\ntags: [Tashkent, tag1]",
                "Body of story 1. See [the first](story-1.md).\n\nA second paragraph, added later."));
        FixtureSite.Run run = site.build("--now", NOW);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("(1 written");
        Map<String, byte[]> incremental = FixtureSite.tree(site.output());

        assertSameAsColdBuild(site, incremental);
    }

    @Test
    void editsThatKeepTheIndexKeysRewriteExactlyThePagesShowingTheArticle() throws IOException {
        // A new title and body, same date, category and tags: every page lists what it listed,
        // so only the pages showing story 5 (its own, lists, "More news" of others) are redone.
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        for (String[] edit : new String[][] {{"5", "Economy", "tag2"}, {"6", "Politics", "tag0"}}) {
            Map<String, byte[]> before = FixtureSite.tree(site.output());
            String n = edit[0];
            site.file("content/2022/12/story-" + n + ".md", FixtureSite.article(
                    "title: Story " + n + " under a new headline\ndate: 2022-12-1" + n + " 10:00\ncategory: " + edit[1]
                            + "\ntags: [Tashkent, " + edit[2] + "]",
                    "Body of story " + n + ", rewritten. See [the first](story-1.md).\n"));
            FixtureSite.Run run = site.build("--now", NOW);
            assertThat(run.exitCode()).isZero();
            Map<String, byte[]> after = FixtureSite.tree(site.output());
            long differing = after.entrySet().stream()
                    .filter(e -> !java.util.Arrays.equals(e.getValue(), before.get(e.getKey()))).count();
            assertThat(differing).isGreaterThan(5);
            assertThat(run.out()).contains("(" + differing + " written");
            assertThat(site.page("/2022/12/1" + n + "/").select("main").text()).contains("Story " + n + " under a new headline");
        }
        assertSameAsColdBuild(site, FixtureSite.tree(site.output()));
    }

    @Test
    void aNewUpdatedDateReachesTheSitemapOfARebuild() throws IOException {
        // "updated" moves no article between lists, but the sitemap shows it: reusing the previous
        // sitemap would publish a stale lastmod.
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        site.file("content/2022/12/story-3.md", FixtureSite.article(
                "title: Story 3\ndate: 2022-12-13 10:00\nupdated: 2022-12-20 11:00\ncategory: Economy\ntags: [Tashkent, tag0]",
                "Body of story 3. See [the first](story-1.md).\n"));
        site.buildOk("--now", NOW);
        assertThat(Files.readString(site.output().resolve("sitemap.xml"))).contains("2022-12-20T11:00:00+05:00");
        assertSameAsColdBuild(site, FixtureSite.tree(site.output()));
    }

    @Test
    void filesChangedOrDeletedInTheOutputAreWrittenAgain() throws IOException {
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        Map<String, byte[]> before = FixtureSite.tree(site.output());
        Files.delete(site.outputFile("/2022/12/13/story-3/"));
        Files.writeString(site.outputFile("/category/economy/"), "defaced");
        Files.delete(site.output().resolve("feed.xml"));
        Files.writeString(site.output().resolve("sitemap.xml"), "<urlset/>");
        FixtureSite.Run run = site.build("--now", NOW);
        assertThat(run.out()).contains("(4 written");
        assertSameTree(before, FixtureSite.tree(site.output()));
    }

    @Test
    void pagesThePreviewWroteAreRemovedByTheNextBuildWhenTheirArticleIsGone() throws IOException {
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        site.file("content/2022/12/story-11.md", FixtureSite.article(
                "title: Story eleven\ndate: 2022-12-21 10:00\ncategory: Politics", "Written while previewing."));
        Files.delete(dir.resolve("content/2022/12/story-2.md"));
        BuildSession preview = new BuildSession(new BuildOptions(dir, site.output(), null, false,
                java.time.OffsetDateTime.parse(NOW).toInstant()));
        assertThat(preview.rebuildAll().result().ok()).isTrue();
        assertThat(site.outputFile("/2022/12/21/story-11/")).exists();

        Files.delete(dir.resolve("content/2022/12/story-11.md"));
        site.buildOk("--now", NOW);
        Map<String, byte[]> after = FixtureSite.tree(site.output());
        assertThat(after).doesNotContainKey("2022/12/21/story-11/index.html")
                .doesNotContainKey("2022/12/12/story-2/index.html");

        assertSameAsColdBuild(site, after);
    }

    @Test
    void aFailedBuildKeepsTheRecordOfTheOutput() throws IOException {
        // While a reporter fixes a typo, the build after a failed one must still reuse the
        // output: the failed build never touched it, so its record stays.
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        Path record = dir.resolve(".gazette/cache/output");
        assertThat(record).exists();
        site.file("content/2022/12/story-5.md", "---\ntitle: [broken\n---\nBody.\n");
        assertThat(site.build("--now", NOW).exitCode()).isEqualTo(1);
        assertThat(record).exists();

        site.file("content/2022/12/story-5.md", FixtureSite.article(
                "title: Story 5\ndate: 2022-12-15 10:00\ncategory: Economy\ntags: [Tashkent, tag2]",
                "Body of story 5, fixed."));
        site.buildOk("--now", NOW);
        Map<String, byte[]> incremental = FixtureSite.tree(site.output());
        assertSameAsColdBuild(site, incremental);
    }

    @Test
    void anEditInTheSameSecondAndOfTheSameSizeIsNotMissed() throws IOException {
        // Sources written just now: the build must not trust their size and time later, because an
        // edit within the same clock tick can keep both (a fast editor, a script, a checkout).
        FixtureSite site = site().buildOk("--now", NOW);
        Path story = dir.resolve("content/2022/12/story-3.md");
        FileTime time = Files.getLastModifiedTime(story);
        String text = Files.readString(story);
        Files.writeString(story, text.replace("Body of story 3", "Body of story X"));
        Files.setLastModifiedTime(story, time);
        site.buildOk("--now", NOW);
        assertThat(site.page("/2022/12/13/story-3/").select("article").text()).contains("Body of story X");
    }

    /** A cold build stamps content/ from its own listing; the next build's walk must agree with it. */
    @Test
    void theBuildAfterAColdBuildWithNothingChangedDoesNothing() throws IOException {
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        FixtureSite.Run again = site.build("--now", NOW, "--timings");
        assertThat(again.out()).contains("Built 9 articles").contains("(0 written").contains("check").doesNotContain("render");
    }

    @Test
    void unchangedSourcesAreNotBuiltAgain() throws IOException {
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        Path home = site.outputFile("/");
        Files.setLastModifiedTime(home, FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));
        FixtureSite.Run touched = site.build("--now", NOW, "--timings");
        // The output changed behind Gazette's back (a time): it builds again, and rewrites nothing.
        assertThat(touched.out()).contains("(0 written").contains("render");
        FixtureSite.Run again = site.build("--now", NOW, "--timings");
        assertThat(again.out()).contains("Built 9 articles").contains("(0 written").contains("check").doesNotContain("render");
    }

    @Test
    void aChangedConfigOrTemplateIsNeverServedFromTheCache() throws IOException {
        FixtureSite site = site();
        ageSources();
        site.buildOk("--now", NOW);
        site.file("gazette.yaml", "title: Renamed Courier\ntimezone: Asia/Tashkent\npageSize: 3\nfeedSize: 2\n");
        site.buildOk("--now", NOW);
        assertThat(site.page("/2022/12/11/story-1/").title()).endsWith("Renamed Courier");
        site.file("templates/404.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Lost</title></head><body>Gone</body></html>\n");
        site.buildOk("--now", NOW);
        assertThat(site.page("/404.html").title()).isEqualTo("Lost");
    }

    @Test
    void aCorruptCacheIsIgnored() throws IOException {
        FixtureSite site = site().buildOk("--now", NOW);
        Map<String, byte[]> before = FixtureSite.tree(site.output());
        try (Stream<Path> files = Files.list(dir.resolve(".gazette/cache"))) {
            for (Path file : files.toList()) {
                Files.writeString(file, "garbage");
            }
        }
        site.file("content/2022/12/story-2.md", FixtureSite.article(
                "title: Story 2\ndate: 2022-12-12 10:00\ncategory: Politics\ntags: [Tashkent, tag2]",
                "Body of story 2. See [the first](story-1.md).\n"));
        site.buildOk("--now", NOW);
        assertSameTree(before, FixtureSite.tree(site.output()));
    }

    /**
     * Sources written by the test, and their folders, are seconds old at most, which the up-to-date
     * check distrusts.
     */
    void ageSources() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
            }
        }
    }

    /** A cold build (no cache) of the same sources, into another folder, gives {@code tree} exactly. */
    void assertSameAsColdBuild(FixtureSite site, Map<String, byte[]> tree) throws IOException {
        FixtureSite.deleteTree(dir.resolve(".gazette"));
        Path cold = dir.resolve("cold");
        site.buildOk("--now", NOW, "--output", cold.toString());
        assertSameTree(FixtureSite.tree(cold), tree);
    }

    static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
    }
}
