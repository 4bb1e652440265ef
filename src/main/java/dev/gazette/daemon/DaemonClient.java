package dev.gazette.daemon;

import dev.gazette.build.BuildSession;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The side of {@code gazette build} that hands the command to the site's build daemon, and starts
 * one when there is none. It runs in a JVM that has just started, so it loads as little as it can.
 */
public final class DaemonClient {

    /** Set by the launcher to the site folder of a {@code build}: that build may use a daemon. */
    public static final String SITE_PROPERTY = "gazette.daemon.site";

    /**
     * JVM options of this process the daemon does not take: it runs long, so it keeps the optimising
     * compiler at its usual thresholds, and it sizes and ages its young generation itself (see
     * daemonOptions).
     */
    private static final List<String> NOT_FOR_THE_DAEMON = List.of("-XX:TieredStopAtLevel",
            "-XX:CompileThresholdScaling", "-Xmn", "-XX:MaxTenuringThreshold", "-D" + SITE_PROPERTY,
            "-XX:ArchiveClassesAtExit", "-XX:StartFlightRecording", "-agentlib", "-javaagent", "-Xrunjdwp");

    private DaemonClient() {
    }

    /**
     * Runs the command in the daemon of {@code site} and prints what it prints.
     *
     * @return its exit code, or empty when no daemon of this Gazette took the command (none runs, it
     *     stopped, or it serves another working folder or version); the caller then runs it itself
     */
    public static Optional<Integer> run(Path site, String[] args, PrintStream out, PrintStream err) {
        Path cwd = Path.of("").toAbsolutePath();
        return run(site, new Wire.Request(Wire.identity(), cwd.toString(), charsetOf("sun.stdout.encoding").name(),
                charsetOf("sun.stderr.encoding").name(), List.of(args)), out, err);
    }

    static Optional<Integer> run(Path site, Wire.Request request, PrintStream out, PrintStream err) {
        Path socket = Wire.socketOf(site).orElse(null);
        if (socket == null || !Files.exists(socket)) {
            return Optional.empty();
        }
        boolean printed = false;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream toDaemon = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            DataInputStream fromDaemon = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            request.writeTo(toDaemon);
            if (fromDaemon.readByte() != Wire.ACCEPTED) {
                return Optional.empty();
            }
            while (true) {
                byte kind = fromDaemon.readByte();
                if (kind == Wire.EXIT) {
                    return Optional.of(fromDaemon.readInt());
                }
                byte[] bytes = new byte[fromDaemon.readInt()];
                fromDaemon.readFully(bytes);
                PrintStream to = kind == Wire.STDERR ? err : out;
                to.write(bytes);
                to.flush();
                printed = true;
            }
        } catch (EOFException | java.net.SocketException | java.nio.channels.ClosedChannelException e) {
            // The daemon stopped before it answered (out of memory, killed): the build is atomic,
            // so running it here gives the result it would have given.
            if (printed) {
                err.println("gazette: the build daemon stopped during the build; building again without it.");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts a daemon for {@code site} in the background, for the next builds. Nothing is started
     * for a folder that is not a built site (it has no {@code .gazette} folder yet), where the
     * user has no private runtime folder or its path is too long for a socket, nor when a daemon
     * listens already (it serves another working folder).
     *
     * @return the daemon's process, or empty when none was started
     */
    public static Optional<Process> start(Path site) {
        Path socket = Wire.socketOf(site).orElse(null);
        if (socket == null || !Files.isDirectory(site.resolve(BuildSession.STATE_DIR)) || !Wire.socketPathFits(socket)
                || listening(socket)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(daemonOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BuildDaemon.MAIN_CLASS,
                site.toAbsolutePath().normalize().toString()));
        try {
            // Its output goes to a log, never to this process's streams: whoever reads those
            // (a terminal, a CI job, a script) sees them close when this build ends.
            return Optional.of(new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(Wire.beside(socket, ".log").toFile())
                    .start());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * The daemon's JVM options, from those of the JVM that starts it ({@code jvmOptions}): a young
     * generation that holds all a small build allocates, so that with the collection the daemon
     * runs between builds such a build is never paused (on 10,000 articles, one young collection
     * of 50-100 ms per edit otherwise); then the options given to this JVM, which win, but for
     * those that suit only a one-off build (the quick compiler alone, the launcher's small young
     * generation) or only this process. The parallel collector, which the launcher gives a build in
     * its own JVM, becomes the serial one: in the daemon it doubled the peak RSS (1,155 MiB
     * instead of 563 on 10,000 articles) and slowed every build.
     */
    static List<String> daemonOptions(List<String> jvmOptions) {
        List<String> options = new ArrayList<>();
        options.add("-XX:NewSize=256m");
        for (String option : jvmOptions) {
            if (option.equals("-XX:+UseParallelGC")) {
                options.add("-XX:+UseSerialGC");
            } else if (NOT_FOR_THE_DAEMON.stream().noneMatch(option::startsWith)) {
                options.add(option);
            }
        }
        return options;
    }

    /**
     * Stops the daemon of {@code site}, if one runs: removes its socket, which it notices within a
     * second, and waits (up to {@code wait}) until it has let go of its lock, i.e. ended.
     *
     * @return whether a daemon was running; it has ended unless it was busy for all of {@code wait}
     *     (it ends after the build it is on)
     */
    public static boolean stop(Path site, Duration wait) throws IOException {
        Path socket = Wire.socketOf(site).orElse(null);
        if (socket == null || !listening(socket)) {
            return false;
        }
        Files.deleteIfExists(socket);
        long deadline = System.nanoTime() + wait.toNanos();
        try (FileChannel lockFile = FileChannel.open(Wire.beside(socket, ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (System.nanoTime() < deadline) {
                try (FileLock lock = BuildDaemon.tryLock(lockFile)) {
                    if (lock != null) {
                        return true;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return true;
    }

    /** Where the daemon of {@code site} listens, if this user may have one (see {@link Wire#socketOf}). */
    public static Optional<Path> socket(Path site) {
        return Wire.socketOf(site);
    }

    /** Whether a daemon listens at {@code socket} (its file appears a moment before it does). */
    static boolean listening(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The charset the JVM prints a standard stream in, as picocli picks it: the terminal's, else
     * the default.
     *
     * @param property {@code sun.stdout.encoding} or {@code sun.stderr.encoding}
     */
    public static Charset charsetOf(String property) {
        String name = System.getProperty(property);
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
