package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.build.KeptBuilds;
import dev.gazette.daemon.BuildDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code gazette} command line: help, version, usage errors and the build summary. */
class CliTest {

    @TempDir
    Path dir;
    FixtureSite site;

    @BeforeEach
    void writeSite() {
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: CLI Courier
                timezone: Asia/Tashkent
                -- content/one.md --
                ---
                title: First
                date: 2022-12-22 20:26
                category: Politics
                ---
                One.
                -- content/two.md --
                ---
                title: Second
                date: 2022-12-23 09:00
                category: Economy
                ---
                Two.
                """);
    }

    @Test
    void theDaemonsBuildsKeepTheirSessionAndReadOnlyWhatChanged() throws Exception {
        // The config is old enough to be trusted by its size and time; one written just now is not.
        Files.setLastModifiedTime(dir.resolve("gazette.yaml"), java.nio.file.attribute.FileTime.fromMillis(0));
        KeptBuilds builds = new KeptBuilds();
        try {
            BuildDaemon.CommandRunner commands = DaemonMain.commands(builds::run, () -> { });
            String[] build = {"build", "--source", dir.toString(), "--timings"};
            // The cold build writes the parse cache, so its session is not kept; the next one is.
            assertThat(daemonRun(commands, build)).contains("  load ");
            site.file("content/two.md", FixtureSite.article(
                    "title: Second, edited\ndate: 2022-12-23 09:00\ncategory: Economy", "Two, edited."));
            assertThat(daemonRun(commands, build)).contains("  load ");
            site.file("content/one.md", FixtureSite.article(
                    "title: First, edited\ndate: 2022-12-22 20:26\ncategory: Politics", "One, edited."));
            assertThat(daemonRun(commands, build)).contains("  reload ").doesNotContain("  load ");
            assertThat(site.page("/2022/12/22/one/").select("article").text()).contains("One, edited.");
        } finally {
            builds.close();
        }
    }

    @Test
    void theDaemonBuildsTheFirstEditInTheSessionItPreparedWhileQuiet() throws Exception {
        // Sources old enough to be trusted by their size and time, built without the daemon.
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
            }
        }
        String[] build = {"build", "--source", dir.toString(), "--timings"};
        assertThat(site.run(build).exitCode()).isZero();
        KeptBuilds builds = new KeptBuilds(new dev.gazette.build.BuildOptions(dir, dir.resolve("site"), null, false));
        try {
            assertThat(DaemonMain.whenQuiet(dir, builds).run(() -> false)).isTrue();
            site.file("content/one.md", FixtureSite.article(
                    "title: First, edited\ndate: 2022-12-22 20:26\ncategory: Politics", "One, edited."));
            assertThat(daemonRun(DaemonMain.commands(builds::run, () -> { }), build)).contains("  reload ");
        } finally {
            builds.close();
        }
    }

    private static String daemonRun(BuildDaemon.CommandRunner commands, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = commands.run(args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private static void assertNoStackTrace(FixtureSite.Run run) {
        assertThat(run.err() + run.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpPrintsUsageWithTheBuildCommand() {
        FixtureSite.Run run = site.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: gazette").contains("build").contains("--version");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void buildHelpListsItsOptionsAndExitCodes() {
        FixtureSite.Run run = site.run("build", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: gazette build")
                .contains("--source", "--output", "--base-url", "--drafts", "--quiet")
                .contains("Exit codes:");
        assertThat(run.err()).isEmpty();
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void aCommandNamedFirstIsTheOnlyOneSetUpButHelpAndTyposSeeAll() {
        List<String> all = List.of("build", "check", "serve", "new", "init", "stop-daemon", "help");

        assertThat(Main.commandLine(new String[] {"build", "-q"}).getSubcommands()).containsOnlyKeys("build");
        assertThat(Main.commandLine(new String[] {"init", "x"}).getSubcommands()).containsOnlyKeys("init");
        assertThat(Main.commandLine(new String[] {"help", "build"}).getSubcommands().keySet()).containsExactlyElementsOf(all);
        assertThat(Main.commandLine(new String[] {"bild"}).getSubcommands().keySet()).containsExactlyElementsOf(all);
        assertThat(Main.commandLine(new String[0]).getSubcommands().keySet()).containsExactlyElementsOf(all);
    }

    @Test
    void helpCommandShowsTheBuildUsage() {
        FixtureSite.Run run = site.run("help", "build");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: gazette build");
    }

    @Test
    void versionPrintsGazetteAndTheProjectVersion() throws Exception {
        String pom = Files.readString(Path.of("").toAbsolutePath().resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>gazette</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).as("version in pom.xml").isTrue();

        FixtureSite.Run run = site.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst()).hasValue("Gazette " + version.group(1));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageErrorWithAShortMessage() {
        FixtureSite.Run run = site.build("--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(
                "gazette: Unknown option: '--frobnicate'",
                "Try 'gazette build --help' for more information.");
        assertThat(run.out()).isEmpty();
        assertNoStackTrace(run);
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void unknownTopLevelOptionIsAUsageError() {
        FixtureSite.Run run = site.run("--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("gazette: Unknown option: '--frobnicate'");
        assertNoStackTrace(run);
    }

    @Test
    void noCommandIsAUsageError() {
        FixtureSite.Run run = site.run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: gazette").contains("a command is required");
        assertNoStackTrace(run);
    }

    @Test
    void missingSourceFolderIsAUsageError() {
        FixtureSite.Run run = site.run("build", "--source", "/no/such/dir");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("gazette: no such folder: /no/such/dir");
        assertThat(run.out()).isEmpty();
        assertNoStackTrace(run);
        assertThat(Path.of("/no/such/dir")).doesNotExist();
    }

    @Test
    void optionWithoutItsValueIsAUsageError() {
        FixtureSite.Run run = site.run("build", "--source");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("gazette: ").contains("--source");
        assertNoStackTrace(run);
    }

    @Test
    void successfulBuildPrintsOneSummaryLine() {
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        int files = FixtureSite.tree(site.output()).size();
        assertThat(run.out()).matches("Built 2 articles into " + files + " files in "
                + Pattern.quote(site.output().toString()) + " in \\d+\\.\\d\\d s \\(" + files
                + " written, 0 unchanged, 0 removed\\)\\.\\R");
    }

    @Test
    void singleArticleIsCountedInTheSingular() {
        Path single = dir.resolve("single");
        FixtureSite one = FixtureSite.write(single, """
                -- content/one.md --
                ---
                title: Only
                date: 2022-12-22
                category: Politics
                ---
                Alone.
                """);
        assertThat(one.build().out()).startsWith("Built 1 article into ");
    }

    @Test
    void outputOptionChoosesTheFolder() {
        Path out = dir.resolve("public");
        FixtureSite.Run run = site.build("--output", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void quietBuildPrintsNothing() {
        for (String flag : new String[] {"--quiet", "-q"}) {
            FixtureSite.Run run = site.build(flag);
            assertThat(run.exitCode()).as(flag).isZero();
            assertThat(run.out()).as(flag).isEmpty();
            assertThat(run.err()).as(flag).isEmpty();
            assertThat(site.outputFile("/")).as(flag).isRegularFile();
        }
    }

    @Test
    void quietStillReportsErrors() {
        site.file("content/broken.md", "no front matter here\n");
        FixtureSite.Run run = site.build("--quiet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("content/broken.md:1: no front matter");
    }

    @Test
    void badBaseUrlIsAUsageError() {
        FixtureSite.Run run = FixtureSite.write(dir, "").build("--base-url", "notaurl");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--base-url \"notaurl\" is not an absolute http(s) URL");
    }
}
