package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.daemon.DaemonClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette build} as the launcher runs it: through the site's build daemon, started on first use. */
class LaunchTest {

    private static final String NOW = "2022-12-23T12:00:00+05:00";

    @TempDir
    Path dir;

    private Path socket() {
        Optional<Path> socket = DaemonClient.socket(dir);
        Assumptions.assumeTrue(socket.isPresent(), "no private runtime folder for sockets here");
        return socket.get();
    }

    /** Stops the daemon this test started, and waits until it has left the folder. */
    @AfterEach
    void stopDaemon() throws Exception {
        Optional<Path> socket = DaemonClient.socket(dir);
        if (socket.isEmpty()) {
            return;
        }
        Files.deleteIfExists(socket.get());
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            if (child.info().arguments().map(a -> java.util.Arrays.asList(a).contains(dir.toString())).orElse(false)) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        for (String suffix : new String[] {".lock", ".log"}) {
            String name = socket.get().getFileName().toString().replace(".sock", suffix);
            Files.deleteIfExists(socket.get().resolveSibling(name));
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run launch(String daemonSite, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launch.launch(args, daemonSite, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private boolean daemonListens() {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket()));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theFirstBuildStartsADaemonAndTheNextBuildsRunInIt() throws InterruptedException {
        // A runtime folder too deep for a Unix socket path gets no daemon, by design.
        Assumptions.assumeTrue(socket().toString().length() <= 100);
        FixtureSite site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Courier
                -- content/one.md --
                ---
                title: First
                date: 2022-12-22 20:26
                category: Politics
                ---
                One.
                """);
        String[] build = {"build", "--source", dir.toString(), "--now", NOW};

        Run first = launch(dir.toString(), build);
        assertThat(first.code()).isZero();
        assertThat(first.out()).startsWith("Built 1 article into ");
        assertThat(first.err()).startsWith("gazette: started a build daemon for this site");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!daemonListens()) {
            assertThat(System.nanoTime()).as("the daemon listens").isLessThan(deadline);
            Thread.sleep(20);
        }

        site.file("content/one.md", FixtureSite.article("title: First, updated\ndate: 2022-12-22 20:26\ncategory: Politics", "One."));
        Run second = launch(dir.toString(), build);

        assertThat(second.code()).isZero();
        assertThat(second.out()).startsWith("Built 1 article into ").contains("written");
        assertThat(second.err()).isEmpty();
        assertThat(site.page("/2022/12/22/one/").select("h1").text()).isEqualTo("First, updated");

        // A clean build: the daemon lives on, outside the site.
        FixtureSite.deleteTree(dir.resolve(".gazette"));
        FixtureSite.deleteTree(site.output());
        Run clean = launch(dir.toString(), build);
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).startsWith("Built 1 article into ");
        assertThat(clean.err()).isEmpty();
        assertThat(daemonListens()).isTrue();

        Run stop = launch(dir.toString(), "stop-daemon", "--source", dir.toString());
        assertThat(stop.code()).isZero();
        assertThat(stop.out()).isEqualTo("Stopped the build daemon of " + dir + ".\n");
        assertThat(daemonListens()).isFalse();
        assertThat(launch(dir.toString(), "stop-daemon", "--source", dir.toString()).out())
                .isEqualTo("No build daemon runs for " + dir + ".\n");
    }

    @Test
    void withoutTheLauncherNoDaemonIsStarted() {
        FixtureSite.write(dir, "-- gazette.yaml --\ntitle: Courier\n");

        Run run = launch(null, "build", "--source", dir.toString(), "--now", NOW);

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(socket()).doesNotExist();
    }

    @Test
    void aUsageErrorStartsNoDaemon() {
        FixtureSite.write(dir, "-- gazette.yaml --\ntitle: Courier\n-- .gazette/cache/.keep --\n");

        Run run = launch(dir.toString(), "build", "--source", dir.toString(), "--colour");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--colour").doesNotContain("daemon");
        assertThat(socket()).doesNotExist();
    }

    @Test
    void askingForHelpStartsNoDaemon() {
        FixtureSite.write(dir, "-- gazette.yaml --\ntitle: Courier\n-- .gazette/cache/.keep --\n");

        Run run = launch(dir.toString(), "build", "--source", dir.toString(), "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: gazette build");
        assertThat(run.err()).doesNotContain("daemon");
        assertThat(socket()).doesNotExist();
    }
}
