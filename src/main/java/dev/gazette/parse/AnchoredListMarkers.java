package dev.gazette.parse;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.util.data.DataHolder;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * flexmark's expression for the marker of a list item, anchored once instead of in each of its
 * two alternatives. flexmark's reads {@code ^bullet|^digits}; Java tries an expression with
 * alternatives at its top at every position of the text, each try failing at its anchor, and
 * flexmark asks it about every line while a list item is open, up to the paragraph after the
 * list: 600 failed tries for a line of 600 characters, 1.5% of a cold build's CPU.
 * {@code ^(?:bullet|digits)} is tried at the start alone, with the same groups.
 *
 * <p>flexmark keeps its expressions in a cache that every parser shares, filled by the first
 * parser of each set of options; the expression is replaced there, in place.
 */
final class AnchoredListMarkers {

    private static final String NAME = "LIST_ITEM_MARKER";

    private AnchoredListMarkers() {
    }

    /**
     * Anchors the list-item expressions of parsers with {@code options}. Returns false, and leaves
     * flexmark's as they are, where this flexmark keeps them otherwise or writes them in another
     * shape (a test holds the version Gazette uses to true).
     */
    static boolean install(DataHolder options) {
        try {
            new Parsing(options); // fills the cache for these options
            Field field = Parsing.class.getDeclaredField("cachedPatterns");
            field.setAccessible(true);
            Object cache = field.get(null);
            // flexmark reads and fills its cache holding this lock.
            synchronized (cache) {
                @SuppressWarnings("unchecked")
                Map<Object, Pattern> markers = ((Map<String, Map<Object, Pattern>>) cache).get(NAME);
                if (markers == null || markers.isEmpty()) {
                    return false;
                }
                boolean all = true;
                for (Map.Entry<Object, Pattern> entry : markers.entrySet()) {
                    Pattern anchored = anchored(entry.getValue());
                    if (anchored == null) {
                        all = false;
                    } else {
                        entry.setValue(anchored);
                    }
                }
                return all;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code ^A|^B} as {@code ^(?:A|B)}, with the same flags; the expression itself when it is
     * anchored so already; null for any other shape, or when {@code A} does not close each
     * parenthesis it opens (the {@code |^} found is then not between the two alternatives).
     */
    static Pattern anchored(Pattern pattern) {
        String regex = pattern.pattern();
        if (regex.startsWith("^(?:")) {
            return pattern;
        }
        int bar = regex.indexOf("|^");
        if (!regex.startsWith("^") || bar < 0 || regex.indexOf("|^", bar + 2) >= 0) {
            return null;
        }
        String first = regex.substring(1, bar);
        int depth = 0;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return null;
            }
        }
        if (depth != 0) {
            return null;
        }
        return Pattern.compile("^(?:" + first + "|" + regex.substring(bar + 2) + ")", pattern.flags());
    }
}
