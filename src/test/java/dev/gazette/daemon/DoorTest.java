package dev.gazette.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's door for the launcher script, spoken to as bash speaks to it: a loopback port, a
 * token each way, NUL-ended fields, and the answer in lines.
 */
class DoorTest {

    private static final String LAUNCH_ID = "/opt/gazette/target/gazette.jar|24884229 1795862847.4|/usr/bin/java|||C.UTF-8";
    private static final String NOW = "2022-12-23T12:00:00+05:00";

    @TempDir
    Path dir;

    private Thread daemon;

    @AfterEach
    void stopDaemon() throws Exception {
        Optional<Path> socket = Wire.socketOf(dir.resolve("news"));
        if (socket.isPresent()) {
            Files.deleteIfExists(socket.get());
        }
        if (daemon != null) {
            daemon.join(10_000);
        }
        if (socket.isPresent()) {
            Files.deleteIfExists(Wire.beside(socket.get(), ".lock"));
        }
    }

    private FixtureSite site() {
        Optional<Path> socket = Wire.socketOf(dir.resolve("news"));
        Assumptions.assumeTrue(socket.isPresent() && Wire.socketPathFits(socket.get()), "no runtime folder for sockets");
        return FixtureSite.write(dir.resolve("news"), """
                -- content/2022/12/treaty.md --
                ---
                title: Treaty signed in Tashkent
                date: 2022-12-22 20:26
                category: Politics
                ---
                The presidents signed the treaty.
                """);
    }

    private Path door(FixtureSite site) {
        return Wire.beside(Wire.socketOf(site.root()).orElseThrow(), ".door");
    }

