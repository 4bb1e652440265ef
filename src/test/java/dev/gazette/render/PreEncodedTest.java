package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.MemoryLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pages written through {@link PreEncoded} are the bytes Pebble writes without it. */
class PreEncodedTest {

    private static final Map<String, Object> VALUES = Map.of("m",
            Map.of("body", "<b>bold</b> & ü 😀 \ud800", "title", "<T>", "flag", true));

    @Test
    void writesTheBytesPebbleWrites() throws IOException {
        MemoryLoader loader = new MemoryLoader();
        // The base's text ends in half of a surrogate pair whose other half starts the child's block.
        loader.addTemplate("base.html", "<p>Ташкент 😀 — \ud83d{% block content %}base{% endblock %}</p>\n"
                + "{{ m.body | raw }}|{{ m.body }}|{{ m.body | upper | raw }}|{{ m['body'] | raw }}");
        // A child's text outside its blocks is never printed; its blocks are.
        loader.addTemplate("child.html", "{% extends 'base.html' %}outside the blocks{% block content %}"
                + "\ude00ребёнок {{ m.title }} &amp; {% if m.flag %}да{% else %}нет{% endif %}{% endblock %}");
        for (String name : List.of("base.html", "child.html")) {
            byte[] page = withExtension(loader, name);
            assertThat(page).as(name).isEqualTo(withoutExtension(loader, name).getBytes(StandardCharsets.UTF_8));
        }
        String child = new String(withExtension(loader, "child.html"), StandardCharsets.UTF_8);
        assertThat(child).doesNotContain("outside the blocks").contains("— 😀ребёнок &lt;T&gt; &amp; да")
                .contains("<b>bold</b> & ü 😀 ?|&lt;b&gt;bold&lt;/b&gt; &amp; ü 😀 ?|<B>BOLD</B>");
    }

    private static String withoutExtension(MemoryLoader loader, String name) throws IOException {
        StringWriter out = new StringWriter();
        engine(loader, false).getTemplate(name).evaluate(out, VALUES);
        return out.toString();
    }

    private static byte[] withExtension(MemoryLoader loader, String name) throws IOException {
        Utf8PageWriter out = Utf8PageWriter.ofThisThread();
        engine(loader, true).getTemplate(name).evaluate(out, VALUES);
        return out.toByteArray();
    }

    private static PebbleEngine engine(MemoryLoader loader, boolean preEncoded) {
        PebbleEngine.Builder builder = new PebbleEngine.Builder().loader(loader).strictVariables(true)
                .autoEscaping(true).cacheActive(false);
        if (preEncoded) {
            builder.extension(PreEncoded.extension());
        }
        return builder.build();
    }
}
