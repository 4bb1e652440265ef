package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.render.OutputFile;
import dev.gazette.write.OutputState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which pages a second {@code gazette build}, or the preview after an edit, renders again. A page
 * whose templates printed no other article's body is kept when only bodies change; one that
 * printed no count, nor the lists of tags and authors, when only those change (an added
 * article). A preview parses at start only what changed since the last build. Every build must
 * still give what a cold build gives.
 */
class PageReuseTest {

    private static final String NOW = "2022-12-23T12:00:00+05:00";

    @TempDir
    Path dir;

    /** Economy (tag Trade) on 11-14 December, Politics (tag Vote) on 15-18 December. */
    private FixtureSite site(String extra) {
        StringBuilder spec = new StringBuilder("""
                -- gazette.yaml --
                title: Courier
                timezone: Asia/Tashkent
                pageSize: 10
                """);
        for (int i = 1; i <= 8; i++) {
            boolean economy = i <= 4;
            spec.append("-- content/2022/12/story-").append(i).append(".md --\n")
                    .append("---\ntitle: Story ").append(i).append("\ndate: 2022-12-").append(10 + i)
                    .append(" 10:00\ncategory: ").append(economy ? "Economy" : "Politics")
                    .append("\ntags: [").append(economy ? "Trade" : "Vote").append("]\n---\n")
                    .append("Lead of story ").append(i).append(".\n\nSecond paragraph of story ").append(i).append(".\n");
        }
        return FixtureSite.write(dir, spec + extra).buildOk("--now", NOW);
    }

    /** A preview session, which keeps its pages in memory. */
    private BuildSession preview(FixtureSite site) {
        return new BuildSession(options(site));
    }

    /** A preview of {@code site} after its first build, which succeeded. */
    private BuildSession startedPreview(FixtureSite site) {
        BuildSession preview = preview(site);
        assertThat(preview.rebuildAll().result().ok()).isTrue();
        return preview;
    }

    private BuildOptions options(FixtureSite site) {
        return new BuildOptions(dir, site.output(), null, false, OffsetDateTime.parse(NOW).toInstant());
    }

    private static Map<String, OutputFile> rebuilt(BuildSession preview, Path changed) {
        BuildOutcome outcome = preview.rebuild(java.util.Set.of(changed));
        assertThat(outcome.result().ok()).as(outcome.result().diagnostics().toString()).isTrue();
        return byPath(outcome.files());
    }

    private static Map<String, OutputFile> byPath(List<OutputFile> files) {
        Map<String, OutputFile> out = new HashMap<>();
        files.forEach(f -> out.put(f.path(), f));
        return out;
    }

    /** A build as {@code gazette build} runs it, returning the output paths of the pages it rendered (not reused). */
    private Set<String> build(FixtureSite site) {
        BuildOptions options = options(site);
        Path state = dir.resolve(BuildSession.CACHE_DIR).resolve(BuildSession.OUTPUT_STATE);
        BuildSession session = new BuildSession(options, true, OutputState.check(state, site.output()));
        try {
            BuildOutcome outcome = session.rebuildAll();
            assertThat(outcome.result().ok()).as(outcome.result().diagnostics().toString()).isTrue();
            return session.lastRenderedPages();
        } finally {
            session.close();
        }
    }

    private Path addOldPoliticsStory(FixtureSite site, String tag) {
        site.file("content/2020/03/story-9.md", FixtureSite.article(
                "title: Story 9\ndate: 2020-03-01 10:00\ncategory: Politics\ntags: [" + tag + "]", "Lead of story 9.\n"));
        return dir.resolve("content/2020/03/story-9.md");
    }

    private Path rewriteSecondParagraphOfStory2() throws IOException {
        Path story = dir.resolve("content/2022/12/story-2.md");
        Files.writeString(story, Files.readString(story).replace("Second paragraph of story 2", "Rewritten paragraph"));
        return story;
    }

