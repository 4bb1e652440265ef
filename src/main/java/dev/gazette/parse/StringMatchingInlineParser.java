package dev.gazette.parse;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SequenceUtils;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, with its regular expressions run over the document's own String,
 * within the paragraph's bounds, instead of over the paragraph's sequence. flexmark's
 * {@code match} calls {@code Matcher.toMatchResult()}, which on JDK 17 copies the whole text it
 * matches in, char by char through flexmark's sequence: a paragraph of 700 characters was copied
 * several times for each link in it, a twentieth of a cold build's CPU. The matches, and so the
 * document, are the same: the bounds of a matcher's region are opaque and anchoring by default,
 * so its expressions see no more of the String than they would of a copy of the paragraph, and the
 * returned pieces are cut from the paragraph. The characters around a run of emphasis delimiters
 * are classed without a Matcher each ({@link #parseDelimiters}).
 */
final class StringMatchingInlineParser extends CommonmarkInlineParser {

    /** The paragraph {@link #text} was found for, and where the paragraph starts in it. */
    private BasedSequence searched;
    private String text;
    private int offset;
    /** The paragraph {@link #parseString} last read, as {@link TextScan#latin1} bytes from {@link #scannedAt}. */
    private BasedSequence scanned;
    private byte[] scannedLatin1;
    private int scannedAt;
    /**
     * A Matcher for each expression this parser has searched with, used again for its next search:
     * a new one for each cost 2% of what a cold build allocated. Used only within {@link #find}'s
     * callers, before the next search.
     */
    private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();
    private long[] special;

    /** flexmark's classes of the characters on either side of a run of delimiters. */
    private final CharClass whitespace;
    private final CharClass punctuation;
    private final CharClass openingPunctuation;
    private final CharClass closingPunctuation;

    private StringMatchingInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> extensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
        whitespace = CharClass.of(myParsing.UNICODE_WHITESPACE_CHAR);
        punctuation = CharClass.of(myParsing.PUNCTUATION);
        openingPunctuation = CharClass.of(myParsing.PUNCTUATION_OPEN);
        closingPunctuation = CharClass.of(myParsing.PUNCTUATION_CLOSE);
    }

    /**
     * Installs this parser in {@code builder}. flexmark adds its link reference definitions
     * pre-processor only with its own inline parser, so it is added here too, last, where
     * flexmark would put it.
     */
    static Parser.Builder install(Parser.Builder builder, DataHolder options) {
        builder.customInlineParserFactory(StringMatchingInlineParser::new);
        if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(options)) {
            builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
        }
        return builder;
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher matcher = find(re);
        return matcher == null ? null : input.subSequence(matcher.start() - offset, matcher.end() - offset);
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher matcher = find(re);
        if (matcher == null) {
            return null;
        }
        BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = matcher.start(i) < 0 ? null : input.subSequence(matcher.start(i) - offset, matcher.end(i) - offset);
        }
        return groups;
    }

    @Override
    public void parse(BasedSequence content, Node block) {
        scanned = null; // the same sequence may come again with other special characters (parseCustom)
        super.parse(content, block);
    }

    /**
     * Like flexmark's: passes the text up to the next special character and adds it. flexmark reads
     * each character through the paragraph's sequence and a BitSet, three calls per character the
     * quick compiler does not inline: a tenth of parsing. Here they are read from the text's
     * {@link TextScan#latin1} bytes, which the document's sequence holds where the paragraph is
     * a slice of it, and the set's bits are copied when a paragraph begins. Every special character is
     * ASCII and none is '?', which the bytes give for other characters; else this is flexmark's.
     */
    @Override
    protected boolean parseString() {
        if (scanned != input) {
            special = specialCharacters.toLongArray();
            if (special.length > 2 || special.length > 0 && (special[0] & 1L << '?') != 0) {
                scanned = null;
                return super.parseString();
            }
            scanned = input;
            byte[] latin1 = TextSequence.latin1Behind(input);
            if (latin1 != null) {
                // A NUL (U+FFFD to flexmark) is 0 here: neither is special.
                scannedLatin1 = latin1;
                scannedAt = input.getStartOffset();
            } else {
                // A NUL here is U+FFFD, which the bytes give as '?': neither is special.
                scannedLatin1 = TextScan.latin1(input.toString());
                scannedAt = 0;
            }
        }
        int length = input.length();
        int begin = index;
        int i = begin;
        byte[] text = scannedLatin1;
        int at = scannedAt;
        long[] bits = special;
        while (i < length) {
            int c = text[at + i] & 0xFF;
            int word = c >>> 6;
            if (word < bits.length && (bits[word] & 1L << c) != 0) {
                break;
            }
            i++;
        }
        index = i;
        if (i == begin) {
            return false;
        }
        appendText(input, begin, i);
        return true;
    }

    /**
     * Like flexmark's: adds the run of text gathered since the last node as one Text node. flexmark
     * joins the run's pieces through a new sequence builder each time (a HashMap and two segment
     * lists): a cold build of 10,000 articles made 54 young collections instead of 50. Where the
     * pieces are adjacent ranges of the document's text, as flexmark's own parsing leaves them, the
     * run is the range from the first to the last, which is what that builder returns for them;
     * any other run (an extension's, say) is flexmark's to join.
     */
    @Override
    public boolean flushTextNode() {
        BasedSequence run = adjacentRun(input, currentText);
        if (run == null) {
            return super.flushTextNode();
        }
        block.appendChild(new Text(run));
        currentText = null;
        return true;
    }

    /** The range {@code pieces} cover if they are adjacent, non-empty ranges of {@code input}'s text; else null. */
    static BasedSequence adjacentRun(BasedSequence input, List<BasedSequence> pieces) {
        if (pieces == null || pieces.isEmpty() || !(input instanceof TextSequence)) {
            return null;
        }
        BasedSequence text = input.getBaseSequence();
        int start = pieces.get(0).getStartOffset();
        int end = start;
        for (BasedSequence piece : pieces) {
            if (!(piece instanceof TextSequence) || piece.getBaseSequence() != text || piece.getStartOffset() != end) {
                return null;
            }
            end = piece.getEndOffset();
        }
        return start < end ? text.subSequence(start, end) : null;
    }

    /**
     * Like flexmark's: adds a run of emphasis or strikethrough delimiters, with whether it can open
     * or close, or returns false. flexmark classes the characters before and after the run with
     * four regular expressions, each a new Matcher: 6% of what a cold build allocated. The same
     * expressions class each character once here ({@link CharClass}); the rest is flexmark's.
     */
    @Override
    protected boolean parseDelimiters(DelimiterProcessor processor, char delimiterChar) {
        int start = index;
        int count = 0;
        while (peek() == delimiterChar) {
            count++;
            index++;
        }
        if (count < processor.getMinLength()) {
            index = start;
            return false;
        }
        // The start of the text and its end (where peek gives NUL) count as a line break.
        char charBefore = start == 0 ? '\n' : input.charAt(start - 1);
        char charAfter = peek() == SequenceUtils.NUL ? '\n' : peek();
        String before = CharClass.text(charBefore);
        String after = CharClass.text(charAfter);
        boolean beforeIsWhitespace = whitespace.has(charBefore);
        boolean afterIsWhitespace = whitespace.has(charAfter);
        boolean directional = options.inlineDelimiterDirectionalPunctuations;
        boolean beforeIsPunctuation = (directional ? openingPunctuation : punctuation).has(charBefore);
        boolean afterIsPunctuation = (directional ? closingPunctuation : punctuation).has(charAfter);
        boolean leftFlanking = !afterIsWhitespace
                && (!afterIsPunctuation || beforeIsWhitespace || beforeIsPunctuation);
        boolean rightFlanking = !beforeIsWhitespace
                && (!beforeIsPunctuation || afterIsWhitespace || afterIsPunctuation);
        boolean canOpen = delimiterChar == processor.getOpeningCharacter()
                && processor.canBeOpener(before, after, leftFlanking, rightFlanking, beforeIsPunctuation,
                        afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
        boolean canClose = delimiterChar == processor.getClosingCharacter()
                && processor.canBeCloser(before, after, leftFlanking, rightFlanking, beforeIsPunctuation,
                        afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
        if (!canOpen && !canClose && processor.skipNonOpenerCloser()) {
            index = start;
            return false;
        }
        index = start + count;
        Text node = appendSeparateText(input.subSequence(start, index));
        lastDelimiter = new Delimiter(input, node, delimiterChar, canOpen, canClose, lastDelimiter, start);
        lastDelimiter.setNumDelims(count);
        if (lastDelimiter.getPrevious() != null) {
            lastDelimiter.getPrevious().setNext(lastDelimiter);
        }
        return true;
    }

    /**
     * Which characters one of flexmark's one-character expressions matches, each found by the
     * expression itself the first time it is asked about: the same answers, without a Matcher
     * per question. The expressions are flexmark's constants, so each has one table for all
     * parsers. Threads may race to fill a cell; they write the same value.
     */
    private static final class CharClass {
        private static final Map<Pattern, CharClass> OF_PATTERN = new ConcurrentHashMap<>();
        private static final String[] ASCII = new String[128];

        static {
            for (char c = 0; c < ASCII.length; c++) {
                ASCII[c] = String.valueOf(c);
            }
        }

        private final Pattern pattern;
        /** 0 for a character not asked about yet, then 1 for no and 2 for yes. */
        private final byte[] answers = new byte[Character.MAX_VALUE + 1];

        private CharClass(Pattern pattern) {
            this.pattern = pattern;
        }

        static CharClass of(Pattern pattern) {
            return OF_PATTERN.computeIfAbsent(pattern, CharClass::new);
        }

        /** The character as the String flexmark's delimiter processors are given. */
        static String text(char c) {
            return c < ASCII.length ? ASCII[c] : String.valueOf(c);
        }

        boolean has(char c) {
            byte answer = answers[c];
            if (answer == 0) {
                answer = pattern.matcher(text(c)).matches() ? (byte) 2 : (byte) 1;
                answers[c] = answer;
            }
            return answer == 2;
        }
    }

    /**
     * Like flexmark's: the match found from the current index, which it then passes; or null. Its
     * positions count from the start of {@link #text}, the paragraph's at {@link #offset}.
     */
    private Matcher find(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        if (searched != input) {
            searched = input;
            String source = TextSequence.stringBehind(input);
            if (source != null && !TextSequence.nulBehind(input)) {
                text = source;
                offset = input.getStartOffset();
            } else {
                // flexmark reads a NUL as U+FFFD, as HtmlWriter.string's copy has it.
                text = HtmlWriter.string(input);
                offset = 0;
            }
        }
        Matcher matcher = matchers.get(re);
        if (matcher == null) {
            matcher = re.matcher(text);
            matchers.put(re, matcher);
        } else {
            matcher.reset(text);
        }
        matcher.region(offset + index, offset + input.length());
        if (!matcher.find()) {
            return null;
        }
        index = matcher.end() - offset;
        return matcher;
    }
}
