package dev.gazette.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What one pass over a Markdown text finds that the parse needs to know before it starts: whether
 * a table could be there, where a bare link could start, and whether any text needs unescaping.
 * It was nine passes of {@code String.indexOf}, each a loop over the whole text: 3.5% of a cold
 * build, whose quick compiler makes plain loops of them.
 *
 * @param pipe whether the text has a {@code |}, which every line of a table holds
 * @param linkMarks where the autolink extension could start a link, as (start, end) pairs in
 *     order: each {@code ://} of a URL, {@code @} of an e-mail address and {@code ww.} of a
 *     {@code www.} address, and each backslash, whose escape could hide one of them
 * @param plain whether the text has no backslash, {@code &}, carriage return or NUL, so that no
 *     text node in it needs unescaping, line ends normalized or NUL replaced
 * @param nul whether the text has a NUL, which flexmark reads as U+FFFD
 * @param markdownFile whether the text has {@code .md}, as a link to another article's file has
 * @param latin1 the text as {@link #latin1(String)} gives it, which the HTML writer scans too
 */
record TextScan(boolean pipe, int[] linkMarks, boolean plain, boolean nul, boolean markdownFile, byte[] latin1) {

    private static final int[] NONE = {};

    /** What each byte of the text's Latin-1 form may start: 0 nothing, else one of the constants below. */
    private static final byte[] KINDS = new byte[256];
    private static final byte PIPE = 1;
    private static final byte COLON = 2;
    private static final byte AT = 3;
    private static final byte W = 4;
    private static final byte BACKSLASH = 5;
    private static final byte NOT_PLAIN = 6;
    private static final byte DOT = 7;
    private static final byte NUL = 8;

    static {
        KINDS['|'] = PIPE;
        KINDS[':'] = COLON;
        KINDS['@'] = AT;
        KINDS['w'] = W;
        KINDS['\\'] = BACKSLASH;
        KINDS['&'] = NOT_PLAIN;
        KINDS['\r'] = NOT_PLAIN;
        KINDS[0] = NUL;
        KINDS['.'] = DOT;
    }

    static TextScan of(String text) {
        byte[] bytes = latin1(text);
        int length = bytes.length;
        boolean pipe = false;
        boolean plain = true;
        boolean nul = false;
        boolean markdownFile = false;
        int[] marks = NONE;
        int count = 0;
        for (int i = 0; i < length; i++) {
            int kind = KINDS[bytes[i] & 0xFF];
            if (kind == 0) {
                continue;
            }
            int end = -1;
            switch (kind) {
                case PIPE -> pipe = true;
                case COLON -> end = follows(bytes, i, '/', '/') ? i + 3 : -1;
                case AT -> end = i + 1;
                case W -> end = follows(bytes, i, 'w', '.') ? i + 3 : -1;
                case BACKSLASH -> {
                    plain = false;
                    end = i + 1;
                }
                case DOT -> markdownFile |= follows(bytes, i, 'm', 'd');
                case NUL -> {
                    plain = false;
                    nul = true;
                }
                default -> plain = false;
            }
            if (end >= 0) {
                if (count + 2 > marks.length) {
                    marks = Arrays.copyOf(marks, Math.max(16, marks.length * 2));
                }
                marks[count++] = i;
                marks[count++] = end;
            }
        }
        return new TextScan(pipe, count == marks.length ? marks : Arrays.copyOf(marks, count), plain, nul, markdownFile,
                bytes);
    }

    /**
     * The text with each character in one byte, at the same index: itself where it is Latin-1, '?'
     * for any other. The scan reads these bytes: under the quick compiler, each String.charAt
     * checks the string's coding and the index again, and the scan took 1.5% of a cold build.
     * Every character it looks for is ASCII, which this keeps as it is.
     */
    static byte[] latin1(String text) {
        // A copy of the string's own bytes where it is Latin-1; where it is not, Java's encoder
        // gives a '?' for each character but one for a surrogate pair, which would move the indices.
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length != text.length()) {
            bytes = new byte[text.length()];
            for (int i = 0; i < bytes.length; i++) {
                char c = text.charAt(i);
                bytes[i] = c <= 0xFF ? (byte) c : (byte) '?';
            }
        }
        return bytes;
    }

    /** Whether {@code first} and {@code second} come right after {@code bytes[at]}. */
    private static boolean follows(byte[] bytes, int at, char first, char second) {
        return at + 2 < bytes.length && bytes[at + 1] == first && bytes[at + 2] == second;
    }
}
