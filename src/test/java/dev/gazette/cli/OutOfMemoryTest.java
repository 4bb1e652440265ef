package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.daemon.DaemonClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that runs out of memory says how much it had and how to give it more, exits 71, and
 * leaves the site as it was. The real cases run in a JVM of their own with a small heap, which a
 * template fills by doubling a string.
 */
class OutOfMemoryTest {

    private static final String GREEDY_TEMPLATE =
            "{% set s = \"x\" %}{% for i in range(1, 40) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}\n";

    @TempDir
    Path dir;

    /** One article; the template is added where a test needs it (any page of a build renders it). */
    private FixtureSite site() {
        return FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Memory Times
                -- content/report.md --
                ---
                title: A report
                date: 2022-12-22 20:26
                category: Politics
                ---
                Text.
                """);
    }

    @Test
    void aBuildThatRunsOutOfMemorySaysHowToGiveItMoreAndLeavesTheSiteAsItWas() throws Exception {
        FixtureSite site = site().buildOk();
        Map<String, byte[]> before = FixtureSite.tree(site.output());
        site.file("templates/404.html", GREEDY_TEMPLATE);

        // Run as the launcher runs it, which would start a build daemon after a build: not after this one.
        Process build = gazette("-D" + DaemonClient.SITE_PROPERTY + "=" + dir, "build", "--source", dir.toString());
        CompletableFuture<String> read = printed(build);

        assertThat(build.waitFor(60, TimeUnit.SECONDS)).as("the build ended").isTrue();
        String printed = read.get(10, TimeUnit.SECONDS);
        assertThat(build.exitValue()).as(printed).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(printed)
                .contains("gazette: out of memory: gazette build needed more than the 64 MB that Java may use")
                .contains("GAZETTE_JAVA_OPTS=-Xmx1g ./gazette build")
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("started a build daemon");
        // The new site was being assembled beside the old one: it is gone, the old one untouched.
        assertThat(FixtureSite.tree(site.output())).containsExactlyEntriesOf(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aPreviewThatRunsOutOfMemoryOnASaveSaysSoAndEnds() throws Exception {
        site().buildOk();
        Files.createDirectories(dir.resolve("templates"));
        Process serve = gazette("serve", "--source", dir.toString(), "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> {
                StringBuilder lines = new StringBuilder();
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.append(line).append('\n');
                        if (line.startsWith("Serving at ")) {
                            Files.writeString(dir.resolve("templates/404.html"), GREEDY_TEMPLATE);
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return lines.toString();
            });

            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("the preview ended").isTrue();
            String all = printed.get(10, TimeUnit.SECONDS);
            assertThat(serve.exitValue()).as(all).isEqualTo(ExitCodes.OUT_OF_MEMORY);
            assertThat(all).contains("Serving at ")
                    .contains("gazette: out of memory: gazette serve needed more than the 64 MB")
                    .contains("GAZETTE_JAVA_OPTS=-Xmx1g ./gazette serve")
                    .doesNotContain("\tat ");
            assertThat(leftovers()).isEmpty();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void aPreviewWhoseFirstBuildRunsOutOfMemoryEndsWithoutServing() throws Exception {
        site().file("templates/404.html", GREEDY_TEMPLATE);
        Process serve = gazette("serve", "--source", dir.toString(), "--port", "0");
        try {
            CompletableFuture<String> read = printed(serve);
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("the preview ended").isTrue();
            String printed = read.get(10, TimeUnit.SECONDS);
            assertThat(serve.exitValue()).as(printed).isEqualTo(ExitCodes.OUT_OF_MEMORY);
            assertThat(printed).contains("gazette: out of memory: gazette serve needed more")
                    .doesNotContain("Serving at ").doesNotContain("\tat ");
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void anErrorOnAWorkerThreadIsFoundInsideWhatWrapsIt() {
        for (Throwable thrown : List.of(new OutOfMemoryError("Java heap space"),
                new CompletionException(new OutOfMemoryError("GC overhead limit exceeded")))) {
            assertThat(buildFailingWith(thrown)).contains("gazette: out of memory: gazette build needed more than")
                    .contains("GAZETTE_JAVA_OPTS=-Xmx").doesNotContain("internal error");
        }
    }

    @Test
    void whatMoreHeapWouldNotHelpIsNotBlamedOnTheHeap() {
        assertThat(buildFailingWith(new OutOfMemoryError("unable to create native thread: possibly out of memory")))
                .contains("out of memory (unable to create native thread").contains("too little free memory")
                .doesNotContain("-Xmx");
        // As a template doubling a text fails under a heap of 6 GB.
        assertThat(buildFailingWith(new OutOfMemoryError("Required array length 1073741824 + 1073741824 is too large")))
                .contains("made a single value larger than Java allows").contains("endless text")
                .doesNotContain("-Xmx");
    }

    /** What a build that fails with {@code thrown} (an error or a runtime exception) prints, once it has exited 71. */
    private String buildFailingWith(Throwable thrown) {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"build", "--source", site().root().toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), (options, whileWaiting) -> {
                    if (thrown instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) thrown;
                });
        assertThat(code).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        return err.toString();
    }

    @Test
    void theBuildDaemonStopsAfterABuildThatRanOutOfMemory() {
        AtomicBoolean stopped = new AtomicBoolean();
        var commands = DaemonMain.commands((options, whileWaiting) -> {
            throw new OutOfMemoryError("Java heap space");
        }, () -> stopped.set(true));
        StringWriter err = new StringWriter();
        int code = commands.run(new String[] {"build", "--source", site().root().toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(err.toString()).contains("out of memory");
        assertThat(stopped).isTrue();

        stopped.set(false);
        var working = DaemonMain.commands(dev.gazette.build.SiteBuild::run, () -> stopped.set(true));
        assertThat(working.run(new String[] {"build", "--source", site().root().toString(), "--quiet"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
        assertThat(stopped).isFalse();
    }

    /**
     * {@code gazette <args>} in a JVM of its own, as the jar runs it, with a 64 MB heap; output and
     * errors merged. Leading {@code -D} arguments are the JVM's.
     */
    private Process gazette(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        List<String> all = List.of(args);
        int jvmArgs = (int) all.stream().takeWhile(arg -> arg.startsWith("-D")).count();
        command.addAll(all.subList(0, jvmArgs));
        command.add(Launch.class.getName());
        command.addAll(all.subList(jvmArgs, all.size()));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    /** All that {@code process} prints, read as it runs, so that waiting for it has a limit. */
    private static CompletableFuture<String> printed(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Folders a build left beside the output ({@code .site.new-*}, {@code .site.old-*}). */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".site")).toList();
        }
    }
}
