package dev.gazette.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * A build daemon: a JVM kept between {@code gazette build} runs of one site, so that a build after
 * a small edit runs in code the JIT has already compiled instead of starting cold. It runs each
 * command exactly as the client would have (same arguments, same working folder, same Gazette),
 * one at a time, and reads everything from disk afresh each time: it keeps no state of the site.
 *
 * <p>It listens on a Unix socket in the user's private runtime folder (see {@link Wire#socketOf}),
 * open to that user alone. It stops when idle for a while, when its socket is removed (as
 * {@code gazette stop-daemon} does), when its site folder is gone, and when a client of another
 * Gazette build calls. Started by the launcher, it also opens a {@link Door} that the launcher
 * script uses without starting a JVM of its own.
 */
public final class BuildDaemon {

    /** The class whose {@code main} runs a daemon: {@code main(site folder)}. */
    public static final String MAIN_CLASS = "dev.gazette.cli.DaemonMain";

    /** Runs one command with the given streams and returns its exit code. */
    @FunctionalInterface
    public interface CommandRunner {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    /** Work done while no client calls; it must return soon after {@code stopped} turns true. */
    @FunctionalInterface
    public interface WarmUp {
        /** @return true when it ran to its end, false when stopped */
        boolean run(java.util.function.BooleanSupplier stopped);
    }

    /** How often an idle daemon checks whether it should stop. */
    private static final long CHECK_MILLIS = 1000;

    private final Path site;
    private final Path socket;
    private final Duration idleLimit;
    private final CommandRunner runner;
    private final String identity = Wire.identity();
    private final String cwd = Path.of("").toAbsolutePath().toString();
    /**
     * Nobody must have called for this long before the warm-up starts: a build run right after
     * another should not wait for it.
     */
    private final Duration quietBeforeWarmUp;
    /** Held by the warm-up while it builds, and by each client's build: they never run side by side. */
    private final Object building = new Object();
    private volatile long lastCall = System.nanoTime();
    private volatile boolean called;
    private volatile boolean stopping;
    /** Whether a build ran since the last collection (see {@link #acceptUntilStopped}). */
    private boolean collectWhenQuiet;
    private Thread warming;

    private BuildDaemon(Path site, Path socket, Duration idleLimit, Duration quietBeforeWarmUp, CommandRunner runner) {
        this.site = site;
        this.socket = socket;
        this.idleLimit = idleLimit;
        this.quietBeforeWarmUp = quietBeforeWarmUp;
        this.runner = runner;
    }

    /**
     * Serves {@code site} until idle for {@code idleLimit} or told to stop, then returns. Returns
     * at once when another daemon serves the site. {@code warmUp} runs in the background once
     * nobody has called for {@code quietBeforeWarmUp}; a client's call stops it (after the build
     * it is on), and it starts again after the next quiet spell, until it has run to its end.
     */
    public static void serve(Path site, Duration idleLimit, Duration quietBeforeWarmUp, CommandRunner runner,
            WarmUp warmUp) throws IOException {
        serve(site, idleLimit, quietBeforeWarmUp, runner, warmUp, null);
    }

    /**
     * Like {@link #serve(Path, Duration, Duration, CommandRunner, WarmUp)}; with a {@code launchId}
     * (the launcher's identity of the install), also opens a {@link Door} for launchers of it.
     */
    public static void serve(Path site, Duration idleLimit, Duration quietBeforeWarmUp, CommandRunner runner,
            WarmUp warmUp, String launchId) throws IOException {
        Path socket = Wire.socketOf(site).orElse(null);
        if (socket != null && Wire.socketPathFits(socket)) {
            new BuildDaemon(site.toAbsolutePath().normalize(), socket, idleLimit, quietBeforeWarmUp, runner)
                    .serve(warmUp, launchId);
        }
    }

    private void serve(WarmUp warmUp, String launchId) throws IOException {
        try (FileChannel lockFile = FileChannel.open(Wire.beside(socket, ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                return; // another daemon holds the site
            }
            // A socket file left by a daemon that was killed: nobody listens there.
            Files.deleteIfExists(socket);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                    Selector selector = Selector.open()) {
                server.bind(UnixDomainSocketAddress.of(socket));
                // A build may write wherever its user may: only that user may ask for one. The
                // socket is the owner's alone, and each caller's user is checked as well.
                ownerOnly(socket);
                Object socketKey = fileKey(socket);
                // Opened once the socket is there: a launcher tries the door only beside a socket.
                Door door = Door.open(socket, launchId);
                try {
                    warming = new Thread(() -> warmWhenQuiet(warmUp), "gazette-warm-up");
                    warming.start();
                    server.configureBlocking(false);
                    server.register(selector, SelectionKey.OP_ACCEPT);
                    if (door != null) {
                        door.start(selector::wakeup);
                    }
                    acceptUntilStopped(server, door, selector, socketKey);
                } finally {
                    stopWarmUp();
                    if (door != null) {
                        door.close();
                    }
                    if (Objects.equals(fileKey(socket), socketKey)) {
                        Files.deleteIfExists(socket);
                    }
                }
            }
        }
    }

