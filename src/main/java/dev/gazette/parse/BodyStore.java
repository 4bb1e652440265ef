package dev.gazette.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file of article bodies (rendered HTML, UTF-8) read by offset, which lets a large archive keep
 * its bodies out of memory: a 100,000-article build held half a gigabyte of them, and collecting
 * garbage around them took a quarter of the build. The file starts with a random stamp that the
 * parse cache records beside the offsets, so offsets are never read from another file.
 */
final class BodyStore implements AutoCloseable {

    private final Path file;
    private final long stamp;
    private final FileChannel channel;
    private final boolean writable;
    /**
     * Appended bytes not written yet: bodies come by the thousand, a few kilobytes each. Written
     * from this array itself: a ByteArrayOutputStream's copy of each megabyte was 3% of what a
     * cold build allocated.
     */
    private byte[] pending = new byte[FLUSH_AT + (64 << 10)];
    private int pendingSize;
    private static final int FLUSH_AT = 1 << 20;
    private long written;

    private BodyStore(Path file, long stamp, FileChannel channel, boolean writable, long written) {
        this.file = file;
        this.stamp = stamp;
        this.channel = channel;
        this.writable = writable;
        this.written = written;
    }

    /** Opens a store for reading; null when the file does not start with {@code stamp}. */
    static BodyStore open(Path file, long stamp) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ByteBuffer head = ByteBuffer.allocate(Long.BYTES);
        readFully(channel, head, 0);
        if (head.getLong(0) != stamp) {
            channel.close();
            return null;
        }
        return new BodyStore(file, stamp, channel, false, channel.size());
    }

    /** Creates an empty store at {@code file} under a new random stamp. */
    static BodyStore create(Path file) throws IOException {
        long stamp = ThreadLocalRandom.current().nextLong() ^ System.nanoTime();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        channel.write(ByteBuffer.allocate(Long.BYTES).putLong(0, stamp), 0);
        return new BodyStore(file, stamp, channel, true, Long.BYTES);
    }

    Path file() {
        return file;
    }

    long stamp() {
        return stamp;
    }

    /** Adds {@code bytes} and returns their offset. */
    synchronized long append(byte[] bytes) {
        if (!writable) {
            throw new IllegalStateException("read-only body store " + file);
        }
        long offset = written + pendingSize;
        if (pendingSize + bytes.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(2 * pending.length, pendingSize + bytes.length));
        }
        System.arraycopy(bytes, 0, pending, pendingSize, bytes.length);
        pendingSize += bytes.length;
        if (pendingSize >= FLUSH_AT) {
            flush();
        }
        return offset;
    }

    /** Writes what was appended to the file. */
    synchronized void flush() {
        if (pendingSize == 0) {
            return;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(pending, 0, pendingSize);
            while (bytes.hasRemaining()) {
                written += channel.write(bytes, written);
            }
            pendingSize = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parse cache " + file, e);
        }
    }

    byte[] read(long offset, int length) {
        if (writable) {
            synchronized (this) {
                if (offset + length > written) {
                    flush();
                }
            }
        }
        try {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            readFully(channel, bytes, offset);
            return bytes.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the parse cache " + file, e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, at + into.position()) < 0) {
                throw new IOException("the file ends early");
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was lost: the file is only read, or already complete.
        }
    }

    /**
     * Removes the file's name but keeps it open: the system frees it when the store is closed or
     * the process ends, however it ends, so a store that is never kept leaves nothing behind.
     */
    void unlink() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /** Closes the store and deletes its file (a store that was not kept). */
    void discard() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stray temporary file in the cache folder; the next save replaces the cache anyway.
        }
    }
}
