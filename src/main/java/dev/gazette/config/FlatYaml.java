package dev.gazette.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML most front matter is written in, without a YAML parser: one {@code key: value}
 * per line, each value a quoted or plain scalar or a one-line list in brackets. Anything else
 * (escapes, comments, nesting, continuation lines, anchors, tags, unusual characters) is left to
 * {@link YamlReader}'s parser, which this must agree with: {@code FlatYamlTest} compares the two
 * on thousands of documents. Jackson's YAML parser took 2.6% of a cold build's CPU on 10,000
 * articles, a parser set up per document for six lines.
 */
final class FlatYaml {

    private FlatYaml() {
    }

    /**
     * The document as a mapping whose lines are counted from {@code firstLine}; null when it is not
     * flat (or has a duplicate key, which the parser reports).
     */
    static YamlNode.Mapping read(String text, int firstLine) {
        if (text.indexOf('\r') >= 0) {
            return null;
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        int mappingLine = 0;
        int start = 0;
        int lineNumber = firstLine;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                int colon = keyEnd(text, start, end);
                if (colon < 0 || colon + 1 >= end || text.charAt(colon + 1) != ' ') {
                    return null;
                }
                int valueStart = colon + 1;
                while (valueStart < end && text.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                YamlNode value = value(text, valueStart, end, lineNumber);
                String key = text.substring(start, colon);
                if (value == null || entries.containsKey(key)) {
                    return null;
                }
                entries.put(key, value);
                keyLines.put(key, lineNumber);
                if (mappingLine == 0) {
                    mappingLine = lineNumber;
                }
            }
            start = end + 1;
            lineNumber++;
        }
        return entries.isEmpty() ? null : new YamlNode.Mapping(entries, keyLines, mappingLine);
    }

    /** The index of the colon after a key of letters, digits, '_' and '-' at {@code start}; or -1. */
    private static int keyEnd(String text, int start, int end) {
        char first = text.charAt(start);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_')) {
            return -1;
        }
        for (int i = start + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return -1;
            }
        }
        return -1;
    }

    /** The value from {@code start} to the end of its line; null when it is not flat. */
    private static YamlNode value(String text, int start, int end, int line) {
        if (start >= end || text.charAt(end - 1) == ' ') {
            return null;
        }
        char first = text.charAt(start);
        if (first == '"' || first == '\'') {
            return quotedEndsAt(text, start, end) == end ? new YamlNode.Scalar(text.substring(start + 1, end - 1), line)
                    : null;
        }
        if (first == '[') {
            return list(text, start, end, line);
        }
        return plain(text, start, end, false) ? scalar(text.substring(start, end), line) : null;
    }

    /** A one-line list: {@code [a, "b", 'c']}; null when an item is not flat. */
    private static YamlNode list(String text, int start, int end, int line) {
        if (text.charAt(end - 1) != ']') {
            return null;
        }
        List<YamlNode> items = new ArrayList<>();
        int at = start + 1;
        int close = end - 1;
        while (at < close && text.charAt(at) == ' ') {
            at++;
        }
        while (at < close) {
            int itemEnd;
            YamlNode item;
            char first = text.charAt(at);
            if (first == '"' || first == '\'') {
                itemEnd = quotedEndsAt(text, at, close);
                if (itemEnd < 0) {
                    return null;
                }
                item = new YamlNode.Scalar(text.substring(at + 1, itemEnd - 1), line);
            } else {
                itemEnd = text.indexOf(',', at);
                if (itemEnd < 0 || itemEnd > close) {
                    itemEnd = close;
                }
                if (!plain(text, at, itemEnd, true)) {
                    return null;
                }
                item = scalar(text.substring(at, itemEnd), line);
            }
            items.add(item);
            at = itemEnd;
            if (at < close) {
                // ", " and the next item: nothing else may follow an item.
                if (text.charAt(at) != ',' || at + 2 >= close || text.charAt(at + 1) != ' ' || text.charAt(at + 2) == ' ') {
                    return null;
                }
                at += 2;
            }
        }
        return new YamlNode.Sequence(items, line);
    }

    /**
     * Where a quoted scalar starting at {@code start} ends (after its closing quote), when that
     * quote is followed by {@code limit} or by ", "; -1 when the scalar holds its own quote
     * character, a backslash, or an unusual character.
     */
    private static int quotedEndsAt(String text, int start, int limit) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return i + 1 == limit || text.charAt(i + 1) == ',' ? i + 1 : -1;
            }
            if (c == '\\' || !ordinary(text, i)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Whether {@code text[start, end)} is a plain scalar as written, in a list ({@code inList})
     * or not: no leading indicator, no ": " or " #", no trailing space or colon, ordinary characters.
     */
    private static boolean plain(String text, int start, int end, boolean inList) {
        if (start >= end || "-?:,[]{}#&*!|>'\"%@` ".indexOf(text.charAt(start)) >= 0) {
            return false;
        }
        char last = text.charAt(end - 1);
        if (last == ' ' || last == ':') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!ordinary(text, i) || c == ':' && text.charAt(i + 1) == ' ' || c == '#' && text.charAt(i - 1) == ' '
                    || inList && "[]{},".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Printable characters without a meaning of their own here: no tab or other control character,
     * no line separator, no byte order mark, and no half of a surrogate pair without the other.
     */
    private static boolean ordinary(String text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7F) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        // U+2028 and U+2029 end a line in YAML 1.1, as U+0085 does.
        return c >= 0xA0 && c != 0xFEFF && c != 0x2028 && c != 0x2029 && c <= 0xFFFD;
    }

    /** A plain scalar: YAML's null words read as null, as the parser gives them. */
    private static YamlNode.Scalar scalar(String text, int line) {
        boolean isNull = text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL");
        return new YamlNode.Scalar(isNull ? null : text, line);
    }
}
