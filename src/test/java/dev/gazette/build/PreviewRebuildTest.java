package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.render.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's rebuild after an edit that changes only an article's body: pages that list the
 * article without printing its body are kept as they were, and every page that prints it shows
 * the new text, as a cold build would.
 */
class PreviewRebuildTest {

    private static final String NOW = "2022-12-23T12:00:00+05:00";
    private static final String STORY = "content/2022/12/story-3.md";

    @TempDir
    Path dir;

    private FixtureSite site(String extra) {
        StringBuilder spec = new StringBuilder("""
                -- gazette.yaml --
                title: Courier
                timezone: Asia/Tashkent
                pageSize: 10
                """);
        for (int i = 1; i <= 6; i++) {
            spec.append("-- content/2022/12/story-").append(i).append(".md --\n")
                    .append("---\ntitle: Story ").append(i).append("\ndate: 2022-12-").append(10 + i)
                    .append(" 10:00\ncategory: ").append(i % 2 == 0 ? "Politics" : "Economy")
                    .append("\ntags: [Tashkent]\n---\n")
                    .append("Lead of story ").append(i).append(".\n\nSecond paragraph of story ").append(i).append(".\n");
        }
        return FixtureSite.write(dir, spec + extra);
    }

    private BuildSession session(FixtureSite site) {
        return new BuildSession(new BuildOptions(dir, site.output(), null, false,
                OffsetDateTime.parse(NOW).toInstant()));
    }

    private static Map<String, OutputFile> byPath(List<OutputFile> files) {
        Map<String, OutputFile> out = new HashMap<>();
        files.forEach(f -> out.put(f.path(), f));
        return out;
    }

    private Map<String, OutputFile> editSecondParagraph(BuildSession session) throws IOException {
        Path story = dir.resolve(STORY);
        Files.writeString(story, Files.readString(story).replace("Second paragraph of story 3", "Rewritten second paragraph"));
        BuildOutcome outcome = session.rebuild(Set.of(story));
        assertThat(outcome.result().ok()).isTrue();
        return byPath(outcome.files());
    }

    @Test
    void listPagesThatDoNotPrintBodiesAreKeptAndTheSiteMatchesAColdBuild() throws IOException {
        FixtureSite site = site("");
        BuildSession session = session(site);
        Map<String, OutputFile> before = byPath(session.rebuildAll().files());
        Map<String, OutputFile> after = editSecondParagraph(session);

        // Story 3 is listed on these pages, and in the "More news" of its neighbours.
        for (String kept : List.of("index.html", "category/economy/index.html", "tag/tashkent/index.html",
                "2022/12/13/index.html", "2022/12/15/story-5/index.html")) {
            assertThat(after.get(kept)).as(kept).isSameAs(before.get(kept));
        }
        assertThat(new String(after.get("2022/12/13/story-3/index.html").bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Rewritten second paragraph");
        assertSameAsColdBuild(site);
    }

    @Test
    void listPagesThatPrintBodiesShowTheNewBody() throws IOException {
        // The category page prints bodies itself; the home page through teasers, rendered once
        // per build and reused by every list: both must notice the teaser printed a body.
        FixtureSite site = site("""
                -- templates/category.html --
                {% for a in articles %}<section>{{ a.body | raw }}</section>{% endfor %}
                -- templates/partials/teaser.html --
                <div class="teaser">{{ a.body | raw }}</div>
                """);
        BuildSession session = session(site);
        session.rebuildAll();
        editSecondParagraph(session);

        for (String page : List.of("/category/economy/", "/", "/tag/tashkent/", "/2022/12/", "/2022/12/13/")) {
            assertThat(site.page(page).text()).as(page).contains("Rewritten second paragraph");
        }
        assertSameAsColdBuild(site);
    }

    @Test
    void anAddedArticleKeepsPagesThatNeitherListItNorPrintCounts() throws IOException {
        // Its tag is new to the site: pages that print neither the list of tags nor an article's
        // tags stay as they are.
        FixtureSite site = site("");
        BuildSession session = session(site);
        Map<String, OutputFile> before = byPath(session.rebuildAll().files());
        Path added = dir.resolve("content/2020/03/story-9.md");
        site.file("content/2020/03/story-9.md", FixtureSite.article(
                "title: Story 9\ndate: 2020-03-01 10:00\ncategory: Politics\ntags: [Vote]", "Lead of story 9.\n"));
        BuildOutcome outcome = session.rebuild(Set.of(added));
        assertThat(outcome.result().ok()).isTrue();
        Map<String, OutputFile> after = byPath(outcome.files());

        for (String kept : List.of("category/economy/index.html", "2022/12/12/index.html", "2022/12/13/index.html")) {
            assertThat(after.get(kept)).as(kept).isSameAs(before.get(kept));
        }
        assertThat(after.get("category/index.html")).isNotSameAs(before.get("category/index.html"));
        assertSameAsColdBuild(site);
    }

    private void assertSameAsColdBuild(FixtureSite site) throws IOException {
        Path cold = dir.resolve("cold");
        site.buildOk("--now", NOW, "--output", cold.toString());
        Map<String, byte[]> expected = FixtureSite.tree(cold);
        Map<String, byte[]> actual = FixtureSite.tree(site.output());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
    }
}