    private static void assertReused(Set<String> rendered, List<String> paths) {
        for (String path : paths) {
            assertThat(rendered).as(path + " rendered again").doesNotContain(path);
        }
    }

    private void assertRendered(Set<String> rendered, String path, String text) throws IOException {
        assertThat(rendered).as(path + " reused").contains(path);
        assertThat(Files.readString(dir.resolve("site").resolve(path))).as(path).contains(text);
    }

    @Test
    void anAddedArticleLeavesPagesThatNeitherListItNorPrintCounts() throws IOException {
        FixtureSite site = site("");
        addOldPoliticsStory(site, "Vote");
        Set<String> rendered = build(site);

        assertReused(rendered, List.of("2022/12/12/story-2/index.html", "category/economy/index.html",
                "tag/trade/index.html", "2022/12/13/index.html"));
        assertRendered(rendered, "index.html", "Story 9");
        assertRendered(rendered, "category/index.html", "5 articles");
        assertSameAsColdBuild(site);
    }

    @Test
    void anAddedArticleRendersEveryPageThatPrintsACount() throws IOException {
        FixtureSite site = site("""
                -- templates/base.html --
                <html><body><nav>{% for c in site.categories %}{{ c.name }}: {{ c.count }}; {% endfor %}</nav>
                {% block content %}{% endblock %}</body></html>
                """);
        addOldPoliticsStory(site, "Vote");
        Set<String> rendered = build(site);

        assertRendered(rendered, "2022/12/12/story-2/index.html", "Politics: 5;");
        assertRendered(rendered, "category/economy/index.html", "Politics: 5;");
        assertSameAsColdBuild(site);
    }

    @Test
    void anAddedArticleWithANewTagAndAuthorLeavesPagesThatPrintNeitherList() throws IOException {
        FixtureSite site = site("");
        site.file("content/2020/03/story-9.md", FixtureSite.article(
                "title: Story 9\ndate: 2020-03-01 10:00\ncategory: Politics\ntags: [Elections]\nauthor: Malika Karimova",
                "Lead of story 9.\n"));
        Set<String> rendered = build(site);

        assertReused(rendered, List.of("2022/12/12/story-2/index.html", "category/economy/index.html",
                "tag/trade/index.html"));
        assertRendered(rendered, "tag/index.html", "Elections");
        assertRendered(rendered, "author/index.html", "Malika Karimova");
        assertSameAsColdBuild(site);
    }

    @Test
    void anAddedArticleWithANewTagRendersEveryPageThatPrintsTheTagList() throws IOException {
        FixtureSite site = site("""
                -- templates/base.html --
                <html><body><nav>{% for t in site.tags %}{{ t.name }}; {% endfor %}</nav>
                {% block content %}{% endblock %}</body></html>
                """);
        site.file("content/2020/03/story-9.md", FixtureSite.article(
                "title: Story 9\ndate: 2020-03-01 10:00\ncategory: Politics\ntags: [Elections]", "Lead of story 9.\n"));
        Set<String> rendered = build(site);

        assertRendered(rendered, "2022/12/12/story-2/index.html", "Elections; Trade; Vote;");
        assertSameAsColdBuild(site);
    }

    /**
     * The same through a partial rendered once per build for each kind of page: every page that
     * shows it read the tag list, not only the first to render it.
     */
    @Test
    void anAddedArticleWithANewTagRendersEveryPageThatShowsASharedPartialPrintingTheTagList() throws IOException {
        FixtureSite site = site("""
                -- templates/base.html --
                <html><body><nav>{{ shared('partials/tags.html', {'kind': page.kind}) }}</nav>
                {% block content %}{% endblock %}</body></html>
                -- templates/partials/tags.html --
                {% for t in site.tags %}{{ t.name }}; {% endfor %}({{ kind }})
                """);
        site.file("content/2020/03/story-9.md", FixtureSite.article(
                "title: Story 9\ndate: 2020-03-01 10:00\ncategory: Politics\ntags: [Elections]", "Lead of story 9.\n"));
        Set<String> rendered = build(site);

        for (int i = 1; i <= 8; i++) {
            assertRendered(rendered, "2022/12/1" + i + "/story-" + i + "/index.html", "Elections; Trade; Vote; (article)");
        }
        assertRendered(rendered, "category/economy/index.html", "Elections; Trade; Vote; (category)");
        assertSameAsColdBuild(site);
    }

