package dev.gazette.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML document into {@link YamlNode}s with line numbers, through Jackson's streaming
 * parser. Jackson bounds alias expansion, so a "billion laughs" document fails fast.
 */
public final class YamlReader {

    /**
     * Made on first use: most documents are flat and read without it, and making it took 75 ms
     * of a build's start, before the config was read.
     */
    private static final class Factory {
        static final YAMLFactory YAML = YAMLFactory.builder().build();
    }

    private static final Pattern MARK_LINE = Pattern.compile("line (\\d+), column");
    private static final Pattern LINE_REFERENCE = Pattern.compile("line (\\d+)");

    /** The result: a document, or an error with the 1-based line it was found on. */
    public record Result(YamlNode document, int errorLine, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private YamlReader() {
    }

    /** Reads {@code text}; an empty document reads as an empty mapping. */
    public static Result read(String text) {
        return read(text, 1);
    }

    /**
     * Reads {@code text} that starts on line {@code firstLine} of its file, so that node lines and
     * error lines are file lines.
     */
    public static Result read(String text, int firstLine) {
        YamlNode.Mapping flat = FlatYaml.read(text, firstLine);
        return flat != null ? new Result(flat, 0, null) : readByParser(text, firstLine);
    }

    /** {@link #read(String, int)} through Jackson's YAML parser, whatever the document. */
    static Result readByParser(String text, int firstLine) {
        Result result = parse(text);
        int offset = firstLine - 1;
        if (offset == 0) {
            return result;
        }
        if (!result.ok()) {
            return new Result(null, result.errorLine() + offset, shiftLines(result.error(), offset));
        }
        return new Result(shift(result.document(), offset), 0, null);
    }

    private static YamlNode shift(YamlNode node, int offset) {
        if (node instanceof YamlNode.Scalar s) {
            return new YamlNode.Scalar(s.text(), s.line() + offset);
        }
        if (node instanceof YamlNode.Sequence seq) {
            List<YamlNode> items = new ArrayList<>();
            seq.items().forEach(item -> items.add(shift(item, offset)));
            return new YamlNode.Sequence(items, seq.line() + offset);
        }
        YamlNode.Mapping map = (YamlNode.Mapping) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> entries.put(k, shift(v, offset)));
        map.keyLines().forEach((k, v) -> keyLines.put(k, v + offset));
        return new YamlNode.Mapping(entries, keyLines, map.line() + offset);
    }

    private static String shiftLines(String message, int offset) {
        Matcher m = LINE_REFERENCE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "line " + (Integer.parseInt(m.group(1)) + offset));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Result parse(String text) {
        try (JsonParser parser = Factory.YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Result(new YamlNode.Mapping(Map.of(), Map.of(), 1), 0, null);
            }
            YamlNode node = readValue(parser);
            return new Result(node, 0, null);
        } catch (DuplicateKey e) {
            return new Result(null, e.line, e.getMessage());
        } catch (JsonProcessingException e) {
            return new Result(null, errorLine(e), errorMessage(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode readValue(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    if (entries.containsKey(key)) {
                        throw new DuplicateKey(key, keyLine, keyLines.get(key));
                    }
                    parser.nextToken();
                    entries.put(key, readValue(parser));
                    keyLines.put(key, keyLine);
                }
                return new YamlNode.Mapping(entries, keyLines, line);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(null, line);
            default:
                // getText() is the scalar as written, before YAML 1.1 typing.
                return new YamlNode.Scalar(parser.getText(), line);
        }
    }

    private static int errorLine(JsonProcessingException e) {
        Matcher m = MARK_LINE.matcher(e.getOriginalMessage());
        int line = 0;
        while (m.find()) {
            line = Integer.parseInt(m.group(1));
        }
        if (line == 0 && e.getLocation() != null) {
            line = e.getLocation().getLineNr();
        }
        return Math.max(line, 1);
    }

    /**
     * SnakeYAML messages repeat the source snippet; keep the sentence that names the problem and,
     * when the problem started earlier (an unclosed bracket or quote), where it started.
     */
    private static String errorMessage(JsonProcessingException e) {
        String problem = "invalid YAML";
        String context = null;
        int contextLine = 0;
        for (String part : e.getOriginalMessage().split("\n")) {
            String trimmed = part.strip();
            Matcher mark = MARK_LINE.matcher(trimmed);
            if (trimmed.startsWith("in '") && mark.find() && context != null && contextLine == 0) {
                contextLine = Integer.parseInt(mark.group(1));
            } else if (!trimmed.isEmpty() && !part.startsWith(" ") && !trimmed.startsWith("in '")
                    && !trimmed.equals("^")) {
                if (trimmed.startsWith("while ") && context == null) {
                    context = trimmed.substring("while ".length());
                } else {
                    problem = trimmed;
                }
            }
        }
        String message = "invalid YAML: " + problem;
        if (context != null && contextLine > 0) {
            message += " (while " + context + " that starts on line " + contextLine + ")";
        }
        return message;
    }

    private static final class DuplicateKey extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        DuplicateKey(String key, int line, int firstLine) {
            super("duplicate key \"" + key + "\" (first given on line " + firstLine + ")");
            this.line = line;
        }
    }
}
