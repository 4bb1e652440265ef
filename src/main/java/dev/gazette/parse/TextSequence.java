package dev.gazette.parse;

import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKeyBase;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.BasedSequenceImpl;
import com.vladsch.flexmark.util.sequence.Range;
import com.vladsch.flexmark.util.sequence.SequenceUtils;
import com.vladsch.flexmark.util.sequence.builder.IBasedSegmentBuilder;

/**
 * A document's text as flexmark reads it, a String with a range of it. flexmark's own SubSequence
 * holds the String as a CharSequence, so each character it reads goes through an interface call,
 * which the quick compiler cannot inline: finding the line breaks alone, a loop over every
 * character of every document, was 6% of a cold build. Here the String is a String.
 */
final class TextSequence extends BasedSequenceImpl {

    private final String text;
    /** The text's {@link TextScan#latin1} bytes, which the inline parser and the HTML writer read. */
    private final byte[] latin1;
    /** Whether the text has a NUL, as its scan found. */
    private final boolean nul;
    private final TextSequence whole;
    private final int start;
    private final int end;

    private TextSequence(String text, byte[] latin1, boolean nul) {
        // No hash up front, as flexmark's sequence takes the String's: it is asked for by none of
        // the parse, and hashing every document cost 0.6% of a cold build.
        super(0);
        this.text = text;
        this.latin1 = latin1;
        this.nul = nul;
        this.whole = this;
        this.start = 0;
        this.end = text.length();
    }

    private TextSequence(TextSequence whole, int start, int end) {
        super(0);
        this.text = whole.text;
        this.latin1 = whole.latin1;
        this.nul = whole.nul;
        this.whole = whole;
        this.start = start;
        this.end = end;
    }

    /** All of {@code text}, which {@code scan} is the scan of. */
    static TextSequence of(String text, TextScan scan) {
        if (scan.latin1().length != text.length()) {
            throw new IllegalArgumentException("not the text's scan");
        }
        return new TextSequence(text, scan.latin1(), scan.nul());
    }

    /** The {@link TextScan#latin1} bytes of the whole text {@code s} is a range of, or null. */
    static byte[] latin1Behind(BasedSequence s) {
        return s instanceof TextSequence t ? t.latin1 : null;
    }

    /** Whether {@code s} is a range of a text that has a NUL (as {@link #stringBehind} reads it). */
    static boolean nulBehind(BasedSequence s) {
        return s instanceof TextSequence t && t.nul;
    }

    /**
     * The String that {@code s} is a range of, character for character but for NUL (which this
     * class reads as U+FFFD, as flexmark does); null for any other sequence.
     */
    static String stringBehind(BasedSequence s) {
        return s instanceof TextSequence t ? t.text : null;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= end - start) {
            SequenceUtils.validateIndex(index, end - start);
        }
        char c = text.charAt(start + index);
        // As flexmark reads NUL, per CommonMark.
        return c == '\0' ? SequenceUtils.ENC_NUL : c;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public TextSequence getBaseSequence() {
        return whole;
    }

    @Override
    public String getBase() {
        return text;
    }

    @Override
    public int getStartOffset() {
        return start;
    }

    @Override
    public int getEndOffset() {
        return end;
    }

    @Override
    public Range getSourceRange() {
        return Range.of(start, end);
    }

    @Override
    public int getIndexOffset(int index) {
        SequenceUtils.validateIndexInclusiveEnd(index, length());
        return start + index;
    }

    @Override
    public TextSequence subSequence(int startIndex, int endIndex) {
        SequenceUtils.validateStartEnd(startIndex, endIndex, length());
        return baseSubSequence(start + startIndex, start + endIndex);
    }

    @Override
    public TextSequence baseSubSequence(int startIndex, int endIndex) {
        SequenceUtils.validateStartEnd(startIndex, endIndex, text.length());
        return startIndex == start && endIndex == end ? this : new TextSequence(whole, startIndex, endIndex);
    }

    @Override
    public void addSegments(IBasedSegmentBuilder<?> builder) {
        builder.append(start, end);
    }

    @Override
    public int getOptionFlags() {
        return 0;
    }

    @Override
    public boolean allOptions(int options) {
        return false;
    }

    @Override
    public boolean anyOptions(int options) {
        return false;
    }

    @Override
    public <T> T getOption(DataKeyBase<T> dataKey) {
        return dataKey.get(null);
    }

    @Override
    public DataHolder getOptions() {
        return null;
    }
}
