package dev.gazette.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Takes a template's output and encodes it to UTF-8 as it comes, into a buffer its thread keeps
 * from page to page. With a {@code StringWriter}, each page was copied four times on its way to
 * bytes (widened to two bytes a character at the first non-Latin letter, copied into a String,
 * encoded, trimmed): a third of all a cold build allocated. Gives exactly the bytes of
 * {@code String.getBytes(UTF_8)}, a lone surrogate included (as {@code ?}). One thread at a time.
 */
final class Utf8PageWriter extends Writer implements SpecializedWriter {

    /** Shorter text goes through the loop: the copy String would make costs more than it saves. */
    private static final int WHOLE_STRING_AT_LEAST = 16;

    private static final ThreadLocal<Utf8PageWriter> OF_THREAD = ThreadLocal.withInitial(Utf8PageWriter::new);

    private byte[] bytes = new byte[32 * 1024];
    private char[] chars = new char[4 * 1024];
    private int size;
    /** A high surrogate whose low half has not come yet, or 0. */
    private char high;

    private Utf8PageWriter() {
    }

    /**
     * Safe template output encoded once, for output printed on many pages: Pebble hands it to
     * this writer as it is ({@link #write(Object)}), which copies its bytes. Elsewhere it is text.
     */
    static final class Encoded extends SafeString {
        /** The bytes, or null where the text starts or ends with half a surrogate pair. */
        private final byte[] utf8;
        /** The text where there are no bytes: a half may pair with the text before or after. */
        private final String text;

        Encoded(String html) {
            super("");
            boolean halfAtAnEnd = !html.isEmpty() && (Character.isLowSurrogate(html.charAt(0))
                    || Character.isHighSurrogate(html.charAt(html.length() - 1)));
            this.utf8 = halfAtAnEnd ? null : html.getBytes(StandardCharsets.UTF_8);
            this.text = halfAtAnEnd ? html : null;
        }

        private Encoded(byte[] utf8) {
            super("");
            this.utf8 = utf8;
            this.text = null;
        }

        /**
         * Bytes that {@code String.getBytes(UTF_8)} made, which hold no half of a surrogate pair
         * (Java encodes a lone half as '?').
         */
        static Encoded ofUtf8(byte[] utf8) {
            return new Encoded(utf8);
        }

        @Override
        public String toString() {
            return text != null ? text : new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Encoded that && toString().equals(that.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }
    }

    /** This thread's writer, emptied. */
    static Utf8PageWriter ofThisThread() {
        Utf8PageWriter writer = OF_THREAD.get();
        writer.size = 0;
        writer.high = 0;
        return writer;
    }

    /** What was written, as UTF-8. */
    byte[] toByteArray() {
        if (high != 0) {
            ensure(1);
            bytes[size++] = '?';
            high = 0;
        }
        return Arrays.copyOf(bytes, size);
    }

    /** What Pebble prints: {@link Encoded} bytes are copied, anything else is written as text. */
    @Override
    public void write(Object value) {
        // After half a surrogate pair, the text goes through the loop, which pairs or replaces it.
        if (value instanceof Encoded encoded && encoded.utf8 != null && high == 0) {
            append(encoded.utf8);
        } else {
            SpecializedWriter.super.write(value);
        }
    }

    @Override
    public void writeSpecialized(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void writeSpecialized(int value) {
        writeSpecialized(String.valueOf(value));
    }

    @Override
    public void writeSpecialized(long value) {
        writeSpecialized(String.valueOf(value));
    }

    @Override
    public void writeSpecialized(double value) {
        writeSpecialized(String.valueOf(value));
    }

    @Override
    public void writeSpecialized(float value) {
        writeSpecialized(String.valueOf(value));
    }

    @Override
    public void writeSpecialized(short value) {
        writeSpecialized(String.valueOf(value));
    }

    @Override
    public void writeSpecialized(byte value) {
        writeSpecialized(String.valueOf(value));
    }

    @Override
    public void writeSpecialized(char value) {
        write((int) value);
    }

    @Override
    public void write(int c) {
        ensure(4);
        put((char) c);
    }

    @Override
    public void write(String text, int offset, int length) {
        // Longer text is encoded by String itself: a Latin-1 string of ASCII only (most of a page)
        // is copied whole, where the loop below widened it to chars and looked at each. Not when
        // a surrogate pair could be split between this text and the one before or after.
        if (length >= WHOLE_STRING_AT_LEAST && high == 0 && !Character.isHighSurrogate(text.charAt(offset + length - 1))) {
            append((length == text.length() ? text : text.substring(offset, offset + length))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        int done = 0;
        while (done < length) {
            int n = Math.min(length - done, chars.length);
            text.getChars(offset + done, offset + done + n, chars, 0);
            write(chars, 0, n);
            done += n;
        }
    }

    @Override
    public void write(char[] text, int offset, int length) {
        // Three bytes at most per character, four per surrogate pair; one more for a lone high half.
        ensure(3 * length + 1);
        byte[] out = bytes;
        int at = size;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = text[i];
            if (c < 0x80 && high == 0) {
                out[at++] = (byte) c;
            } else {
                size = at;
                put(c);
                at = size;
            }
        }
        size = at;
    }

    /** Encodes one character; the caller has made room for four bytes. */
    private void put(char c) {
        if (high != 0) {
            char first = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int codePoint = Character.toCodePoint(first, c);
                bytes[size++] = (byte) (0xF0 | (codePoint >> 18));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
                return;
            }
            bytes[size++] = '?';
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | (c >> 6));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | (c >> 12));
            bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /** Adds bytes already encoded. */
    private void append(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    private void ensure(int more) {
        if (size + more + 4 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more + 4));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
