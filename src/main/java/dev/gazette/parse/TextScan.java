package dev.gazette.parse;

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
 * @param markdownFile whether the text has {@code .md}, as a link to another article's file has
 */
record TextScan(boolean pipe, int[] linkMarks, boolean plain, boolean markdownFile) {

    private static final int[] NONE = {};

    /** What each ASCII character may start: 0 nothing, else one of the constants below. */
    private static final byte[] KINDS = new byte[128];
    private static final byte PIPE = 1;
    private static final byte COLON = 2;
    private static final byte AT = 3;
    private static final byte W = 4;
    private static final byte BACKSLASH = 5;
    private static final byte NOT_PLAIN = 6;
    private static final byte DOT = 7;

    static {
        KINDS['|'] = PIPE;
        KINDS[':'] = COLON;
        KINDS['@'] = AT;
        KINDS['w'] = W;
        KINDS['\\'] = BACKSLASH;
        KINDS['&'] = NOT_PLAIN;
        KINDS['\r'] = NOT_PLAIN;
        KINDS[0] = NOT_PLAIN;
        KINDS['.'] = DOT;
    }

    static TextScan of(String text) {
        int length = text.length();
        boolean pipe = false;
        boolean plain = true;
        boolean markdownFile = false;
        int[] marks = NONE;
        int count = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int kind = c < KINDS.length ? KINDS[c] : 0;
            if (kind == 0) {
                continue;
            }
            int end = -1;
            switch (kind) {
                case PIPE -> pipe = true;
                case COLON -> end = text.startsWith("//", i + 1) ? i + 3 : -1;
                case AT -> end = i + 1;
                case W -> end = text.startsWith("w.", i + 1) ? i + 3 : -1;
                case BACKSLASH -> {
                    plain = false;
                    end = i + 1;
                }
                case DOT -> markdownFile |= text.startsWith("md", i + 1);
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
        return new TextScan(pipe, count == marks.length ? marks : Arrays.copyOf(marks, count), plain, markdownFile);
    }
}
