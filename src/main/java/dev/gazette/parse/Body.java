package dev.gazette.parse;

import java.nio.charset.StandardCharsets;

/**
 * An article's rendered HTML: in memory, or a place in a {@link BodyStore}, read each time a page
 * or feed needs it and not kept, so a large archive's bodies stay out of memory.
 */
public final class Body {

    private final String html;
    private final BodyStore store;
    private final long offset;
    private final int length;

    private Body(String html, BodyStore store, long offset, int length) {
        this.html = html;
        this.store = store;
        this.offset = offset;
        this.length = length;
    }

    public static Body of(String html) {
        return new Body(java.util.Objects.requireNonNull(html), null, 0, 0);
    }

    /** {@code length} UTF-8 bytes at {@code offset} of {@code store}. */
    static Body stored(BodyStore store, long offset, int length) {
        return new Body(null, store, offset, length);
    }

    public String html() {
        return html != null ? html : new String(store.read(offset, length), StandardCharsets.UTF_8);
    }

    /** The UTF-8 bytes. */
    byte[] utf8() {
        return html != null ? html.getBytes(StandardCharsets.UTF_8) : store.read(offset, length);
    }

    /** Whether the body is at hand in {@code store} already, at {@link #offset()}. */
    boolean isIn(BodyStore store) {
        return this.store == store;
    }

    long offset() {
        return offset;
    }

    int length() {
        return length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Body other)) {
            return false;
        }
        if (store != null && store == other.store && offset == other.offset && length == other.length) {
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
