package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.render.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette init DIR}: a new site that builds at once, and never over existing files. */
class InitCommandTest {

    private static final String NOW = "2026-03-04T10:15:00Z";
    private static final String WELCOME = "content/2026/03/welcome-to-gazette.md";

    @TempDir
    Path dir;

    private static FixtureSite.Run init(Path target) {
        return FixtureSite.write(target.getParent(), "").run("init", target.toString(), "--now", NOW);
    }

    @Test
    void initIntoAMissingFolderCreatesASiteThatBuilds() {
        Path target = dir.resolve("newsroom/site-one");
        FixtureSite.Run run = init(target);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains(WELCOME, "gazette.yaml", "templates/")
                .contains("cd " + target + " && gazette build").contains("gazette serve");

        FixtureSite site = FixtureSite.write(target, "");
        site.buildOk();
        assertThat(site.page("/").select(".article-list h2 a").eachText()).containsExactly("Welcome to Gazette");
        assertThat(site.page("/2026/03/04/welcome-to-gazette/").select("h1").text()).isEqualTo("Welcome to Gazette");
        assertThat(site.page("/2026/03/04/welcome-to-gazette/").select(".story-body h2").eachText())
                .contains("Writing an article", "The front matter");
    }

    @Test
    void initIntoAnEmptyFolderWritesConfigThemeArticleAndGitignore() throws IOException {
        Path target = Files.createDirectory(dir.resolve("empty"));
        FixtureSite.Run run = init(target);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, byte[]> tree = FixtureSite.tree(target);
        Map<String, byte[]> theme = Theme.packagedFiles();
        assertThat(theme).containsKeys("base.html", "assets/style.css", "partials/pagination.html");
        theme.forEach((rel, bytes) -> assertThat(tree.get("templates/" + rel)).as(rel).isEqualTo(bytes));
        assertThat(tree).containsKeys("gazette.yaml", ".gitignore", WELCOME).hasSize(theme.size() + 3);
        assertThat(Files.readAllLines(target.resolve(".gitignore"))).containsExactly("/site/", "/.gazette/");
    }

    @Test
    void configIsCommentedValidAndSetsEveryMainKey() throws IOException {
        Path target = dir.resolve("site");
        init(target);

        String text = Files.readString(target.resolve("gazette.yaml"), StandardCharsets.UTF_8);
        assertThat(text).contains("# ").containsPattern("(?m)^title: ").containsPattern("(?m)^description: ")
                .containsPattern("(?m)^baseUrl: ").containsPattern("(?m)^language: ").containsPattern("(?m)^timezone: ")
                .containsPattern("(?m)^pageSize: ").containsPattern("(?m)^categories:");
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.parse(text, diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(config.categories()).extracting(SiteConfig.CategoryName::name).contains("News");
    }

    @Test
    void newWorksInTheInitialisedSite() {
        Path target = dir.resolve("site");
        init(target);

        FixtureSite site = FixtureSite.write(target, "");
        FixtureSite.Run run = site.run("new", "--source", target.toString(), "--now", NOW, "First story");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly("content/2026/03/first-story.md");
        site.buildOk("--drafts");
        assertThat(site.page("/category/news/").select(".article-list h2 a").eachText())
                .containsExactlyInAnyOrder("Welcome to Gazette", "First story");
    }

    @Test
    void nonEmptyFolderIsRefusedAndLeftUntouched() throws IOException {
        Path target = Files.createDirectory(dir.resolve("busy"));
        Files.writeString(target.resolve("gazette.yaml"), "title: Mine\n");
        Files.createDirectories(target.resolve("content"));
        Files.writeString(target.resolve("content/note.md"), "my notes\n");
        Map<String, byte[]> before = FixtureSite.tree(target);

        FixtureSite.Run run = init(target);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(run.err().lines().toList()).containsExactly(
                "gazette: " + target + " is not empty; choose a new or empty folder (init never overwrites files)");
        assertThat(run.out()).isEmpty();
        Map<String, byte[]> after = FixtureSite.tree(target);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((rel, bytes) -> assertThat(after.get(rel)).as(rel).isEqualTo(bytes));
        assertThat(target.resolve("templates")).doesNotExist();
    }

    @Test
    void folderWithOnlyAHiddenFileIsNotEmpty() throws IOException {
        Path target = Files.createDirectory(dir.resolve("hidden"));
        Files.writeString(target.resolve(".keep"), "");

        assertThat(init(target).exitCode()).isEqualTo(ExitCodes.CONTENT_ERRORS);
        try (var entries = Files.list(target)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly(".keep");
        }
    }

    @Test
    void aFileInsteadOfAFolderIsRefused() throws IOException {
        Path target = Files.writeString(dir.resolve("file.txt"), "text\n");

        FixtureSite.Run run = init(target);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(run.err()).contains("exists and is not a folder");
        assertThat(Files.readString(target)).isEqualTo("text\n");
    }

    @Test
    void missingDirIsAUsageError() {
        FixtureSite.Run run = FixtureSite.write(dir, "").run("init");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("gazette: Missing required parameter: 'DIR'");
    }

    @Test
    void helpDescribesTheCommand() {
        FixtureSite.Run run = FixtureSite.write(dir, "").run("init", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: gazette init").contains("DIR").doesNotContain("--now");
    }
}
