package dev.gazette.daemon;

import dev.gazette.build.BuildSession;
import dev.gazette.render.Version;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the client and the daemon say to each other over the site's socket.
 *
 * <p>The client sends one {@link Request}. The daemon answers {@link #ACCEPTED} or {@link #REFUSED},
 * then, once accepted, frames of the command's standard output and error as the
 * command prints them, and a last frame with its exit code.
 */
final class Wire {

    /** The socket, lock and log live in the site's git-ignored folder, beside the caches. */
    static final String SOCKET = "daemon.sock";
    static final String LOCK = "daemon.lock";
    static final String LOG = "daemon.log";

    /** Unix socket paths are limited to about 100 bytes; a site deeper than that gets no daemon. */
    static final int MAX_SOCKET_PATH = 100;

    static final int MAGIC = 0x47415a01;
    static final byte ACCEPTED = 'A';
    static final byte REFUSED = 'R';
    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte EXIT = 0;

    private Wire() {
    }

    static Path socketOf(Path site) {
        return site.toAbsolutePath().normalize().resolve(BuildSession.STATE_DIR).resolve(SOCKET);
    }

    static boolean socketPathFits(Path socket) {
        return socket.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
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
