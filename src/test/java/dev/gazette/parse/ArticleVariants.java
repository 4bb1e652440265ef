package dev.gazette.parse;

import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article, and for each of its fields the same article with only that field changed: for
 * tests that must notice a field added to {@link Article} and forgotten elsewhere.
 */
public final class ArticleVariants {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2022, 12, 22, 20, 26, 0, 0, ZoneId.of("Asia/Tashkent"));

    private ArticleVariants() {
    }

    public static Article original() {
        return article(values());
    }

    /** Field name to the original with that field changed, for every field, in declaration order. */
    public static Map<String, Article> changedOneField() {
        Map<String, Article> out = new LinkedHashMap<>();
        RecordComponent[] components = Article.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object[] values = values();
            values[i] = changed(components[i].getType(), values[i]);
            out.put(components[i].getName(), article(values));
        }
        return out;
    }

    private static Object[] values() {
        return new Object[] {"content/2022/12/treaty.md", 2, "/2022/12/22/treaty/", "Treaty signed", "treaty", DATE,
            null, "Politics", "politics", List.of("Tashkent"), List.of("Staff"), "Lead.", false, false, null, "",
            null, Map.of(), Body.of("<p>Lead.</p>"), "f1"};
    }

    private static Article article(Object[] values) {
        RecordComponent[] components = Article.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return Article.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another value of the same type, never equal to {@code value}. */
    private static Object changed(Class<?> type, Object value) {
        if (type == int.class) {
            return (int) value + 1;
        } else if (type == boolean.class) {
            return !(boolean) value;
        } else if (type == ZonedDateTime.class) {
            return value == null ? DATE : DATE.plusMinutes(1);
        } else if (type == List.class) {
            List<Object> list = new ArrayList<>((List<?>) value);
            list.add("Samarkand");
            return list;
        } else if (type == Map.class) {
            return Map.of("edition", "evening");
        } else if (type == Body.class) {
            return Body.of("<p>Another body.</p>");
        }
        return value + "-changed";
    }
}
