package dev.gazette.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on. Scalars keep their source text: YAML 1.1 would turn
 * {@code no} into false and {@code 1.10} into 1.1, which is wrong for tags, titles and versions,
 * so each field converts text by its own rules.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** 1-based line in the document the node was read from. */
    int line();

    /** The node as plain Java values (String, List, Map, or null) for templates. */
    Object toPlain();

    /** A scalar; {@code text} is null for an empty value or {@code ~}. */
    record Scalar(String text, int line) implements YamlNode {
        @Override
        public Object toPlain() {
            return text;
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public Object toPlain() {
            List<Object> out = new ArrayList<>(items.size());
            for (YamlNode item : items) {
                out.add(item.toPlain());
            }
            return java.util.Collections.unmodifiableList(out);
        }
    }

    /** A mapping in document order; {@code keyLines} gives the line of each key. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }

        @Override
        public Object toPlain() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((key, value) -> out.put(key, value.toPlain()));
            return java.util.Collections.unmodifiableMap(out);
        }

        public int keyLine(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }
}
