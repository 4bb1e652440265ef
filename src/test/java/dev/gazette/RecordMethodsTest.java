package dev.gazette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.ArchiveYear;
import dev.gazette.index.Category;
import dev.gazette.index.Page;
import dev.gazette.index.PeriodLink;
import dev.gazette.index.Term;
import dev.gazette.load.FileStamp;
import dev.gazette.render.SiteView;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The records whose toString, equals and hashCode are written out (a record's own are slow to make
 * in a fresh JVM) do what a record's would: caches and fingerprints rely on them covering every
 * component, including one added later.
 */
class RecordMethodsTest {

    private static final Category POLITICS = new Category("Politics", "politics", "/category/politics/", 3);
    private static final Term TASHKENT = new Term("Tashkent", "tashkent", "/tag/tashkent/", 2);
    private static final PeriodLink DECEMBER = new PeriodLink("December 2022", "/2022/12/", 4);

    @Test
    void printAsRecordsPrintThemselves() throws Exception {
        List<Record> records = List.of(
                new SiteConfig("Daily", "News", "https://example.org/news/", "uz-Latn", ZoneId.of("Asia/Tashkent"), 20,
                        "/:year/:slug/", List.of(new SiteConfig.CategoryName("politics", "Politics")), 30, false,
                        Instant.parse("2022-12-22T15:26:00Z")),
                new SiteConfig.CategoryName("politics", "Politics"),
                siteView(),
                new Page.CategoriesPage("/category/", List.of(POLITICS)),
                new Page.TermsPage("tags", "/tag/", "Tags", List.of(TASHKENT)),
                new Page.ArchivePage("/archive/", List.of(new ArchiveYear(2022, "2022", "/2022/", 4, List.of(DECEMBER)))),
                new Page.NotFoundPage(),
                new ArchiveYear(2022, "2022", "/2022/", 4, List.of(DECEMBER)),
                DECEMBER);
        for (Record record : records) {
            assertThat(record.toString()).isEqualTo(asRecordPrints(record));
        }
    }

    @Test
    void areEqualWhenEveryComponentIs() throws Exception {
        assertEqualWhenEveryComponentIs(siteView(), "Weekly", "Other", "ru", "https://example.com/", "/news/",
                List.of(), List.of(), List.of(TASHKENT), "2.0");
        assertEqualWhenEveryComponentIs(new FileStamp(4_620, 1_671_722_760_000_000_001L), 4_621L,
                1_671_722_760_000_000_002L);
    }

    /** {@code others} holds another value for each component, in order. */
    private static void assertEqualWhenEveryComponentIs(Record record, Object... others) throws Exception {
        assertThat(copy(record, -1, null)).isEqualTo(record).hasSameHashCodeAs(record);
        RecordComponent[] components = record.getClass().getRecordComponents();
        assertThat(others).hasSameSizeAs(components);
        for (int i = 0; i < components.length; i++) {
            assertThat(copy(record, i, others[i])).as(components[i].getName()).isNotEqualTo(record);
        }
        assertThat(record).isNotEqualTo(null).isNotEqualTo(record.toString());
    }

    private static SiteView siteView() {
        return new SiteView("Daily", "News", "en", "https://example.org/", "/", List.of(POLITICS), List.of(TASHKENT),
                List.of(), "1.0");
    }

    /** The record's values, from its fields as a record's own toString takes them. */
    private static String asRecordPrints(Record record) throws Exception {
        StringJoiner printed = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            printed.add(component.getName() + "=" + field(record, component));
        }
        return printed.toString();
    }

    /** A copy of {@code record} with component {@code index} replaced by {@code value} (none for -1). */
    private static <R extends Record> R copy(R record, int index, Object value) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? value : field(record, components[i]);
        }
        Constructor<?> canonical = record.getClass().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        @SuppressWarnings("unchecked")
        R copy = (R) canonical.newInstance(values);
        return copy;
    }

    private static Object field(Record record, RecordComponent component) throws Exception {
        Field field = record.getClass().getDeclaredField(component.getName());
        field.setAccessible(true);
        return field.get(record);
    }
}