    @Test
    void aSpellingThatWinsRenamesTheTagOnEveryPageThatShowsIt() throws IOException {
        // Spellings of one tag are one term, named as most articles spell it: five new articles
        // spelling it "TRADE" rename it on the pages of the four older ones. The Economy page
        // lists the same four articles as before, and prints their tags.
        FixtureSite site = site("""
                -- templates/category.html --
                {% for a in articles %}<p>{% for t in a.tags %}{{ t.name }}{% endfor %}</p>{% endfor %}
                """);
        for (int i = 1; i <= 5; i++) {
            site.file("content/2020/03/new-" + i + ".md", FixtureSite.article("title: New " + i
                    + "\ndate: 2020-03-0" + i + " 10:00\ncategory: Politics\ntags: [TRADE]", "Lead.\n"));
        }
        Set<String> rendered = build(site);

        assertRendered(rendered, "2022/12/12/story-2/index.html", ">TRADE<");
        assertRendered(rendered, "category/economy/index.html", "<p>TRADE</p>");
        assertSameAsColdBuild(site);
    }

    @Test
    void aCategoryPrintedWholeCountsAsItsCountRead() throws IOException {
        FixtureSite site = site("""
                -- templates/base.html --
                <html><body><nav>{% for c in site.categories %}{{ c }}; {% endfor %}</nav>
                {% block content %}{% endblock %}</body></html>
                """);
        addOldPoliticsStory(site, "Vote");
        Set<String> rendered = build(site);

        assertRendered(rendered, "2022/12/12/story-2/index.html", "slug=politics, url=/category/politics/, count=5]");
        assertSameAsColdBuild(site);
    }

    @Test
    void aBodyEditLeavesListPagesThatDoNotPrintBodies() throws IOException {
        FixtureSite site = site("");
        rewriteSecondParagraphOfStory2();
        Set<String> rendered = build(site);

        assertReused(rendered, List.of("index.html", "category/economy/index.html", "tag/trade/index.html",
                "2022/12/12/index.html", "2022/12/11/story-1/index.html"));
        assertRendered(rendered, "2022/12/12/story-2/index.html", "Rewritten paragraph");
        assertSameAsColdBuild(site);
    }

    @Test
    void aBodyEditRendersListPagesThatPrintBodies() throws IOException {
        FixtureSite site = site("""
                -- templates/category.html --
                {% for a in articles %}<section>{{ a.body | raw }}</section>{% endfor %}
                -- templates/partials/teaser.html --
                <div class="teaser">{{ a.body | raw }}</div>
                """);
        rewriteSecondParagraphOfStory2();
        Set<String> rendered = build(site);

        assertRendered(rendered, "category/economy/index.html", "Rewritten paragraph");
        assertRendered(rendered, "index.html", "Rewritten paragraph");
        assertRendered(rendered, "tag/trade/index.html", "Rewritten paragraph");
        assertSameAsColdBuild(site);
    }

    @Test
    void aBuildThatFailsInItsTemplatesStillSavesItsParses() throws IOException {
        FixtureSite site = site("");
        FixtureSite.deleteTree(dir.resolve(".gazette"));
        site.file("templates/article.html", "<!DOCTYPE html><title>{{ article.headline }}</title>\n");
        assertThat(site.build("--now", NOW).exitCode()).isEqualTo(1);
        Files.delete(dir.resolve("templates/article.html"));

        BuildSession next = new BuildSession(options(site), true);
        assertThat(next.rebuildAll().result().ok()).isTrue();
        next.close();

        assertThat(next.lastParseChanges()).as("articles parsed again").isZero();
        assertSameAsColdBuild(site);
    }

