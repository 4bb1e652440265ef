package dev.gazette.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files under {@code .gazette/cache/}: each starts with a format name, is written through a
 * temporary file and a rename (a crash never leaves a torn one), and reads as absent when it is
 * missing, of another format or damaged, since a cache only ever saves work.
 */
public final class CacheFiles {

    /** Writes a file's content after its format name. */
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a file's content after its format name. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private CacheFiles() {
    }

    /** Replaces {@code file} atomically with {@code format} and what {@code content} writes. */
    public static void write(Path file, String format, Writer content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                    out.writeUTF(format);
                    content.write(out);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache " + file, e);
        }
    }

    /** What {@code content} reads from {@code file}; null when the file is missing, of another format or damaged. */
    public static <T> T read(Path file, String format, Reader<T> content) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return format.equals(in.readUTF()) ? content.read(in) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
