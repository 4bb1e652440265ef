package dev.gazette.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette check}: builds, checks the output, prints each problem and a summary line. */
class CheckCommandTest {

    private static final String SITE = """
            -- gazette.yaml --
            title: Check Courier
            baseUrl: https://example.org/news/
            timezone: Asia/Tashkent
            -- content/2022/12/treaty.md --
            ---
            title: Allied treaty signed
            date: 2022-12-22 20:26
            category: Politics
            tags: [Uzbekistan, Kazakhstan]
            author: Dilnoza Karimova
            ---
            The presidents signed the treaty. See [the archive](/archive/) and the [road closures](closures.md#detours).

            ## Reactions

            Read the [reactions](#reactions) below.
            -- content/2022/12/closures.md --
            ---
            title: Roads closed for the state visit
            date: 2022-12-22 09:00
            category: Society
            ---
            Several roads are closed.

            ## Detours

            Use the ring road.
            """;

    @TempDir
    Path dir;

    @Test
    void goodSiteHasNoProblems() {
        FixtureSite site = FixtureSite.write(dir, SITE);
        FixtureSite.Run run = site.run("check", "--source", dir.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).matches("Checked \\d+ pages: no problems\\.\\R");
        assertThat(run.exitCode()).isZero();
        assertThat(site.outputFile("/2022/12/22/treaty/")).isRegularFile();
    }

    @Test
    void authorWrittenRootLinkToAMissingPageFailsTheCheck() {
        FixtureSite site = FixtureSite.write(dir, SITE).file("content/2022/12/promise.md", FixtureSite.article("""
                title: A promise for the future
                date: 2022-12-23 10:00
                category: Politics
                """, "The line will open [in 2031](/2031/01/01/nowhere/).\n"));
        site.buildOk();

        FixtureSite.Run run = site.run("check", "--source", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly(
                "2022/12/23/promise/index.html: /news/2031/01/01/nowhere/ -> no such page (2031/01/01/nowhere/index.html)",
                "Checked " + pages(site) + " pages: 1 problem.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noBuildChecksTheOutputAsItIs() {
        FixtureSite site = FixtureSite.write(dir, SITE).buildOk();
        site.file("content/2022/12/later.md", FixtureSite.article("""
                title: Written after the build
                date: 2022-12-24
                category: Politics
                """, "See [nothing](/nothing/).\n"));

        FixtureSite.Run run = site.run("check", "--source", dir.toString(), "--no-build");
        assertThat(run.out()).startsWith("Checked ").endsWith("no problems." + System.lineSeparator());
        assertThat(run.exitCode()).isZero();
        assertThat(site.exists("/2022/12/24/later/")).isFalse();
    }

    @Test
    void noBuildFindsProblemsInTheExistingOutput() {
        FixtureSite site = FixtureSite.write(dir, SITE).buildOk();
        site.file("site/extra/index.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Extra</title></head>"
                + "<body><a href=\"/news/missing/\">x</a> <a href=\"#gone\">y</a></body></html>");

        FixtureSite.Run run = site.run("check", "--source", dir.toString(), "--no-build");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly(
                "extra/index.html: #gone -> no element with id \"gone\" on this page",
                "extra/index.html: /news/missing/ -> no such page (missing/index.html)",
                "extra/index.html: <link rel=\"canonical\"> -> missing",
                "Checked " + pages(site) + " pages: 3 problems.");
    }

    @Test
    void noBuildWithoutAnOutputFolderIsAUsageError() {
        FixtureSite site = FixtureSite.write(dir, SITE);
        FixtureSite.Run run = site.run("check", "--source", dir.toString(), "--no-build");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("gazette: no such folder: " + site.output()
                + "; build the site first or leave out --no-build");
        assertThat(run.out()).isEmpty();
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void outputOptionChoosesTheFolderToBuildAndCheck() {
        FixtureSite site = FixtureSite.write(dir, SITE);
        Path out = dir.resolve("public");
        FixtureSite.Run run = site.run("check", "--source", dir.toString(), "--output", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void failedBuildPrintsItsDiagnosticsAndChecksNothing() {
        FixtureSite site = FixtureSite.write(dir, SITE).file("content/broken.md", "no front matter here\n");
        FixtureSite.Run run = site.run("check", "--source", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("content/broken.md:1: no front matter").contains("Build failed: 1 problem")
                .doesNotContain("Checked");
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void missingSourceFolderIsAUsageError() {
        FixtureSite.Run run = FixtureSite.write(dir, "").run("check", "--source", "/no/such/dir");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("gazette: no such folder: /no/such/dir");
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        FixtureSite.Run run = FixtureSite.write(dir, "").run("check", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: gazette check").contains("--source", "--output", "--no-build", "Exit codes:");
    }

    private static long pages(FixtureSite site) {
        return FixtureSite.tree(site.output()).keySet().stream().filter(p -> p.endsWith(".html")).count();
    }
}
