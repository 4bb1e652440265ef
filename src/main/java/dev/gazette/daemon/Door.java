package dev.gazette.daemon;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The daemon's second way in, for the launcher script itself: a loopback TCP port that bash can
 * open ({@code /dev/tcp}), so a build handed to the daemon needs no client JVM. Starting one was
 * 0.25 s of the 0.5 s a no-change build took through the socket.
 *
 * <p>The port and two random tokens are in the door file, {@code <key>.door} beside the socket,
 * readable by its user alone (see {@link Wire#runtimeFolder}). The client sends the client token; the
 * daemon answers with the daemon token, so a program that took the port of a dead daemon learns
 * nothing it can use and is not believed. The client then sends its working folder, the number of
 * arguments and the arguments, each ended by a NUL byte, and the daemon answers in lines of UTF-8
 * text: {@code o }/{@code e } and a line of standard output or error, {@code p }/{@code f } and the
 * unfinished last one, and {@code x } and the exit code; or {@code r} when it will not run the
 * command (another working folder), which the client then runs itself.
 *
 * <p>The door is opened only for a daemon the launcher started, and names the launcher's identity
 * of the install ({@code GAZETTE_LAUNCH_ID}: jar, Java, JVM options and locale): a launcher whose
 * identity differs uses the socket, whose check is the full one.
 */
final class Door implements AutoCloseable {

    static final String MAGIC = "gazette-door-1";
    /** A caller that has not sent its token and command by then is hung up on. */
    private static final int HANDSHAKE_MILLIS = 5000;
    private static final int MAX_FIELD = 64 * 1024;
    private static final int MAX_ARGS = 10_000;
    /** Handshakes under way at once; a caller past this is hung up on. */
    private static final int MAX_HANDSHAKES = 16;

    /** A client that proved itself, with its command. */
    record Call(SocketChannel channel, String cwd, List<String> args) {
    }

    private final ServerSocketChannel server;
    private final Path file;
    private final String clientToken;
    private final String daemonToken;
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final Semaphore handshakes = new Semaphore(MAX_HANDSHAKES);
    private Thread doorman;

    private Door(ServerSocketChannel server, Path file, String clientToken, String daemonToken) {
        this.server = server;
        this.file = file;
        this.clientToken = clientToken;
        this.daemonToken = daemonToken;
    }

    /**
     * Opens a door beside {@code socket} for launchers of identity {@code launchId}; null when
     * there is none to open (no identity, one that cannot be written on a line, no loopback port).
     */
    static Door open(Path socket, String launchId) {
        if (launchId == null || launchId.isEmpty() || launchId.indexOf('\n') >= 0 || launchId.indexOf('\r') >= 0) {
            return null;
        }
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            // The launcher connects to 127.0.0.1, whichever loopback address Java would prefer.
            server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            SecureRandom random = new SecureRandom();
            Door door = new Door(server, Wire.beside(socket, ".door"), token(random), token(random));
            door.write(launchId, ((InetSocketAddress) server.getLocalAddress()).getPort());
            return door;
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(server);
            return null;
        }
    }

    private static String token(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Written under another name and renamed, so a launcher never reads half a door. */
    private void write(String launchId, int port) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".door-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, String.join("\n", MAGIC, Integer.toString(port), clientToken, daemonToken,
                    launchId) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Starts taking callers, each in a thread of its own: whoever connects to the port (any local
     * user may) cannot hold up a build by saying nothing. Calls that prove themselves are queued
     * for {@link #poll}, and {@code wakeUp} runs.
     */
    void start(Runnable wakeUp) {
        doorman = new Thread(() -> {
            while (server.isOpen()) {
                SocketChannel caller;
                try {
                    caller = server.accept();
                } catch (IOException e) {
                    return; // closed
                }
                if (!handshakes.tryAcquire()) {
                    closeQuietly(caller);
                    continue;
                }
                Thread handshake = new Thread(() -> {
                    try {
                        Call call = handshake(caller);
                        if (call != null) {
                            calls.add(call);
                            wakeUp.run();
                        } else {
                            closeQuietly(caller);
                        }
                    } finally {
                        handshakes.release();
                    }
                }, "gazette-door-handshake");
                handshake.setDaemon(true);
                handshake.start();
            }
        }, "gazette-door");
        doorman.setDaemon(true);
        doorman.start();
    }

    /** The next call that proved itself, or null. */
    Call poll() {
        return calls.poll();
    }

    /** Whether a call that proved itself waits. */
    boolean waiting() {
        return !calls.isEmpty();
    }

    /** Checks the caller's token, proves this daemon's and reads the command; null if any of it fails. */
    private Call handshake(SocketChannel caller) {
        try {
            Socket socket = caller.socket();
            // Each read waits at most this long, and the whole handshake not much longer: a caller
            // sending a byte now and then cannot keep a place among the handshakes.
            socket.setSoTimeout(HANDSHAKE_MILLIS);
            long deadline = System.nanoTime() + HANDSHAKE_MILLIS * 1_000_000L;
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String token = field(in, '\n', deadline);
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    clientToken.getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
            OutputStream out = socket.getOutputStream();
            out.write((daemonToken + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String cwd = field(in, '\0', deadline);
            String count = field(in, '\0', deadline);
            if (cwd == null || count == null || !count.matches("[0-9]{1,5}") || Integer.parseInt(count) > MAX_ARGS) {
                return null;
            }
            List<String> args = new ArrayList<>();
            for (int i = Integer.parseInt(count); i > 0; i--) {
                String arg = field(in, '\0', deadline);
                if (arg == null) {
                    return null;
                }
                args.add(arg);
            }
            socket.setSoTimeout(0);
            return new Call(caller, cwd, args);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Runs a call's command if it comes from the daemon's working folder, and sends its output. */
    void serve(Call call, String cwd, BuildDaemon.CommandRunner runner) {
        try (SocketChannel channel = call.channel()) {
            OutputStream out = channel.socket().getOutputStream();
            if (!call.cwd().equals(cwd)) {
                out.write("r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                return; // its relative paths would mean other folders here
            }
            List<String> args = call.args();
            LineFrames stdout = new LineFrames(out, 'o', 'p');
            LineFrames stderr = new LineFrames(out, 'e', 'f');
            PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
            PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
            int code = runner.run(args.toArray(String[]::new), outWriter, errWriter);
            outWriter.flush();
            errWriter.flush();
            synchronized (out) {
                stdout.finish();
                stderr.finish();
                out.write(("x " + code + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or spoke nonsense; the build, if it ran, is complete either way.
        }
    }

    /** The bytes up to {@code end} as UTF-8, or null at the end of input, past the limit or past {@code deadline}. */
    private static String field(InputStream in, char end, long deadline) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != end; b = in.read()) {
            if (b < 0 || bytes.size() >= MAX_FIELD || System.nanoTime() > deadline) {
                return null;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Removes the door file if it is still this daemon's, and closes the port. */
    @Override
    public void close() {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() > 2 && lines.get(2).equals(clientToken)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Gone already, or replaced by another daemon's: not ours to remove.
        }
        closeQuietly(server);
        if (doorman != null) {
            try {
                doorman.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Call call = calls.poll(); call != null; call = calls.poll()) {
            closeQuietly(call.channel());
        }
    }

    private static void closeQuietly(java.io.Closeable channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing a socket does not fail in a way that matters here.
            }
        }
    }

    /**
     * A stream split into lines, each sent as one line of the door's answer: {@code kind} and a
     * space before a whole line, {@code partKind} before an unfinished last one.
     */
    private static final class LineFrames extends OutputStream {
        private final OutputStream out;
        private final char kind;
        private final char partKind;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFrames(OutputStream out, char kind, char partKind) {
            this.out = out;
            this.kind = kind;
            this.partKind = partKind;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                send(kind);
            } else {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        /** Sends what is left of the last line. */
        void finish() throws IOException {
            if (line.size() > 0) {
                send(partKind);
            }
        }

        private void send(char frameKind) throws IOException {
            synchronized (out) {
                out.write(frameKind);
                out.write(' ');
                line.writeTo(out);
                out.write('\n');
                out.flush();
            }
            line.reset();
        }
    }
}
