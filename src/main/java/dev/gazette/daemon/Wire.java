package dev.gazette.daemon;

import dev.gazette.render.Version;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the client and the daemon say to each other over the site's socket, and where it is.
 *
 * <p>The client sends one {@link Request}. The daemon answers {@link #ACCEPTED} or {@link #REFUSED},
 * then, once accepted, frames of the command's standard output and error as the
 * command prints them, and a last frame with its exit code.
 */
final class Wire {

    /**
     * Unix socket paths are limited to about 100 bytes; where the runtime folder's path is longer
     * than that, there is no daemon.
     */
    static final int MAX_SOCKET_PATH = 100;

    static final int MAGIC = 0x47415a01;
    static final byte ACCEPTED = 'A';
    static final byte REFUSED = 'R';
    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte EXIT = 0;

    private Wire() {
    }

    /**
     * The daemon's socket for {@code site}: {@code <key>.sock} in the user's runtime folder, the
     * key a checksum of the site's real path. The socket, the daemon's lock ({@code <key>.lock})
     * and log ({@code <key>.log}) are kept out of the site, so a clean build ({@code rm -rf site
     * .gazette}) still finds the daemon warm. The launcher finds the socket by the same rule.
     *
     * @return the socket, or empty when the user has no private runtime folder
     */
    static Optional<Path> socketOf(Path site) {
        // No lambda and no string concatenation here, nor in what this calls: the client runs it
        // in a fresh JVM, where bootstrapping either costs tens of milliseconds.
        Optional<Path> folder = runtimeFolder();
        return folder.isPresent() ? Optional.of(folder.get().resolve(key(site).concat(".sock"))) : folder;
    }

    /** The sibling of {@code socket} with the same key and the given suffix ({@code ".lock"}, {@code ".log"}). */
    static Path beside(Path socket, String suffix) {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.substring(0, name.length() - ".sock".length()).concat(suffix));
    }

    /**
     * The POSIX {@code cksum} of the site's real path (its UTF-8 bytes), in decimal: the launcher
     * computes the same (in bash, see its {@code cksum_of}). Not SHA-256: in the client's fresh JVM, loading the
     * security providers and hashing once took 60-100 ms, a third of handing a build over. Two
     * sites with the same key would share one daemon, which builds whatever site it is asked to.
     */
    static String key(Path site) {
        Path path = site.toAbsolutePath().normalize();
        try {
            path = path.toRealPath();
        } catch (IOException e) {
            // Not there (yet): its path as given.
        }
        return Long.toString(cksum(path.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** POSIX {@code cksum}: CRC-32 (0x04C11DB7, most significant bit first) of the bytes, then of their count. */
    static long cksum(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc = crcStep(crc, b & 0xff);
        }
        for (long length = bytes.length; length != 0; length >>>= 8) {
            crc = crcStep(crc, (int) (length & 0xff));
        }
        return ~crc & 0xffffffffL;
    }

    private static int crcStep(int crc, int octet) {
        int c = crc ^ (octet << 24);
        for (int bit = 0; bit < 8; bit++) {
            c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
        }
        return c;
    }

    /**
     * {@code $XDG_RUNTIME_DIR/gazette}, else {@code gazette-<user>} in the temporary folder;
     * created if need be, and used only if this user owns it and nobody else may enter it: a
     * socket there runs builds as this user.
     */
    static Optional<Path> runtimeFolder() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        String user = System.getProperty("user.name");
        Path folder = runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "gazette")
                : Path.of(System.getProperty("java.io.tmpdir"), "gazette-".concat(user));
        return privateFolder(folder, user);
    }

    /** {@code folder}, created if need be, if {@code user} owns it and nobody else may enter it (nor is it a link). */
    static Optional<Path> privateFolder(Path folder, String user) {
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            // Its mode as a number: a set of PosixFilePermission costs the client's fresh JVM 30 ms.
            int mode = (Integer) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            boolean mine = (mode & S_IFMT) == S_IFDIR && (mode & 0777) == 0700
                    && Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(user);
            return mine ? Optional.of(folder) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;

    static boolean socketPathFits(Path socket) {
        return socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
    }

    /**
     * Everything that makes two Gazette processes build the same site alike: the version and the
     * very jar (a rebuilt jar has another size or time), the Java installation, the options the
     * user gives the JVM, and the encodings output is printed in. A daemon serves only clients
     * with its own identity.
     */
    static String identity() {
        StringBuilder id = new StringBuilder(Version.get());
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            id.append('|').append(path);
            try {
                id.append(':').append(Files.size(path)).append(':').append(Files.getLastModifiedTime(path).toMillis());
            } catch (IOException e) {
                id.append(":?");
            }
        }
        id.append('|').append(System.getProperty("java.home"))
                .append('|').append(System.getProperty("file.encoding"))
                .append('|').append(System.getenv().getOrDefault("GAZETTE_JAVA_OPTS", ""));
        return id.toString();
    }

    /**
     * One command for the daemon.
     *
     * @param cwd the client's working folder: relative paths in {@code args} are relative to it
     * @param stdoutCharset the charset the client prints standard output in
     */
    record Request(String identity, String cwd, String stdoutCharset, String stderrCharset, List<String> args) {
        Request {
            args = List.copyOf(args);
        }

        void writeTo(DataOutputStream out) throws IOException {
            out.writeInt(MAGIC);
            out.writeUTF(identity);
            out.writeUTF(cwd);
            out.writeUTF(stdoutCharset);
            out.writeUTF(stderrCharset);
            out.writeInt(args.size());
            for (String arg : args) {
                out.writeUTF(arg);
            }
            out.flush();
        }

        /** The request, or null when the peer does not speak this protocol. */
        static Request readFrom(DataInputStream in) throws IOException {
            if (in.readInt() != MAGIC) {
                return null;
            }
            String identity = in.readUTF();
            String cwd = in.readUTF();
            String stdoutCharset = in.readUTF();
            String stderrCharset = in.readUTF();
            int count = in.readInt();
            if (count < 0 || count > 10_000) {
                return null;
            }
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(in.readUTF());
            }
            return new Request(identity, cwd, stdoutCharset, stderrCharset, args);
        }
    }
}
