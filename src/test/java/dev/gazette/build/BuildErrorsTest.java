package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildErrorsTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            -- content/good.md --
            ---
            title: Good article
            date: 2022-12-22 20:26
            category: Politics
            ---
            Fine.
            """;

    @Test
    void everyContentProblemIsReportedAtOnceWithFileAndLine() {
        FixtureSite site = FixtureSite.write(dir, GOOD + """
                -- content/bad-yaml.md --
                ---
                title: Broken
                date: 2022-12-22
                tags: [one, two
                category: Politics
                ---
                Body.
                -- content/no-title.md --
                ---
                date: 2022-12-22
                category: Politics
                ---
                Body.
                -- content/no-date.md --
                ---
                title: No date
                category: Politics
                ---
                Body.
                -- content/no-category.md --
                ---
                title: No category
                date: 2022-12-22
                ---
                Body.
                -- content/bad-date.md --
                ---
                title: Bad date
                category: Politics
                date: 22/12/2022 8pm
                ---
                Body.
                -- content/no-front-matter.md --
                Just text.
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("content/bad-yaml.md:5: invalid YAML: expected ',' or ']'").contains("starts on line 4");
        assertThat(run.err()).contains("content/no-title.md:2: missing title");
        assertThat(run.err()).contains("content/no-date.md:2: missing date");
        assertThat(run.err()).contains("content/no-category.md:2: missing category");
        assertThat(run.err()).contains("content/bad-date.md:4: unparseable date \"22/12/2022 8pm\"; write it as");
        assertThat(run.err()).contains("content/no-front-matter.md:1: no front matter");
        assertThat(run.err()).contains("Build failed: 6 problems");
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAndTheRestStillChecked() throws java.io.IOException {
        FixtureSite site = FixtureSite.write(dir, GOOD + """
                -- content/no-title.md --
                ---
                date: 2022-12-22
                category: Politics
                ---
                Body.
                """);
        java.nio.file.Files.write(dir.resolve("content/latin1.md"),
                "---\ntitle: Caf\u00e9\ndate: 2022-12-22\ncategory: Politics\n---\nBody.\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("content/latin1.md: the file is not valid UTF-8; save it as UTF-8")
                .contains("content/no-title.md:2: missing title").contains("Build failed: 2 problems");
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void twoArticlesWithOneUrlNameBothFiles() {
        FixtureSite site = FixtureSite.write(dir, """
                -- content/a/treaty.md --
                ---
                title: First
                date: 2022-12-22 20:26
                category: Politics
                ---
                One.
                -- content/b/treaty.md --
                ---
                title: Second
                date: 2022-12-22 10:00
                category: Politics
                ---
                Two.
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(
                "content/b/treaty.md:2: URL /2022/12/22/treaty/ is also used by content/a/treaty.md");
    }

    @Test
    void unknownTemplateVariableNamesTheTemplateAndLine() {
        FixtureSite site = FixtureSite.write(dir, GOOD + """
                -- templates/article.html --
                <!DOCTYPE html>
                <html lang="en"><head><title>{{ article.title }}</title></head>
                <body>{{ article.headline }}</body></html>
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("templates/article\\.html:3: .*headline");
    }

    @Test
    void missingTemplateIsNamed() {
        FixtureSite site = FixtureSite.write(dir, GOOD + """
                -- templates/home.html --
                {% include "partials/teaser-card.html" %}
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("templates/home.html:1:").contains("partials/teaser-card.html");
    }

    @Test
    void failedBuildLeavesThePreviousSiteUntouched() throws Exception {
        FixtureSite site = FixtureSite.write(dir, GOOD).buildOk();
        Map<String, byte[]> before = FixtureSite.tree(site.output());
        long mtime = Files.getLastModifiedTime(site.outputFile("/")).toMillis();
        site.add("""
                -- content/broken.md --
                ---
                title: [unclosed
                ---
                """);
        site.file("content/good.md", FixtureSite.article("title: Changed\ndate: 2022-12-22\ncategory: Politics", "x"));
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("content/broken.md:").contains("was left as it was");
        Map<String, byte[]> after = FixtureSite.tree(site.output());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        assertThat(Files.getLastModifiedTime(site.outputFile("/")).toMillis()).isEqualTo(mtime);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".site."));
        }
    }

    @Test
    void unknownCategoryIsAnErrorWhenCategoriesAreDeclared() {
        FixtureSite site = FixtureSite.write(dir, """
                -- gazette.yaml --
                categories: [Politics, Economy]
                -- content/budget.md --
                ---
                title: Budget
                date: 2023-01-01
                category: Politcs
                ---
                Numbers.
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("content/budget.md:4: unknown category \"Politcs\"; use one of Politics, Economy");
    }

    @Test
    void badConfigKeysAndValuesNameTheirLines() {
        FixtureSite site = FixtureSite.write(dir, GOOD + """
                -- gazette.yaml --
                title: Courier
                timezone: Asia/Taskent
                pageSize: many
                colour: blue
                permalink: /:year/:title/
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("gazette.yaml:2: unknown time zone \"Asia/Taskent\"");
        assertThat(run.err()).contains("gazette.yaml:3: pageSize \"many\"");
        assertThat(run.err()).contains("gazette.yaml:4: unknown key \"colour\"");
        assertThat(run.err()).contains("gazette.yaml:5: unknown permalink token \":title\"");
    }

    @Test
    void outputFolderHoldingOtherFilesIsNotReplaced() throws Exception {
        FixtureSite site = FixtureSite.write(dir, GOOD);
        Path precious = dir.resolve("documents/thesis.txt");
        Files.createDirectories(precious.getParent());
        Files.writeString(precious, "years of work");
        FixtureSite.Run run = site.build("--output", dir.resolve("documents").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("does not look like a site Gazette built");
        assertThat(Files.readString(precious)).isEqualTo("years of work");
        FixtureSite.Run intoSource = site.build("--output", dir.toString());
        assertThat(intoSource.exitCode()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("content/good.md"))).isTrue();
    }

    @Test
    void linkToAMissingArticleOrFileIsAnErrorWithItsLine() {
        FixtureSite site = FixtureSite.write(dir, GOOD + """
                -- content/links.md --
                ---
                title: Links
                date: 2022-12-23
                category: Politics
                ---
                See [the earlier report](good.md).

                And [this one](missing.md) and ![a photo](photo.jpg).
                """);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("content/links.md:8: link \"missing.md\" points at content/missing.md, which does not exist");
        assertThat(run.err()).contains("content/links.md:8: link \"photo.jpg\"");
        assertThat(run.err()).doesNotContain("good.md\"");
    }
}