    @Test
    void thePreviewStartsFromTheLastBuildsParses() throws IOException {
        FixtureSite site = site("");
        rewriteSecondParagraphOfStory2();
        BuildSession preview = startedPreview(site);

        assertThat(preview.lastParseChanges()).as("articles parsed again").isEqualTo(1);
        assertThat(site.page("/2022/12/12/story-2/").text()).contains("Rewritten paragraph");
        assertSameAsColdBuild(site);
    }

    @Test
    void thePreviewStartsFromTheLastBuildsPages() throws IOException {
        FixtureSite site = site("");
        rewriteSecondParagraphOfStory2();
        BuildSession preview = preview(site);

        assertThat(preview.rebuildAll().result().ok()).isTrue();
        Set<String> rendered = preview.lastRenderedPages();

        assertReused(rendered, List.of("index.html", "category/economy/index.html", "tag/trade/index.html",
                "2022/12/11/story-1/index.html", "2022/12/13/story-3/index.html"));
        assertRendered(rendered, "2022/12/12/story-2/index.html", "Rewritten paragraph");
        assertSameAsColdBuild(site);
    }

    @Test
    void aPreviewThatHasWrittenNoLongerTrustsTheLastBuildsFiles() throws IOException {
        FixtureSite site = site("");
        BuildSession preview = startedPreview(site);
        assertReused(preview.lastRenderedPages(), List.of("index.html"));
        Path story = dir.resolve("content/2022/12/story-2.md");
        String original = Files.readString(story);

        Files.writeString(story, original.replace("title: Story 2", "title: Story two"));
        rebuilt(preview, story);
        assertRendered(preview.lastRenderedPages(), "index.html", "Story two");
        // Back as the last build had it: the home page on disk is the preview's now, not the build's.
        Files.writeString(story, original);
        rebuilt(preview, story);
        assertRendered(preview.lastRenderedPages(), "index.html", "Story 2");

        assertThat(site.page("/").text()).contains("Story 2").doesNotContain("Story two");
        assertSameAsColdBuild(site);
    }

    @Test
    void aPreviewStartsFromScratchWhenTheOutputIsNotAsTheLastBuildLeftIt() throws IOException {
        FixtureSite site = site("");
        Path home = site.output().resolve("index.html");
        Files.writeString(home, Files.readString(home).replace("Story 2", "Tampered"));
        BuildSession preview = preview(site);

        assertThat(preview.rebuildAll().result().ok()).isTrue();
        Set<String> rendered = preview.lastRenderedPages();

        assertRendered(rendered, "index.html", "Story 2");
        assertReused(rendered, List.of("category/economy/index.html"));
        assertThat(site.page("/").text()).doesNotContain("Tampered");
        assertSameAsColdBuild(site);
    }

    @Test
    void afterThePreviewABuildReusesThePagesThePreviewDidNotWrite() throws IOException {
        FixtureSite site = site("");
        BuildSession preview = startedPreview(site);
        rebuilt(preview, rewriteSecondParagraphOfStory2());
        preview.close();

        Set<String> rendered = build(site);

        assertReused(rendered, List.of("index.html", "category/economy/index.html", "2022/12/11/story-1/index.html",
                "2022/12/16/story-6/index.html"));
        assertRendered(rendered, "2022/12/12/story-2/index.html", "Rewritten paragraph");
        assertSameAsColdBuild(site);
    }