    /** A daemon of the site in a thread of this JVM, with a door for {@code launchId}; waits until it listens. */
    private void startDaemon(FixtureSite site, String launchId) {
        daemon = new Thread(() -> {
            try {
                BuildDaemon.serve(site.root(), Duration.ofMinutes(5), Duration.ofMinutes(5), Main::run,
                        stopped -> true, launchId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        daemon.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!DaemonClient.listening(Wire.socketOf(site.root()).orElseThrow())) {
            assertThat(System.nanoTime()).as("a daemon listens").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The door file's lines: magic, port, client token, daemon token, launch identity. */
    private List<String> doorLines(FixtureSite site) throws IOException {
        // The door opens a moment after the socket.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(door(site)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return Files.readAllLines(door(site), StandardCharsets.UTF_8);
    }

    /** What the daemon answered a client that sent {@code token}, then (if given) a request. */
    private static String talk(List<String> door, String token, String cwd, String... args) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), Integer.parseInt(door.get(1)))) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((token + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = line(in);
            if (first == null || cwd == null) {
                return first == null ? "" : first + "\n";
            }
            List<String> fields = new ArrayList<>(List.of(cwd, Integer.toString(args.length)));
            fields.addAll(List.of(args));
            for (String field : fields) {
                out.write(field.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
            out.flush();
            return first + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String cwd() {
        return Path.of("").toAbsolutePath().toString();
    }

    @Test
    void aClientWithTheTokenGetsTheDaemonsTokenAndTheBuildsOutputInLines() throws IOException {
        FixtureSite site = site();
        startDaemon(site, LAUNCH_ID);
        List<String> door = doorLines(site);
        assertThat(door).hasSize(5);
        assertThat(door.get(0)).isEqualTo(Door.MAGIC);
        assertThat(door.get(2)).matches("[0-9a-f]{32}").isNotEqualTo(door.get(3));
        assertThat(door.get(4)).isEqualTo(LAUNCH_ID);
        assertThat(Files.getPosixFilePermissions(door(site))).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        String answer = talk(door, door.get(2), cwd(), "build", "--source", site.root().toString(), "--now", NOW);

        assertThat(answer.lines().toList()).first().isEqualTo(door.get(3));
        assertThat(answer.lines().toList()).anyMatch(l -> l.startsWith("o Built 1 article into "))
                .last().isEqualTo("x 0");
        assertThat(site.page("/2022/12/22/treaty/").text()).contains("signed the treaty");
    }

    @Test
    void errorsComeBackOnStandardErrorWithTheirExitCode() throws IOException {
        FixtureSite site = site();
        startDaemon(site, LAUNCH_ID);
        site.file("content/2022/12/broken.md", "no front matter here\n");

        String answer = talk(doorLines(site), doorLines(site).get(2), cwd(), "build", "--source", site.root().toString());

        assertThat(answer.lines().toList()).contains("e content/2022/12/broken.md:1: no front matter; start the file"
                + " with a --- line, then title, date and category, then a closing --- line").last().isEqualTo("x 1");
        assertThat(answer).doesNotContain("\no ");
    }

    @Test
    void aWrongTokenGetsNothingAndBuildsNothing() throws IOException {
        FixtureSite site = site();
        startDaemon(site, LAUNCH_ID);
        List<String> door = doorLines(site);

        assertThat(talk(door, door.get(3), cwd(), "build", "--source", site.root().toString())).isEmpty();
        assertThat(talk(door, "0".repeat(32), cwd(), "build", "--source", site.root().toString())).isEmpty();
        assertThat(site.root().resolve("site")).doesNotExist();
    }

    @Test
    void aClientInAnotherWorkingFolderIsRefused() throws IOException {
        FixtureSite site = site();
        startDaemon(site, LAUNCH_ID);
        List<String> door = doorLines(site);

        String answer = talk(door, door.get(2), dir.toString(), "build", "--source", site.root().toString());

        assertThat(answer.lines().toList()).containsExactly(door.get(3), "r");
        assertThat(site.root().resolve("site")).doesNotExist();
    }

    @Test
    void aClientThatSaysNothingDoesNotKeepTheNextFromBeingServed() throws IOException {
        FixtureSite site = site();
        startDaemon(site, LAUNCH_ID);
        List<String> door = doorLines(site);
        try (Socket silent = new Socket(InetAddress.getByName("127.0.0.1"), Integer.parseInt(door.get(1)))) {

            String answer = talk(door, door.get(2), cwd(), "build", "--source", site.root().toString(), "--now", NOW);

            assertThat(answer.lines().toList()).last().isEqualTo("x 0");
        }
    }

    @Test
    void aCallerThatSendsAByteNowAndThenIsHungUpOn() throws Exception {
        FixtureSite site = site();
        startDaemon(site, LAUNCH_ID);
        List<String> door = doorLines(site);
        try (Socket slow = new Socket(InetAddress.getByName("127.0.0.1"), Integer.parseInt(door.get(1)))) {
            slow.setSoTimeout(500);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean hungUp = false;
            while (!hungUp && System.nanoTime() < deadline) {
                try {
                    slow.getOutputStream().write('0');
                    hungUp = slow.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException e) {
                    // still listened to
                } catch (IOException e) {
                    hungUp = true;
                }
            }
            assertThat(hungUp).as("hung up on within the handshake's time").isTrue();
        }
    }

    @Test
    void theDoorIsRemovedWhenTheDaemonStopsAndNeverOpenedWithoutALaunchIdentity() throws Exception {
        FixtureSite site = site();
        startDaemon(site, LAUNCH_ID);
        assertThat(doorLines(site)).hasSize(5);
        Files.delete(Wire.socketOf(site.root()).orElseThrow());
        daemon.join(20_000);
        assertThat(door(site)).doesNotExist();

        startDaemon(site, null);
        assertThat(buildThroughSocket(site)).contains(0); // the daemon is past opening any door
        assertThat(door(site)).doesNotExist();
        Files.delete(Wire.socketOf(site.root()).orElseThrow());
        daemon.join(20_000);

        startDaemon(site, "two\nlines");
        assertThat(buildThroughSocket(site)).contains(0);
        assertThat(door(site)).doesNotExist();
    }

    private static Optional<Integer> buildThroughSocket(FixtureSite site) {
        java.io.PrintStream sink = new java.io.PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return DaemonClient.run(site.root(), new Wire.Request(Wire.identity(), cwd(), "UTF-8", "UTF-8",
                List.of("build", "--source", site.root().toString(), "--now", NOW)), sink, sink);
    }
}
