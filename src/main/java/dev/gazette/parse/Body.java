package dev.gazette.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An article's rendered HTML. Taken from the parse cache it is only a place in the cache's body
 * file, read when a page or feed needs it: a rebuild after one edit renders a handful of pages,
 * and reading every body of a large archive would cost more than the rest of the rebuild.
 */
public final class Body {

    /** A file of bodies, and the stamp its first bytes must still hold for offsets into it to be valid. */
    record Store(Path file, long stamp) {
    }

    private final Store store;
    private final long offset;
    private final int length;
    private volatile String html;

    private Body(String html, Store store, long offset, int length) {
        this.html = html;
        this.store = store;
        this.offset = offset;
        this.length = length;
    }

    public static Body of(String html) {
        return new Body(java.util.Objects.requireNonNull(html), null, 0, 0);
    }

    /** {@code length} UTF-8 bytes at {@code offset} of the store's file, read on first use. */
    static Body stored(Store store, long offset, int length) {
        return new Body(null, store, offset, length);
    }

    public String html() {
        String h = html;
        if (h == null) {
            h = new String(read(), StandardCharsets.UTF_8);
            html = h;
        }
        return h;
    }

    /** The UTF-8 bytes, read without decoding when they are not in memory yet. */
    byte[] utf8() {
        String h = html;
        return h != null ? h.getBytes(StandardCharsets.UTF_8) : read();
    }

    private byte[] read() {
        try (FileChannel channel = FileChannel.open(store.file(), StandardOpenOption.READ)) {
            ByteBuffer stamp = ByteBuffer.allocate(Long.BYTES);
            ByteBuffer bytes = ByteBuffer.allocate(length);
            readFully(channel, stamp, 0);
            if (stamp.getLong(0) != store.stamp()) {
                // The cache was rewritten under us: offsets would point at other bodies.
                throw new IllegalStateException("the parse cache " + store.file() + " changed while it was in use");
            }
            readFully(channel, bytes, offset);
            return bytes.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the parse cache " + store.file(), e);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Body other)) {
            return false;
        }
        if (store != null && store.equals(other.store) && offset == other.offset && length == other.length) {
            return true;
        }
        return html().equals(other.html());
    }

    @Override
    public int hashCode() {
        return html().hashCode();
    }

    @Override
    public String toString() {
        return html();
    }
}
