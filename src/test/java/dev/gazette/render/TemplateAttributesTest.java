package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.index.ArchiveYear;
import dev.gazette.index.Category;
import dev.gazette.index.PageLink;
import dev.gazette.index.Pagination;
import dev.gazette.index.Period;
import dev.gazette.index.PeriodLink;
import dev.gazette.index.Term;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateAttributesTest {

    /** A value as templates see it. */
    public record Sample(String title, boolean flag, int count, List<String> items) {
        public String greet(String who) {
            return "hello " + who;
        }
    }

    /** Pebble reads {@code name} by name() when getName() exists too, and {@code title} by getTitle(). */
    public static final class Preferring {
        public String name() {
            return "plain";
        }

        public String getName() {
            return "getter";
        }

        public String getTitle() {
            return "title getter";
        }
    }

    private static final String TEMPLATE = "{{ s.title }}|{{ s.flag }}|{{ s.count }}|{{ s.items | length }}|"
            + "{{ s.greet('you') }}|{{ p.name }}|{{ p.title }}|{{ d.year }}|{{ s['title'] }}|{{ s.title() }}";

    @Test
    void templatesReadTheSameValuesAsThroughPebbleAlone() {
        Map<String, Object> values = Map.of("s", new Sample("Tashkent <b>", true, 3, List.of("a", "b")),
                "p", new Preferring(), "d", ZonedDateTime.of(2022, 12, 22, 20, 26, 0, 0, ZoneId.of("Asia/Tashkent")));
        String withResolver = render(engine(true), TEMPLATE, values);
        assertThat(withResolver).isEqualTo(render(engine(false), TEMPLATE, values))
                .isEqualTo("Tashkent &lt;b&gt;|true|3|2|hello you|plain|title getter|2022|Tashkent &lt;b&gt;|Tashkent &lt;b&gt;");
    }

    @Test
    void anUnknownAttributeIsStillAnError() {
        assertThatThrownBy(() -> render(engine(true), "{{ s.missing }}",
                Map.of("s", new Sample("t", false, 0, List.of()))))
                .hasMessageContaining("missing");
    }

    @Test
    void ownValuesAreReadDirectlyAndOthersAreLeftToPebble() {
        TemplateAttributes resolver = new TemplateAttributes();
        Sample sample = new Sample("t", true, 1, List.of());
        assertThat(resolver.resolve(sample, "title", null, null, null, "t", 1).evaluatedValue).isEqualTo("t");
        assertThat(resolver.resolve(sample, "flag", new Object[0], null, null, "t", 1).evaluatedValue).isEqualTo(true);
        assertThat(resolver.resolve(sample, "greet", new Object[] {"x"}, null, null, "t", 1)).isNull();
        assertThat(resolver.resolve(sample, "hashCode", null, null, null, "t", 1)).isNull();
        assertThat(resolver.resolve(sample, "missing", null, null, null, "t", 1)).isNull();
        assertThat(resolver.resolve(new Preferring(), "name", null, null, null, "t", 1).evaluatedValue)
                .isEqualTo("plain");
        assertThat(resolver.resolve(new Preferring(), "title", null, null, null, "t", 1)).isNull();
        assertThat(resolver.resolve(List.of(1), "size", null, null, null, "t", 1)).isNull();
    }

    /** Every accessor of the values the default theme reads is read directly, none by reflection. */
    @Test
    void everyAccessorOfTheTemplateValuesIsReadDirectly() {
        for (Class<?> type : List.of(ArticleView.class, SiteView.class, PageView.class, FeedLink.class,
                Category.class, Term.class, Pagination.class, PageLink.class, Period.class, PeriodLink.class,
                ArchiveYear.class)) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0 && !List.of("toString", "hashCode").contains(method.getName())) {
                    assertThat(TemplateAttributes.readsDirectly(type, method.getName()))
                            .as(type.getSimpleName() + "." + method.getName()).isTrue();
                }
            }
        }
    }

    private static PebbleEngine engine(boolean withResolver) {
        PebbleEngine.Builder builder = new PebbleEngine.Builder().loader(new StringLoader()).strictVariables(true)
                .autoEscaping(true);
        if (withResolver) {
            builder.extension(TemplateAttributes.extension());
        }
        return builder.build();
    }

    private static String render(PebbleEngine engine, String template, Map<String, Object> values) {
        try {
            StringWriter out = new StringWriter();
            engine.getTemplate(template).evaluate(out, values);
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
