package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2022, 12, 22, 20, 26, 0, 0, ZoneId.of("Asia/Tashkent"));

    private static Object[] values() {
        return new Object[] {"content/2022/12/treaty.md", 2, "/2022/12/22/treaty/", "Treaty signed", "treaty", DATE,
            null, "Politics", "politics", List.of("Tashkent"), List.of("Staff"), "Lead.", false, false, null, "",
            null, Map.of(), Body.of("<p>Lead.</p>"), "f1"};
    }

    private static Article article(Object[] values) throws ReflectiveOperationException {
        Class<?>[] types = new Class<?>[values.length];
        RecordComponent[] components = Article.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        return Article.class.getDeclaredConstructor(types).newInstance(values);
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

    /** A field added to Article and forgotten in sameApartFromBody would leave preview pages stale. */
    @Test
    void everyFieldButTheBodyAndFingerprintCountsForSameApartFromBody() throws ReflectiveOperationException {
        Article original = article(values());
        RecordComponent[] components = Article.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object[] values = values();
            values[i] = changed(components[i].getType(), values[i]);
            Article other = article(values);
            String name = components[i].getName();
            boolean bodyOnly = name.equals("body") || name.equals("fingerprint");
            assertThat(original.sameApartFromBody(other)).as(name).isEqualTo(bodyOnly);
            assertThat(other.sameApartFromBody(original)).as(name).isEqualTo(bodyOnly);
        }
    }
}