    private void acceptUntilStopped(ServerSocketChannel server, Door door, Selector selector, Object socketKey)
            throws IOException {
        while (true) {
            if (door != null && door.waiting()) {
                selector.selectNow(); // a call came during the last build
            } else {
                selector.select(CHECK_MILLIS);
            }
            selector.selectedKeys().clear();
            SocketChannel client = server.accept();
            Door.Call call = client == null && door != null ? door.poll() : null;
            if (client != null || call != null) {
                boolean goOn = true;
                called = true;
                // A build gets both cores: the warm-up stops after the build it is on.
                synchronized (building) {
                    if (client != null) {
                        goOn = serveOne(client);
                    } else {
                        door.serve(call, cwd, runner);
                    }
                    collectWhenQuiet = true;
                    lastCall = System.nanoTime();
                    called = false;
                }
                if (!goOn) {
                    return;
                }
            } else if (collectWhenQuiet) {
                // Between builds, once nobody has called for a second: the next build then finds
                // the young generation empty and old garbage gone, and is not paused to collect
                // them. Not at once after a build: with the site's session kept in memory, a full
                // collection took 0.1 s on 10,000 articles and 1.4 s on 100,000, which a build
                // run right after another waited for.
                synchronized (building) {
                    System.gc();
                }
                collectWhenQuiet = false;
            } else if (System.nanoTime() - lastCall > idleLimit.toNanos()
                    || !Objects.equals(fileKey(socket), socketKey)
                    || !identity.equals(Wire.identity())
                    || !Files.isDirectory(site)) {
                return; // idle, its socket removed or replaced, its jar rebuilt, or its site gone
            }
        }
    }

    /** Runs one client's command. False when the daemon should stop. */
    private boolean serveOne(SocketChannel client) {
        try (client) {
            client.configureBlocking(true);
            if (!sameUser(client)) {
                return true;
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            Wire.Request request = Wire.Request.readFrom(in);
            if (request == null) {
                return true;
            }
            if (!request.identity().equals(identity)) {
                refuse(out);
                return false; // a newer Gazette is in use: this daemon will not be asked again
            }
            if (!request.cwd().equals(cwd)) {
                refuse(out);
                return true; // its relative paths would mean other folders here
            }
            out.writeByte(Wire.ACCEPTED);
            out.flush();
            PrintWriter stdout = writer(out, Wire.STDOUT, request.stdoutCharset());
            PrintWriter stderr = writer(out, Wire.STDERR, request.stderrCharset());
            int code = runner.run(request.args().toArray(String[]::new), stdout, stderr);
            stdout.flush();
            stderr.flush();
            synchronized (out) {
                out.writeByte(Wire.EXIT);
                out.writeInt(code);
                out.flush();
            }
            return true;
        } catch (IOException e) {
            return true; // the client went away; the build, if it ran, is complete either way
        }
    }

    private void warmWhenQuiet(WarmUp warmUp) {
        while (!stopping) {
            long since = lastCall;
            if (called || System.nanoTime() - since < quietBeforeWarmUp.toNanos()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            synchronized (building) {
                if (warmUp.run(() -> stopping || called || lastCall != since)) {
                    return;
                }
            }
        }
    }

    private void stopWarmUp() {
        stopping = true;
        if (warming == null) {
            return;
        }
        try {
            warming.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void refuse(DataOutputStream out) throws IOException {
        out.writeByte(Wire.REFUSED);
        out.flush();
    }

    /** A writer whose every flush becomes one frame of the given kind. */
    private static PrintWriter writer(DataOutputStream socket, byte kind, String charset) {
        OutputStream frames = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                synchronized (socket) {
                    socket.writeByte(kind);
                    socket.writeInt(length);
                    socket.write(bytes, offset, length);
                    socket.flush();
                }
            }
        };
        Charset cs;
        try {
            cs = Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            cs = Charset.defaultCharset();
        }
        return new PrintWriter(new OutputStreamWriter(frames, cs), true);
    }

    private static void ownerOnly(Path socket) throws IOException {
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions here: the check of each caller's user remains.
        }
    }

    /** Whether the process at the other end runs as the user who owns the socket (this daemon's). */
    private boolean sameUser(SocketChannel client) {
        try {
            UserPrincipal caller = client.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
            return caller.equals(Files.getOwner(socket));
        } catch (UnsupportedOperationException e) {
            return true; // a system that cannot tell: the socket's permissions decide
        } catch (IOException e) {
            return false;
        }
    }

    /** The lock, or null while another daemon (in another process or, in tests, this JVM) holds it. */
    static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by a daemon in this JVM (tests)
        }
    }

    private static Object fileKey(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        } catch (IOException e) {
            return null;
        }
    }
}