    @Test
    void afterAPreviewThatWroteNothingABuildHasNothingToDo() throws IOException {
        FixtureSite site = site("");
        // Sources and their folders older than two seconds, so that the build may trust their
        // times next time.
        try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve("content"))) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
            }
        }
        Files.setLastModifiedTime(dir.resolve("gazette.yaml"), java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        BuildOptions options = options(site);
        assertThat(SiteBuild.run(options).ok()).isTrue();
        BuildSession preview = preview(site);
        assertThat(preview.rebuildAll().result().write().written()).isZero();
        preview.close();

        BuildResult result = SiteBuild.run(options);

        assertThat(result.stages().keySet()).as("only the check ran").containsExactly("check");
    }

    @Test
    void aBuildRemovesWhatAPreviewWithDraftsAdded() throws IOException {
        FixtureSite site = site("");
        site.file("content/2022/12/plan.md", FixtureSite.article(
                "title: Plan\ndate: 2022-12-20 10:00\ncategory: Politics\ndraft: true", "Not yet."));
        BuildSession preview = new BuildSession(new BuildOptions(dir, site.output(), null, true,
                OffsetDateTime.parse(NOW).toInstant()));
        assertThat(preview.rebuildAll().result().ok()).isTrue();
        site.file("content/2022/12/later.md", FixtureSite.article(
                "title: Later\ndate: 2022-12-21 10:00\ncategory: Politics\ndraft: true", "Written while previewing."));
        rebuilt(preview, dir.resolve("content/2022/12/later.md"));
        assertThat(site.output().resolve("2022/12/20/plan/index.html")).exists();
        assertThat(site.output().resolve("2022/12/21/later/index.html")).exists();
        preview.close();

        build(site);

        assertThat(site.output().resolve("2022/12/20/plan/index.html")).doesNotExist();
        assertThat(site.output().resolve("2022/12/21/later/index.html")).doesNotExist();
        assertSameAsColdBuild(site);
    }

    @Test
    void thePreviewKeepsListPagesWhenOnlyABodyChanged() throws IOException {
        FixtureSite site = site("");
        BuildSession preview = preview(site);
        Map<String, OutputFile> before = byPath(preview.rebuildAll().files());
        Map<String, OutputFile> after = rebuilt(preview, rewriteSecondParagraphOfStory2());

        // Story 2 is listed on these pages, and in the "More news" of story 1.
        for (String kept : List.of("index.html", "category/economy/index.html", "tag/trade/index.html",
                "2022/12/12/index.html", "2022/12/11/story-1/index.html")) {
            assertThat(after.get(kept)).as(kept).isSameAs(before.get(kept));
        }
        assertRendered(preview.lastRenderedPages(), "2022/12/12/story-2/index.html", "Rewritten paragraph");
        assertSameAsColdBuild(site);
    }

    @Test
    void thePreviewRendersListPagesThatPrintBodies() throws IOException {
        // The category page prints bodies itself; the others through teasers, rendered once per
        // build and reused by every list: each must notice that the teaser printed a body.
        FixtureSite site = site("""
                -- templates/category.html --
                {% for a in articles %}<section>{{ a.body | raw }}</section>{% endfor %}
                -- templates/partials/teaser.html --
                <div class="teaser">{{ a.body | raw }}</div>
                """);
        BuildSession preview = preview(site);
        preview.rebuildAll();
        rebuilt(preview, rewriteSecondParagraphOfStory2());

        for (String page : List.of("/category/economy/", "/", "/tag/trade/", "/2022/12/", "/2022/12/12/")) {
            assertThat(site.page(page).text()).as(page).contains("Rewritten paragraph");
        }
        assertSameAsColdBuild(site);
    }

    @Test
    void thePreviewKeepsPagesThatNeitherListAnAddedArticleNorPrintWhatItChanged() throws IOException {
        // Its tag is new to the site: pages that print neither the list of tags nor an article's
        // tags stay as they are.
        FixtureSite site = site("");
        BuildSession preview = preview(site);
        Map<String, OutputFile> before = byPath(preview.rebuildAll().files());
        Map<String, OutputFile> after = rebuilt(preview, addOldPoliticsStory(site, "Elections"));

        for (String kept : List.of("category/economy/index.html", "2022/12/12/index.html", "2022/12/13/index.html")) {
            assertThat(after.get(kept)).as(kept).isSameAs(before.get(kept));
        }
        assertThat(after.get("category/index.html")).isNotSameAs(before.get("category/index.html"));
        assertSameAsColdBuild(site);
    }

    /**
     * The preview keeps no page's bytes: each page goes to the output folder as it is rendered,
     * and what the preview keeps and serves names that file. A 100,000-article archive's pages
     * are more than the preview's heap, and a template edit renders them all.
     */
    @Test
    void thePreviewKeepsNoPageInMemory() throws IOException {
        FixtureSite site = site("");
        FixtureSite.deleteTree(site.output());
        FixtureSite.deleteTree(dir.resolve(".gazette"));
        BuildSession preview = preview(site);

        assertOnlyOnDisk(preview.rebuildAll(), site);
        assertThat(preview.lastRenderedPages()).contains("index.html", "2022/12/12/story-2/index.html");
        assertOnlyOnDisk(preview.rebuild(Set.of(rewriteSecondParagraphOfStory2())), site);
        site.file("templates/partials/teaser.html", "<div class=\"teaser\">{{ a.title }} (teaser)</div>\n");
        assertOnlyOnDisk(preview.rebuild(Set.of(dir.resolve("templates/partials/teaser.html"))), site);
        assertThat(site.page("/").text()).contains("Story 2 (teaser)");
        assertSameAsColdBuild(site);
    }

    private static void assertOnlyOnDisk(BuildOutcome outcome, FixtureSite site) {
        assertThat(outcome.result().ok()).as(outcome.result().diagnostics().toString()).isTrue();
        for (OutputFile file : outcome.files()) {
            if (file.path().endsWith(".html")) {
                assertThat(file.bytes()).as(file.path()).isNull();
                assertThat(file.copyFrom()).as(file.path()).isEqualTo(site.output().resolve(file.path()).toAbsolutePath().normalize());
            }
        }
    }

    /**
     * A save whose page fails to render leaves the output folder as it was, and nothing of that
     * failed build is reused later: here the home page it rendered with the new title would pass
     * for the file on disk (which still has the old title) once only the body is fixed.
     */
    @Test
    void aPreviewBuildThatFailsWhileRenderingIsNotReusedLater() throws IOException {
        FixtureSite site = site("""
                -- templates/article.html --
                <html><body><h1>{{ article.title }}</h1>{{ article.body contains 'BREAK' ? article.nothing : article.body | raw }}</body></html>
                """);
        BuildSession preview = startedPreview(site);
        String economy = "date: 2022-12-12 10:00\ncategory: Economy\ntags: [Trade]";

        BuildOutcome broken = preview.rebuild(Set.of(save(site, 2, "title: Story two\n" + economy, "BREAK\n")));
        assertThat(broken.files()).isNull();
        assertThat(broken.result().diagnostics()).extracting(Object::toString)
                .anyMatch(d -> d.startsWith("templates/article.html:1:"));
        assertThat(site.page("/").text()).contains("Story 2").doesNotContain("Story two");
        assertThat(site.output().getParent()).isDirectoryNotContaining("glob:**/.site.*");

        rebuilt(preview, save(site, 2, "title: Story two\n" + economy, "Fixed.\n"));
        assertThat(site.page("/").text()).contains("Story two");
        assertSameAsColdBuild(site);
    }

    @Test
    void thePreviewWritesEveryPageAgainWhenItsOutputFolderWasDeleted() throws IOException {
        FixtureSite site = site("");
        BuildSession preview = startedPreview(site);
        FixtureSite.deleteTree(site.output());

        rebuilt(preview, rewriteSecondParagraphOfStory2());

        assertThat(site.page("/2022/12/12/story-2/").text()).contains("Rewritten paragraph");
        assertSameAsColdBuild(site);
    }

    /**
     * An output folder on another file system than the site (a mount, or as here a link to a RAM
     * disk): the pages, written next to the folder, cannot be renamed into it, and are copied in.
     */
    @Test
    void thePreviewWritesIntoAnOutputFolderOnAnotherFileSystem() throws IOException {
        Path ramDisk = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(ramDisk) && Files.isWritable(ramDisk)
                && !Files.getFileStore(ramDisk).equals(Files.getFileStore(dir)), "needs a second file system");
        FixtureSite site = site("");
        FixtureSite.deleteTree(site.output());
        Path elsewhere = Files.createTempDirectory(ramDisk, "gazette-test-");
        try {
            Files.createSymbolicLink(site.output(), elsewhere);
            BuildSession preview = preview(site);
            assertThat(preview.rebuildAll().result().ok()).isTrue();
            rebuilt(preview, rewriteSecondParagraphOfStory2());

            assertThat(Files.readString(elsewhere.resolve("2022/12/12/story-2/index.html"))).contains("Rewritten paragraph");
            Path cold = dir.resolve("cold");
            site.buildOk("--now", NOW, "--output", cold.toString());
            Map<String, byte[]> expected = FixtureSite.tree(cold);
            Map<String, byte[]> actual = FixtureSite.tree(elsewhere);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
        } finally {
            FixtureSite.deleteTree(elsewhere);
        }
    }

    /**
     * Saves in the preview parse only the saved file while every URL stays as it was; a save that
     * moves an article, or a file that fails, takes the full pass. Each step gives a cold build's site.
     */
    @Test
    void aSeriesOfSavesInThePreviewGivesWhatColdBuildsGive() throws IOException {
        FixtureSite site = site("");
        BuildSession preview = preview(site);
        preview.rebuildAll();
        String economy = "date: 2022-12-1%d 10:00\ncategory: Economy\ntags: [Trade]";

        rebuilt(preview, save(site, 3, "title: Story 3\n" + economy.formatted(3), "See [story two](story-2.md).\n"));
        assertThat(site.page("/2022/12/13/story-3/").select(".story-body a").attr("href"))
                .isEqualTo("/2022/12/12/story-2/");
        assertSameAsColdBuild(site);

        rebuilt(preview, save(site, 2, "title: Story 2\nslug: renamed\n" + economy.formatted(2), "Moved.\n"));
        assertThat(site.page("/2022/12/13/story-3/").select(".story-body a").attr("href"))
                .isEqualTo("/2022/12/12/renamed/");
        assertSameAsColdBuild(site);

        BuildOutcome broken = preview.rebuild(Set.of(save(site, 4, "title: Story 4\ndate: someday\ncategory: Economy",
                "Lead.\n")));
        BuildOutcome stillBroken = preview.rebuild(Set.of(save(site, 1, "title: Story 1\n" + economy.formatted(1),
                "A new lead for story 1.\n")));
        for (BuildOutcome outcome : List.of(broken, stillBroken)) {
            assertThat(outcome.files()).isNull();
            assertThat(outcome.result().diagnostics()).extracting(Object::toString)
                    .anyMatch(d -> d.startsWith("content/2022/12/story-4.md:3: unparseable date \"someday\""));
        }

        rebuilt(preview, save(site, 4, "title: Story 4\n" + economy.formatted(4), "Lead of story 4, fixed.\n"));
        assertThat(site.page("/2022/12/11/story-1/").text()).contains("A new lead for story 1.");
        assertSameAsColdBuild(site);
    }

    private Path save(FixtureSite site, int story, String frontMatter, String body) {
        String path = "content/2022/12/story-" + story + ".md";
        site.file(path, FixtureSite.article(frontMatter, body));
        return dir.resolve(path);
    }

    /** A cold build (no cache) of the same sources, into another folder, gives the same tree. */
    private void assertSameAsColdBuild(FixtureSite site) throws IOException {
        if (Files.isDirectory(dir.resolve(".gazette"))) {
            try (java.util.stream.Stream<Path> cache = Files.walk(dir.resolve(".gazette"))) {
                for (Path p : cache.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path cold = dir.resolve("cold");
        site.buildOk("--now", NOW, "--output", cold.toString());
        Map<String, byte[]> expected = FixtureSite.tree(cold);
        Map<String, byte[]> actual = FixtureSite.tree(site.output());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
    }
}
