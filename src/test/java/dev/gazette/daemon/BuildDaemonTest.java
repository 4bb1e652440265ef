package dev.gazette.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gazette build` handed to the site's build daemon must do and print what it does in-process. */
class BuildDaemonTest {

    private static final String NOW = "2022-12-23T12:00:00+05:00";

    @TempDir
    Path dir;

    private Thread daemon;
    private Process process;

    /** The socket of the site's daemon, in this user's runtime folder. */
    private static Path socket(Path site) {
        Optional<Path> socket = Wire.socketOf(site);
        Assumptions.assumeTrue(socket.isPresent(), "no private runtime folder for sockets here");
        return socket.get();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        Optional<Path> socket = Wire.socketOf(dir.resolve("news"));
        if (socket.isPresent()) {
            Files.deleteIfExists(socket.get());
        }
        if (daemon != null) {
            daemon.join(10_000);
        }
        if (process != null && !process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (socket.isPresent()) {
            Files.deleteIfExists(Wire.beside(socket.get(), ".lock"));
            Files.deleteIfExists(Wire.beside(socket.get(), ".log"));
        }
    }

    private FixtureSite site() {
        // A runtime folder too deep for a Unix socket path gets no daemon, by design.
        Assumptions.assumeTrue(Wire.socketPathFits(socket(dir.resolve("news"))));
        return FixtureSite.write(dir.resolve("news"), """
                -- gazette.yaml --
                title: Courier
                timezone: Asia/Tashkent
                -- content/2022/12/treaty.md --
                ---
                title: Treaty signed in Tashkent
                date: 2022-12-22 20:26
                category: Politics
                tags: [Tashkent]
                ---
                The presidents signed the treaty. See [the visit](visit.md).
                -- content/2022/12/visit.md --
                ---
                title: Visit begins
                date: 2022-12-21 10:00
                category: Politics
                ---
                The state visit began.
                """);
    }

    /** A daemon for the site in a thread of this JVM, serving {@link Main#run}; waits until it listens. */
    private void startDaemon(FixtureSite site, Duration idle, AtomicInteger warmUps) {
        daemon = new Thread(() -> {
            try {
                BuildDaemon.serve(site.root(), idle, Duration.ZERO, Main::run, stopped -> warmUps.incrementAndGet() > 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        daemon.start();
        awaitDaemon(site.root());
    }

    private static void awaitDaemon(Path site) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!DaemonClient.listening(socket(site))) {
            assertThat(System.nanoTime()).as("a daemon listens").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private record Reply(Optional<Integer> code, String out, String err) {
    }

    private static Reply viaDaemon(FixtureSite site, Wire.Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Optional<Integer> code = DaemonClient.run(site.root(), request, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Reply(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Wire.Request build(FixtureSite site, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--source", site.root().toString(), "--now", NOW));
        args.addAll(List.of(extra));
        return new Wire.Request(Wire.identity(), Path.of("").toAbsolutePath().toString(), "UTF-8", "UTF-8", args);
    }

    @Test
    void aBuildInTheDaemonWritesAndPrintsWhatOneInProcessDoes() throws IOException, InterruptedException {
        FixtureSite site = site().buildOk("--now", NOW);
        AtomicInteger warmUps = new AtomicInteger();
        startDaemon(site, Duration.ofMinutes(5), warmUps);
        site.file("content/2022/12/treaty.md", FixtureSite.article(
                "title: Treaty signed in Tashkent\ndate: 2022-12-22 20:26\ncategory: Politics\ntags: [Tashkent, Treaty]",
                "The presidents signed the treaty, & a new paragraph."));

        Reply reply = viaDaemon(site, build(site));

        assertThat(Files.getPosixFilePermissions(socket(site.root())))
                .as("only its owner may ask for a build").containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(reply.code()).contains(0);
        assertThat(reply.out()).startsWith("Built 2 articles into ").contains("written");
        assertThat(reply.err()).isEmpty();
        assertThat(site.page("/2022/12/22/treaty/").select("article").text()).contains("treaty, & a new paragraph");
        // The warm-up runs once the daemon is idle (here at once), and only once: it ran to its end.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (warmUps.get() == 0) {
            assertThat(System.nanoTime()).as("the warm-up ran").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(warmUps).hasValue(1);
        // The same sources built in this process, from scratch, give the same bytes.
        Path copy = dir.resolve("copy");
        FixtureSite.copyTree(site.root().resolve("content"), copy.resolve("content"));
        FixtureSite.copyTree(site.root().resolve("gazette.yaml"), copy.resolve("gazette.yaml"));
        FixtureSite cold = FixtureSite.write(copy, "").buildOk("--now", NOW);
        assertThat(FixtureSite.tree(site.output())).containsExactlyEntriesOf(FixtureSite.tree(cold.output()));
    }

    @Test
    void theWarmUpWaitsForQuietStopsForACallAndStartsAgainUntilItHasRunToItsEnd() throws Exception {
        FixtureSite site = site().buildOk("--now", NOW);
        AtomicInteger started = new AtomicInteger();
        java.util.concurrent.BlockingQueue<Boolean> stops = new java.util.concurrent.LinkedBlockingQueue<>();
        daemon = new Thread(() -> {
            try {
                BuildDaemon.serve(site.root(), Duration.ofMinutes(5), Duration.ofSeconds(3), Main::run, stopped -> {
                    // The first warm-up runs until a call stops it; the second runs to its end.
                    if (started.incrementAndGet() == 1) {
                        while (!stopped.getAsBoolean()) {
                            Thread.onSpinWait();
                        }
                        stops.add(true);
                        return false;
                    }
                    return true;
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        daemon.start();
        awaitDaemon(site.root());

        assertThat(viaDaemon(site, build(site)).code()).as("served at once").contains(0);
        assertThat(started).as("no warm-up within the quiet spell after a call").hasValue(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (started.get() == 0) {
            assertThat(System.nanoTime()).as("warm-up started").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(viaDaemon(site, build(site)).code()).as("served, the warm-up stopped").contains(0);
        assertThat(stops.poll(10, TimeUnit.SECONDS)).isTrue();
        while (started.get() < 2) {
            assertThat(System.nanoTime()).as("warm-up started again").isLessThan(deadline);
            Thread.sleep(10);
        }
        Thread.sleep(3500); // longer than the quiet spell
        assertThat(started).as("not again once it ran to its end").hasValue(2);
    }

    @Test
    void errorsComeBackWithTheirExitCodeAndTheSiteStaysAsItWas() {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());
        var before = FixtureSite.tree(site.output());
        site.file("content/2022/12/visit.md", "---\ntitle: Visit begins\ndate: someday\ncategory: Politics\n---\nText.\n");

        Reply reply = viaDaemon(site, build(site));

        assertThat(reply.code()).contains(1);
        assertThat(reply.err()).contains("content/2022/12/visit.md:3: unparseable date \"someday\"").contains("Build failed: ");
        assertThat(reply.out()).isEmpty();
        assertThat(FixtureSite.tree(site.output())).containsExactlyEntriesOf(before);
    }

    @Test
    void usageErrorsAndHelpArePrintedAsInProcess() {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());

        Reply unknown = viaDaemon(site, build(site, "--colour"));
        FixtureSite.Run inProcess = site.run("build", "--source", site.root().toString(), "--now", NOW, "--colour");

        assertThat(unknown.code()).contains(2);
        assertThat(unknown.err()).isEqualTo(inProcess.err()).contains("--colour");
    }

    @Test
    void aClientInAnotherWorkingFolderIsLeftToBuildItselfAndTheDaemonGoesOn() {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());
        Wire.Request right = build(site);
        Wire.Request elsewhere = new Wire.Request(right.identity(), dir.toString(), "UTF-8", "UTF-8", right.args());

        assertThat(viaDaemon(site, elsewhere).code()).isEmpty();
        assertThat(viaDaemon(site, right).code()).contains(0);
    }

    @Test
    void aClientOfAnotherGazetteBuildStopsTheDaemon() throws InterruptedException {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());
        Wire.Request right = build(site);
        Wire.Request newer = new Wire.Request(right.identity() + "|rebuilt", right.cwd(), "UTF-8", "UTF-8", right.args());

        assertThat(viaDaemon(site, newer).code()).isEmpty();
        daemon.join(10_000);
        assertThat(daemon.isAlive()).isFalse();
        assertThat(socket(site.root())).doesNotExist();
        assertThat(viaDaemon(site, right).code()).isEmpty();
    }

    @Test
    void anIdleDaemonStopsAndRemovesItsSocket() throws InterruptedException {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMillis(300), new AtomicInteger());

        daemon.join(10_000);

        assertThat(daemon.isAlive()).isFalse();
        assertThat(socket(site.root())).doesNotExist();
    }

    @Test
    void removingItsSocketStopsTheDaemon() throws IOException, InterruptedException {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());

        Files.delete(socket(site.root()));
        daemon.join(10_000);

        assertThat(daemon.isAlive()).isFalse();
    }

    @Test
    void aSecondDaemonForTheSameSiteLeavesAtOnce() throws IOException {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());
        AtomicInteger secondWarmUps = new AtomicInteger();

        BuildDaemon.serve(site.root(), Duration.ofMinutes(5), Duration.ZERO, Main::run,
                stopped -> secondWarmUps.incrementAndGet() > 0);

        assertThat(secondWarmUps).hasValue(0);
        assertThat(daemon.isAlive()).isTrue();
        assertThat(viaDaemon(site, build(site)).code()).contains(0);
    }

    @Test
    void withoutADaemonTheClientGetsNoAnswer() throws IOException {
        FixtureSite site = site().buildOk("--now", NOW);

        assertThat(viaDaemon(site, build(site)).code()).isEmpty();
        // A socket file left by a daemon that was killed is no daemon either.
        Files.write(socket(site.root()), new byte[0]);
        try {
            assertThat(viaDaemon(site, build(site)).code()).isEmpty();
        } finally {
            Files.delete(socket(site.root()));
        }
    }

    /** Its socket is kept out of the site: a clean build (output and caches deleted) finds it warm. */
    @Test
    void aCleanBuildFindsTheDaemon() throws IOException {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());
        FixtureSite.deleteTree(site.root().resolve(".gazette"));
        FixtureSite.deleteTree(site.output());

        Reply reply = viaDaemon(site, build(site));

        assertThat(reply.code()).contains(0);
        assertThat(reply.out()).startsWith("Built 2 articles into ");
        assertThat(site.page("/2022/12/22/treaty/").select("h1").text()).isEqualTo("Treaty signed in Tashkent");
        assertThat(daemon.isAlive()).isTrue();
    }

    @Test
    void stopEndsTheDaemonAndWaitsForIt() throws IOException {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());

        assertThat(DaemonClient.stop(site.root(), Duration.ofSeconds(20))).isTrue();

        assertThat(daemon.isAlive()).as("ended before stop returned").isFalse();
        assertThat(DaemonClient.stop(site.root(), Duration.ofSeconds(20))).as("none left").isFalse();
        assertThat(viaDaemon(site, build(site)).code()).isEmpty();
    }

    @Test
    void deletingItsSiteStopsTheDaemon() throws IOException, InterruptedException {
        FixtureSite site = site().buildOk("--now", NOW);
        startDaemon(site, Duration.ofMinutes(5), new AtomicInteger());

        FixtureSite.deleteTree(site.root());
        daemon.join(10_000);

        assertThat(daemon.isAlive()).isFalse();
    }

    @Test
    void startRunsADaemonInItsOwnProcessThatServesTheNextBuilds() throws Exception {
        FixtureSite site = site().buildOk("--now", NOW);
        assertThat(DaemonClient.start(dir.resolve("nowhere"))).as("not a built site").isEmpty();

        process = DaemonClient.start(site.root()).orElseThrow();
        awaitDaemon(site.root());
        assertThat(DaemonClient.start(site.root())).as("one is listening").isEmpty();
        site.file("content/2022/12/visit.md", FixtureSite.article(
                "title: Visit begins\ndate: 2022-12-21 10:00\ncategory: Politics", "The state visit began at noon."));

        Reply reply = viaDaemon(site, build(site));

        assertThat(reply.code()).contains(0);
        assertThat(reply.out()).startsWith("Built 2 articles");
        assertThat(site.page("/2022/12/21/visit/").text()).contains("began at noon");
        Files.delete(socket(site.root()));
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(site.root().resolve(".gazette/warm-up")).doesNotExist();
    }
}
